// The login's rules that need no card or server: the PIN's three levels, the certificate's
// validity as the card page judges it, where a locked card is unblocked, and the seed's wording
// for the server's identity errors.
#include "core/login/login_types.hpp"

#include <catch2/catch.hpp>

using namespace core::login;
using core::api::ErrorKind;
using core::api::Failure;
using core::api::ServiceError;

namespace {

core::auth::PinStatus tries(std::optional<int> left, bool countLow = false, bool blocked = false)
{
    core::auth::PinStatus status;
    status.triesLeft = left;
    status.countLow = countLow;
    status.blocked = blocked;
    return status;
}

Failure httpFailure(ServiceError error)
{
    Failure failure;
    failure.kind = ErrorKind::Http;
    failure.httpStatus = 403;
    failure.error = error;
    return failure;
}

core::cards::CardReport cardValid(const QDateTime& from, const QDateTime& to)
{
    core::pki::CertificateInfo certificate;
    certificate.usage = core::pki::CertificateUsage::Signing;
    certificate.notBefore = from;
    certificate.notAfter = to;
    core::cards::CardReport report;
    report.kind = QStringLiteral("iso-eid");
    report.certificates.append(certificate);
    return report;
}

} // namespace

TEST_CASE("login: the PIN's levels follow the tries left", "[login]")
{
    CHECK(pinLevelOf(tries(3)) == PinLevel::Normal);
    CHECK(pinLevelOf(tries(std::nullopt)) == PinLevel::Normal);
    CHECK(pinLevelOf(tries(2)) == PinLevel::TriesLow);
    CHECK(
        pinLevelOf(tries(std::nullopt, true)) == PinLevel::TriesLow); // a wrong PIN, count unknown
    CHECK(pinLevelOf(tries(1)) == PinLevel::FinalTry);
    CHECK(pinLevelOf(tries(0)) == PinLevel::Locked);
    CHECK(pinLevelOf(tries(2, false, true)) == PinLevel::Locked);
}

TEST_CASE("login: an expired or not yet valid certificate is told apart", "[login]")
{
    const QDateTime now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
    const QDateTime before = now.addDays(-30);
    const QDateTime after = now.addDays(30);
    CHECK(certificateValidity(cardValid(before, after), now) == CertificateValidity::Valid);
    CHECK(certificateValidity(cardValid(before, now.addSecs(-1)), now)
        == CertificateValidity::Expired);
    CHECK(certificateValidity(cardValid(now.addSecs(1), after), now)
        == CertificateValidity::NotYetValid);
    core::cards::CardReport empty;
    CHECK(certificateValidity(empty, now) == CertificateValidity::Missing);
}

TEST_CASE("login: a locked card is unblocked at the seed's MOICA or GCA site", "[login]")
{
    CHECK(unblockSiteFor(QStringLiteral("gca")) == UnblockSite::Gca);
    CHECK(unblockSiteFor(QStringLiteral("moica-gen2")) == UnblockSite::Moica);
    CHECK(unblockSiteFor(QStringLiteral("iso-eid")) == UnblockSite::Moica);
    CHECK(unblockUrl(UnblockSite::Moica) == "http://moica.nat.gov.tw/html/unblockcard.htm#2");
    CHECK(unblockUrl(UnblockSite::Gca) == "https://gcaweb.nat.gov.tw/gcacms/04-04.html");
}

TEST_CASE("login: the server's identity errors read as the seed words them", "[login]")
{
    const LoginProblem notFound = problemFor(httpFailure(ServiceError::PersonNotFound));
    CHECK(notFound.message.startsWith("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中"));
    CHECK(notFound.retryStep == LoginStep::Activation);

    const LoginProblem inactive = problemFor(httpFailure(ServiceError::PersonInactive));
    CHECK(inactive.message.contains("失敗原因：此身份證字號已停用"));
    CHECK(inactive.retryStep == LoginStep::Activation);

    const LoginProblem mismatch = problemFor(httpFailure(ServiceError::CertificateOwnerMismatch));
    CHECK(mismatch.message.contains("並不是同一個使用者"));
    CHECK(mismatch.retryStep == LoginStep::Activation);

    for (const auto error : { ServiceError::CertificateExpired, ServiceError::CertificateRevoked,
             ServiceError::CertificateUntrusted }) {
        const LoginProblem invalid = problemFor(httpFailure(error));
        CHECK(invalid.message.startsWith("插入之自然人憑證或機關憑證無效"));
        CHECK_FALSE(invalid.retryMakesSense);
    }

    Failure offline;
    offline.kind = ErrorKind::Network;
    const LoginProblem network = problemFor(offline);
    CHECK(network.retryMakesSense);
    CHECK(network.kind == ErrorKind::Network);
}
