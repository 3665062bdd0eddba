#pragma once

// A LoginController between the two scripted ports, with a clock the test moves, and the
// steps a clerk takes to reach the PIN.

#include "core/auth/auth_token.hpp"
#include "core/login/login_controller.hpp"
#include "login_fakes.hpp"

#include <QTimeZone>

namespace logintest {

using core::login::LoginStep;
using core::login::PinLevel;

inline const QString reader = QStringLiteral("Scripted Reader 00 00");

inline std::unique_ptr<core::auth::PinBuffer> pinOf(const char* digits)
{
    auto pin = std::make_unique<core::auth::PinBuffer>();
    for (const char* c = digits; *c; ++c)
        pin->append(*c);
    return pin;
}

/// A 自然人憑證 whose signing certificate is valid now.
inline core::cards::CardReport citizenCard()
{
    core::pki::CertificateInfo signing;
    signing.der = QByteArray("certificate-der");
    signing.holderName = QStringLiteral("王小明");
    signing.usage = core::pki::CertificateUsage::Signing;
    signing.notBefore = QDateTime::currentDateTimeUtc().addYears(-1);
    signing.notAfter = QDateTime::currentDateTimeUtc().addYears(1);
    core::cards::CardReport report;
    report.reader = reader;
    report.kind = QStringLiteral("iso-eid");
    report.cardNumber = QStringLiteral("TP00000000000042");
    report.certificates = { signing };
    return report;
}

inline core::auth::PinStatus triesLeft(int tries)
{
    core::auth::PinStatus status;
    status.triesLeft = tries;
    status.countLow = tries < 3;
    status.minLength = 6;
    status.maxLength = 8;
    return status;
}

inline core::api::LoginOutcome sessionOutcome()
{
    core::api::LoginOutcome outcome;
    outcome.session.token = QStringLiteral("session-token");
    outcome.session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    outcome.assurance = core::api::Assurance::Certificate;
    outcome.account = QJsonObject { { QStringLiteral("account"), QStringLiteral("wang01") } };
    return outcome;
}

inline core::cards::CardSignature signature()
{
    return { QByteArray("signature"), QByteArray("certificate-der"), QStringLiteral("TP42") };
}

struct Login {
    Login()
    {
        controller.setClock([this] { return now; });
        card.readers = { { reader, true, {} } };
    }

    /// From the card in the reader to the PIN step, with the card's PIN status `status`.
    void toPin(const core::auth::PinStatus& status = triesLeft(3))
    {
        controller.start();
        REQUIRE(controller.step() == LoginStep::ReadingCard);
        card.answerInspection(FakeCard::ok(citizenCard()));
        card.answerPinStatus(status);
        REQUIRE(controller.step() == LoginStep::Pin);
    }
    /// The challenge asked for is answered, valid for five minutes by the test's clock.
    void challengeArrives() { service.answerChallenge(now.addSecs(300)); }
    QString lastNonce() const
    {
        return QString::fromLatin1(QByteArray(32, char('a' + service.issued % 26)).toBase64());
    }
    QByteArray digestFor(const QString& nonce) const
    {
        return core::auth::authDigest(controller.origin(), nonce);
    }

    FakeCard card;
    FakeService service;
    core::session::SessionState session;
    QDateTime now { QDate(2025, 1, 6), QTime(9, 0), QTimeZone::utc() };
    core::login::LoginController controller { card, service, session, nullptr };
};

} // namespace logintest
