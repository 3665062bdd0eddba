// The login controller's pure parts, without a card or a server: the PIN levels, the card
// page's validity verdict, the unblock sites, and the seed's wording for the server's errors.
#include "core/login/login_types.hpp"

#include <catch2/catch.hpp>

using namespace core::login;

namespace {

core::api::Failure httpFailure(core::api::ServiceError error, int status)
{
    core::api::Failure failure;
    failure.kind = core::api::ErrorKind::Http;
    failure.httpStatus = status;
    failure.error = error;
    return failure;
}

core::cards::CardReport reportValid(const QDateTime& from, const QDateTime& to)
{
    core::pki::CertificateInfo certificate;
    certificate.usage = core::pki::CertificateUsage::Signing;
    certificate.keyUsage = { QStringLiteral("digitalSignature") };
    certificate.notBefore = from;
    certificate.notAfter = to;
    core::cards::CardReport report;
    report.kind = QStringLiteral("iso-eid");
    report.certificates.append(certificate);
    return report;
}

} // namespace

TEST_CASE("PIN levels: normal, tries low, final try, locked", "[login]")
{
    core::auth::PinStatus status;
    CHECK(pinLevelOf(status) == PinLevel::Normal);
    status.triesLeft = 3;
    CHECK(pinLevelOf(status) == PinLevel::Normal);
    status.triesLeft = 2;
    CHECK(pinLevelOf(status) == PinLevel::TriesLow);
    status.triesLeft = 1;
    CHECK(pinLevelOf(status) == PinLevel::FinalTry);
    status.triesLeft = 0;
    CHECK(pinLevelOf(status) == PinLevel::Locked);
    status = {};
    status.countLow = true;
    CHECK(pinLevelOf(status) == PinLevel::TriesLow);
    status.blocked = true;
    CHECK(pinLevelOf(status) == PinLevel::Locked);
}

TEST_CASE("The card page stops an expired or not yet valid certificate", "[login]")
{
    const QDateTime now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
    const QDateTime from = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    CHECK(certificateValidity(reportValid(from, to), now) == CertificateValidity::Valid);
    CHECK(
        certificateValidity(reportValid(from, to), to.addSecs(1)) == CertificateValidity::Expired);
    CHECK(certificateValidity(reportValid(from, to), from.addSecs(-1))
        == CertificateValidity::NotYetValid);
    CHECK(certificateValidity(core::cards::CardReport {}, now) == CertificateValidity::Missing);
}

TEST_CASE("A locked card is sent to MOICA or GCA as the seed says", "[login]")
{
    CHECK(unblockSiteFor(QStringLiteral("gca")) == UnblockSite::Gca);
    CHECK(unblockSiteFor(QStringLiteral("moica-gen2")) == UnblockSite::Moica);
    CHECK(unblockSiteFor(QStringLiteral("iso-eid")) == UnblockSite::Moica);
    CHECK(unblockUrl(UnblockSite::Moica) == "https://moica.nat.gov.tw/html/unblockcard.htm#2");
    CHECK(unblockUrl(UnblockSite::Gca) == "https://gcaweb.nat.gov.tw/gcacms/04-04.html");
}

TEST_CASE("The activation failures read as the seed's and stay on the activation page", "[login]")
{
    using core::api::ServiceError;
    const auto notFound = problemFor(httpFailure(ServiceError::PersonNotFound, 404));
    // Word for word as the seed gives them (its activation step, failures (1.)–(3.)).
    CHECK(notFound.message
        == QStringLiteral("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中，如為現職公務人員，"
                          "請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，"
                          "方可登入本總處「人事服務網」。"));
    CHECK(notFound.retryStep == LoginStep::Activation);
    const auto inactive = problemFor(httpFailure(ServiceError::PersonInactive, 403));
    CHECK(inactive.message
        == QStringLiteral(
            "驗證失敗\n失敗原因：此身份證字號已停用，可能是此帳號之人事資料為卸職狀態，"
            "若有問題請先洽機關所屬人事部門洽詢。"));
    CHECK(inactive.retryStep == LoginStep::Activation);
    const auto mismatch = problemFor(httpFailure(ServiceError::CertificateOwnerMismatch, 403));
    CHECK(mismatch.message
        == QStringLiteral("驗證失敗\n失敗原因：此身份證字號與使用的自然人憑證序號向憑證中心查詢回應"
                          "並不是同一個使用者，請確定輸入的eCPA自訂帳號或是身分證字號是否正確。"));
    CHECK(mismatch.retryStep == LoginStep::Activation);
    const auto revoked = problemFor(httpFailure(ServiceError::CertificateRevoked, 401));
    CHECK(revoked.message.contains(QStringLiteral("憑證無效")));
    CHECK_FALSE(revoked.retryMakesSense);
}

TEST_CASE("No answer from the service is a retry, not a verdict", "[login]")
{
    core::api::Failure failure;
    failure.kind = core::api::ErrorKind::Network;
    const auto problem = problemFor(failure);
    CHECK(problem.retryMakesSense);
    CHECK(problem.message.contains(QStringLiteral("離線作業")));
}
