#pragma once

// The login controller's two ports, scripted: every request waits in a queue until the test
// answers it, so a test decides what the card and the service say, and when. No pcscd, no
// server, no threads.

#include "core/auth/pin_buffer.hpp"
#include "core/cards/card_access.hpp"
#include "core/login/login_service.hpp"

#include <QPointer>
#include <catch2/catch.hpp>
#include <deque>
#include <string>

namespace logintest {

template <typename Done> struct Asked {
    QPointer<QObject> context;
    Done done;
};

class FakeCard : public core::cards::CardAccess {
public:
    template <typename T> using Done = std::function<void(const core::cards::CardResult<T>&)>;
    struct Signing {
        QString reader;
        std::string pin; // what the buffer held when it arrived (a test's PIN, not a secret)
        QByteArray digest;
        bool confirmLastTry = false;
        Done<core::cards::CardSignature> done;
    };

    void startWatching() override { watching = true; }
    QList<core::cards::ReaderState> knownReaders() const override { return readers; }
    bool serviceAvailable() const override { return available; }
    void inspect(
        QObject* context, const QString& reader, Done<core::cards::CardReport> done) override
    {
        inspections.push_back({ reader, { context, std::move(done) } });
    }
    void readPinStatus(
        QObject* context, const QString& reader, Done<core::auth::PinStatus> done) override
    {
        pinReads.push_back({ reader, { context, std::move(done) } });
    }
    void sign(QObject*, const QString& reader, std::unique_ptr<core::auth::PinBuffer> pin,
        const QByteArray& digest, bool confirmLastTry,
        Done<core::cards::CardSignature> done) override
    {
        const auto bytes = pin->bytes();
        signings.push_back({ reader, std::string(bytes.begin(), bytes.end()), digest,
            confirmLastTry, std::move(done) });
    } // the buffer is wiped here, as the real card service does after its one attempt

    /// A reader with a card, as the watcher reports it.
    void insert(const QString& reader)
    {
        readers = { { reader, true, {} } };
        emit cardInserted(reader, {});
    }
    void remove(const QString& reader)
    {
        readers = { { reader, false, {} } };
        emit cardRemoved(reader);
    }

    template <typename T> static core::cards::CardResult<T> ok(T value)
    {
        core::cards::CardResult<T> result;
        result.value = std::move(value);
        return result;
    }
    template <typename T>
    static core::cards::CardResult<T> refused(
        core::cards::CardProblem problem, std::optional<int> triesLeft = {})
    {
        core::cards::CardResult<T> result;
        result.error = core::cards::CardFault::from(
            core::cards::CardFailure(problem, "scripted", triesLeft));
        return result;
    }

    void answerInspection(const core::cards::CardResult<core::cards::CardReport>& result)
    {
        REQUIRE_FALSE(inspections.empty());
        auto asked = std::move(inspections.front().second);
        inspections.pop_front();
        asked.done(result);
    }
    void answerPinStatus(const core::auth::PinStatus& status)
    {
        REQUIRE_FALSE(pinReads.empty());
        auto asked = std::move(pinReads.front().second);
        pinReads.pop_front();
        asked.done(ok(status));
    }
    void answerSigning(const core::cards::CardResult<core::cards::CardSignature>& result)
    {
        REQUIRE_FALSE(signings.empty());
        auto signing = std::move(signings.front());
        signings.pop_front();
        signing.done(result);
    }

    QList<core::cards::ReaderState> readers;
    bool available = true;
    bool watching = false;
    std::deque<std::pair<QString, Asked<Done<core::cards::CardReport>>>> inspections;
    std::deque<std::pair<QString, Asked<Done<core::auth::PinStatus>>>> pinReads;
    std::deque<Signing> signings;
};

class FakeService : public core::login::LoginService {
public:
    QUrl baseUrl() const override { return QUrl(QStringLiteral("http://127.0.0.1:8443")); }
    void challenge(QObject* context, Done<core::api::Challenge> done) override
    {
        challenges.push_back({ context, std::move(done) });
    }
    void certificateLogin(
        QObject* context, const QJsonObject& request, Done<core::api::LoginOutcome> done) override
    {
        logins.push_back({ request, { context, std::move(done) } });
    }
    void activate(QObject* context, const QString&, const QString& accountOrIdNumber,
        Done<core::api::LoginOutcome> done) override
    {
        activations.push_back({ accountOrIdNumber, { context, std::move(done) } });
    }
    void setUpAccount(QObject* context, const QString& account, const QString&, const QString&,
        Done<QJsonObject> done) override
    {
        setups.push_back({ account, { context, std::move(done) } });
    }
    void passwordLogin(QObject* context, const QString& account, const QString&,
        Done<core::api::LoginOutcome> done) override
    {
        passwordLogins.push_back({ account, { context, std::move(done) } });
    }
    void logout() override { ++logouts; }

    template <typename T> static core::api::Result<T> ok(T value)
    {
        core::api::Result<T> result;
        result.value = std::move(value);
        return result;
    }
    /// The server's refusal: HTTP `status` with the error code `code`.
    template <typename T> static core::api::Result<T> refused(int status, const QString& code)
    {
        core::api::Result<T> result;
        result.failure.kind = core::api::ErrorKind::Http;
        result.failure.httpStatus = status;
        result.failure.code = code;
        result.failure.error = core::api::serviceErrorFromCode(code);
        return result;
    }
    template <typename T> static core::api::Result<T> unreachable()
    {
        core::api::Result<T> result;
        result.failure.kind = core::api::ErrorKind::Network;
        return result;
    }

    /// A fresh nonce each time (standard base64 of 32 bytes), valid until `expiresAt`.
    void answerChallenge(const QDateTime& expiresAt)
    {
        REQUIRE_FALSE(challenges.empty());
        auto asked = std::move(challenges.front());
        challenges.pop_front();
        ++issued;
        QByteArray raw(32, char('a' + issued % 26));
        asked.done(ok(core::api::Challenge { QString::fromLatin1(raw.toBase64()), expiresAt }));
    }
    void failChallenge()
    {
        REQUIRE_FALSE(challenges.empty());
        auto asked = std::move(challenges.front());
        challenges.pop_front();
        asked.done(unreachable<core::api::Challenge>());
    }
    void answerLogin(const core::api::Result<core::api::LoginOutcome>& result)
    {
        REQUIRE_FALSE(logins.empty());
        auto asked = std::move(logins.front().second);
        logins.pop_front();
        asked.done(result);
    }

    std::deque<Asked<Done<core::api::Challenge>>> challenges;
    std::deque<std::pair<QJsonObject, Asked<Done<core::api::LoginOutcome>>>> logins;
    std::deque<std::pair<QString, Asked<Done<core::api::LoginOutcome>>>> activations;
    std::deque<std::pair<QString, Asked<Done<QJsonObject>>>> setups;
    std::deque<std::pair<QString, Asked<Done<core::api::LoginOutcome>>>> passwordLogins;
    int issued = 0;
    int logouts = 0;
};

} // namespace logintest
