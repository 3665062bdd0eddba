// `shiqiuren-card pin-status` and `sign` against the iso-eid virtual card, as a clerk's IT
// support would run them: the token verifies over the contract's exact bytes, the three-strike
// rules hold end to end, and no PIN shows up in any output or log — with debug logging on.
#include "card_wait.hpp"
#include "rs256_verify.hpp"
#include "virtual_card.hpp"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace testsupport;

namespace {

const QString origin = QStringLiteral("https://recruit.example.gov.tw");
const QString nonce = QStringLiteral("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
const QByteArray rightPin = "123456";
const QByteArray wrongPin = "654321";

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

/// Every output of every run, for the leak check at the end.
QByteArray& everythingPrinted()
{
    static QByteArray all;
    return all;
}

Run runCli(const QTemporaryDir& home, const QStringList& args, const QByteArray& stdinText = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), QStringLiteral("zh_TW.UTF-8"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.path() + QStringLiteral("/cache"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    process.setProcessEnvironment(environment);
    process.start(buildBinDir() + QStringLiteral("/shiqiuren-card"),
        args + QStringList { QStringLiteral("--trace") });
    process.write(stdinText);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(30000));
    Run run { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
    everythingPrinted() += run.out + run.err;
    return run;
}

Run sign(const QTemporaryDir& home, const QByteArray& pin, bool confirm = false)
{
    QStringList args { QStringLiteral("sign"), QStringLiteral("--origin"), origin,
        QStringLiteral("--nonce"), nonce, QStringLiteral("--json") };
    if (confirm)
        args << QStringLiteral("--confirm-last-try");
    return runCli(home, args, pin + '\n');
}

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

/// The server's check: the signature over SHA-256(SHA-256(origin) ‖ SHA-256(nonce)).
bool tokenVerifies(const QJsonObject& token)
{
    const QByteArray der = QByteArray::fromBase64(
        token.value(QStringLiteral("unverifiedCertificate")).toString().toLatin1());
    const QByteArray signature
        = QByteArray::fromBase64(token.value(QStringLiteral("signature")).toString().toLatin1());
    const QByteArray digest = sha256(sha256(origin.toUtf8()) + sha256(nonce.toUtf8()));
    return testsupport::rs256VerifiesQ(der, digest, signature);
}

/// VERIFY commands that carried a PIN (the emulator also logs the empty, no-try status queries).
long pinVerifies(VirtualCard& card)
{
    static const QRegularExpression withPin(QStringLiteral("VERIFY <[1-9][0-9]* bytes redacted>"));
    long count = 0;
    for (auto it = withPin.globalMatch(card.log()); it.hasNext(); it.next())
        ++count;
    return count;
}

const QByteArray letterPin = "Ab12cD"; // MOICA PINs mix letters and digits, case kept
const QByteArray letterPinOtherCase = "ab12cd";

/// The counting test module's state file, playing the vendor's HiCOS module: the card's
/// certificate and key, three tries, `pin`, and the vendor's tries-left return codes.
QString moduleState(const QTemporaryDir& home, const QByteArray& pin)
{
    const QString state = home.path() + QStringLiteral("/module.state");
    QFile file(state);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("pin=" + pin + "\ntries=3\nmaxTries=3\nmode=vendor-codes\n");
    file.write(QStringLiteral("cert=%1/citizen-sign.der\nkey=%1/citizen-sign.key\n")
                   .arg(testPkiDir())
                   .toUtf8());
    return state;
}

void requireNoPin(const QByteArray& haystack, const char* where)
{
    INFO(where);
    for (const QByteArray& pin : { rightPin, wrongPin, letterPin, letterPinOtherCase }) {
        CHECK_FALSE(haystack.contains(pin));
        CHECK_FALSE(haystack.toUpper().contains(pin.toHex().toUpper()));
        CHECK_FALSE(haystack.toUpper().contains(pin.toHex(' ').toUpper()));
    }
}

} // namespace

TEST_CASE(
    "sign prints a token that verifies, and the three strikes hold end to end", "[pcsc][cli][pin]")
{
    QTemporaryDir home;
    const auto card = insertCard(QStringLiteral("iso-eid"));

    SECTION("a right PIN signs the login challenge")
    {
        const Run run = sign(home, rightPin);
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        const QJsonObject request = run.json();
        CHECK(request.value(QStringLiteral("nonce")).toString() == nonce);
        const QJsonObject token = request.value(QStringLiteral("authToken")).toObject();
        CHECK(token.value(QStringLiteral("format")).toString() == QStringLiteral("web-eid:1.0"));
        CHECK(token.value(QStringLiteral("algorithm")).toString() == QStringLiteral("RS256"));
        CHECK(QByteArray::fromBase64(
                  token.value(QStringLiteral("unverifiedCertificate")).toString().toLatin1())
            == pkiFile(QStringLiteral("citizen-sign.der")));
        CHECK(tokenVerifies(token));
        CHECK(card->stats().at("signatures") == 1);
    }

    SECTION("wrong, wrong, then the last try needs confirming; confirmed and wrong locks the card")
    {
        Run run = sign(home, wrongPin);
        CHECK(run.exitCode == 7);
        CHECK(run.json().value(QStringLiteral("triesLeft")).toInt() == 2);
        CHECK(QString::fromUtf8(run.err).contains(QStringLiteral("2")));

        const Run status = runCli(home, { QStringLiteral("pin-status"), QStringLiteral("--json") });
        CHECK(status.exitCode == 0);
        CHECK(status.json().value(QStringLiteral("triesLeft")).toInt() == 2);
        CHECK(status.json().value(QStringLiteral("source")).toString() == QStringLiteral("card"));

        run = sign(home, wrongPin);
        CHECK(run.exitCode == 7);
        CHECK(run.json().value(QStringLiteral("triesLeft")).toInt() == 1);

        const long verifiesBefore = pinVerifies(*card);
        run = sign(home, rightPin); // even the right PIN is not sent without confirmation
        CHECK(run.exitCode == 9);
        CHECK(pinVerifies(*card) == verifiesBefore);
        CHECK(card->stats().at("tries") == 1);

        run = sign(home, wrongPin, true);
        CHECK(run.exitCode == 8);
        CHECK(card->stats().at("tries") == 0);

        const long verifiesBlocked = pinVerifies(*card);
        CHECK(sign(home, rightPin, true).exitCode == 8);
        CHECK(runCli(home, { QStringLiteral("pin-status"), QStringLiteral("--json") })
                  .json()
                  .value(QStringLiteral("blocked"))
                  .toBool());
        CHECK(pinVerifies(*card) == verifiesBlocked); // no PIN reached the card again
    }

    SECTION("wrong, wrong, right resets the counter")
    {
        CHECK(sign(home, wrongPin).exitCode == 7);
        CHECK(sign(home, wrongPin).exitCode == 7);
        CHECK(sign(home, rightPin, true).exitCode == 0);
        CHECK(card->stats().at("tries") == 3);
    }

    SECTION("a PIN of the wrong length is never sent")
    {
        const long before = pinVerifies(*card);
        const Run run = sign(home, "12");
        CHECK(run.exitCode == 1);
        CHECK(QString::fromUtf8(run.err).contains(QStringLiteral("長度")));
        CHECK(pinVerifies(*card) == before);
        CHECK(card->stats().at("tries") == 3);
    }

    // Debug logging was on for every run above: the PINs appear in none of our outputs or logs.
    requireNoPin(everythingPrinted(), "shiqiuren-card stdout/stderr");
    requireNoPin(card->log().toUtf8(), "virtual-card log");
    QDirIterator files(home.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        REQUIRE(file.open(QIODevice::ReadOnly));
        requireNoPin(file.readAll(), qPrintable(file.fileName()));
    }
}

TEST_CASE("sign on a HiCOS card without the vendor's module names the module and sends no VERIFY",
    "[pcsc][cli][pin]")
{
    QTemporaryDir home;
    const auto card = insertCard(QStringLiteral("moica-gen1"));
    qputenv("SHIQIUREN_PKCS11_MODULE", "/nonexistent/libHicos_p11v1.so");
    const Run run = sign(home, rightPin);
    qunsetenv("SHIQIUREN_PKCS11_MODULE");
    CHECK(run.exitCode == 1);
    CHECK(QString::fromUtf8(run.err).contains(QStringLiteral("PKCS#11")));
    CHECK(run.json().value(QStringLiteral("error")).toString()
        == QStringLiteral("signing-module-missing"));
    CHECK(card->stats().at("verifies") == 0);
    CHECK_FALSE(card->log().contains(QStringLiteral("VERIFY")));
    requireNoPin(run.out + run.err, "moica run");
}

TEST_CASE("a HiCOS card signs through the PKCS#11 module and never receives a VERIFY",
    "[pcsc][cli][pin][pkcs11]")
{
    QTemporaryDir home;
    const auto card = insertCard(QStringLiteral("moica-gen1"));
    // The counting test module plays the vendor's HiCOS module: the same certificate as the card,
    // its key, three tries, and the vendor's tries-left return codes.
    const QString state = moduleState(home, rightPin);
    const auto moduleValue = [&](const QString& key) {
        QFile file(state);
        REQUIRE(file.open(QIODevice::ReadOnly));
        for (const QByteArray& line : file.readAll().split('\n'))
            if (line.startsWith(key.toUtf8() + '='))
                return line.mid(key.size() + 1).toLong();
        return -1L;
    };
    qputenv("SHIQIUREN_PKCS11_MODULE", SHIQIUREN_COUNTING_MODULE);
    qputenv("SHIQIUREN_TEST_P11_STATE", state.toUtf8());

    Run run = sign(home, rightPin);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(tokenVerifies(run.json().value(QStringLiteral("authToken")).toObject()));
    CHECK(moduleValue(QStringLiteral("logins")) == 1);

    run = sign(home, wrongPin);
    CHECK(run.exitCode == 7);
    CHECK(run.json().value(QStringLiteral("triesLeft")).toInt() == 2);
    run = sign(home, wrongPin);
    CHECK(run.exitCode == 7);
    CHECK(run.json().value(QStringLiteral("triesLeft")).toInt() == 1);
    const long loginsBefore = moduleValue(QStringLiteral("logins"));
    CHECK(sign(home, rightPin).exitCode == 9);
    CHECK(moduleValue(QStringLiteral("logins")) == loginsBefore); // nothing reached the module

    qunsetenv("SHIQIUREN_PKCS11_MODULE");
    qunsetenv("SHIQIUREN_TEST_P11_STATE");
    CHECK(card->stats().at("verifies") == 0);
    CHECK_FALSE(card->log().contains(QStringLiteral("VERIFY")));
    requireNoPin(everythingPrinted(), "HiCOS runs");
}

TEST_CASE("behind an unknown ATR, a HiCOS card is read and signs with no plain VERIFY",
    "[pcsc][cli][pin][hicos]")
{
    QTemporaryDir home;
    // T=1, valid check byte, and in no table: only the card's behaviour can tell what it is.
    const QString unknownAtr = QStringLiteral("3B888001535152554E4B4E5710");
    for (const char* personality : { "moica-gen1", "moica-gen1-shuffled", "moica-gen2" }) {
        INFO(personality);
        const auto card
            = insertCard(QString::fromLatin1(personality), { QStringLiteral("--atr"), unknownAtr });
        const Run info = runCli(home, { QStringLiteral("info"), QStringLiteral("--json") });
        CHECK(info.exitCode == 0);
        CHECK(info.json()
                  .value(QStringLiteral("kind"))
                  .toString()
                  .startsWith(QStringLiteral("moica-gen")));
        runCli(home, { QStringLiteral("pin-status"), QStringLiteral("--json") });
        CHECK(card->stats().at("verifies") == 0); // reading and the PIN status send none
        const Run signed_ = sign(home, rightPin);
        CHECK(signed_.exitCode == 0);
        CHECK(tokenVerifies(signed_.json().value(QStringLiteral("authToken")).toObject()));
        CHECK(card->stats().at("verifies") == 1); // the one protected VERIFY of the login
        CHECK(card->stats().at("plain_verifies") == 0);
        CHECK(card->stats().at("tries") == 3);
    }
    requireNoPin(everythingPrinted(), "unknown-ATR runs");
}

TEST_CASE("a PKCS#15 card whose AODF says utf8 signs with a PIN of letters and digits",
    "[pcsc][cli][pin]")
{
    QTemporaryDir home;
    {
        const auto card = insertCard(QStringLiteral("iso-eid"),
            { QStringLiteral("--pin-type"), QStringLiteral("utf8"), QStringLiteral("--pin"),
                QString::fromLatin1(letterPin) });
        const Run status = runCli(home, { QStringLiteral("pin-status"), QStringLiteral("--json") });
        CHECK(status.json().value(QStringLiteral("lettersAllowed")).toBool());
        const Run signed_ = sign(home, letterPin);
        INFO(signed_.err.toStdString());
        REQUIRE(signed_.exitCode == 0);
        CHECK(tokenVerifies(signed_.json().value(QStringLiteral("authToken")).toObject()));
        // Case is kept: the same letters in another case are a wrong PIN.
        CHECK(sign(home, letterPinOtherCase).exitCode == 7);
        CHECK(card->stats().at("tries") == 2);
    }
    {
        // A digits-only card never receives letters: refused before anything is sent.
        const auto card = insertCard(QStringLiteral("iso-eid"));
        const Run status = runCli(home, { QStringLiteral("pin-status"), QStringLiteral("--json") });
        CHECK_FALSE(status.json().value(QStringLiteral("lettersAllowed")).toBool());
        const long before = pinVerifies(*card);
        const Run run = sign(home, letterPin);
        CHECK(run.exitCode == 1);
        CHECK(pinVerifies(*card) == before);
        CHECK(card->stats().at("tries") == 3);
    }
    requireNoPin(everythingPrinted(), "letter PIN runs");
}

TEST_CASE("a HiCOS PIN of letters and digits passes the CLI to the module as typed",
    "[pcsc][cli][pin][pkcs11][hicos]")
{
    QTemporaryDir home;
    const auto card = insertCard(QStringLiteral("moica-gen2"));
    const QString state = moduleState(home, letterPin);
    qputenv("SHIQIUREN_PKCS11_MODULE", SHIQIUREN_COUNTING_MODULE);
    qputenv("SHIQIUREN_TEST_P11_STATE", state.toUtf8());
    const Run run = sign(home, letterPin);
    const Run otherCase = sign(home, letterPinOtherCase);
    qunsetenv("SHIQIUREN_PKCS11_MODULE");
    qunsetenv("SHIQIUREN_TEST_P11_STATE");
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(tokenVerifies(run.json().value(QStringLiteral("authToken")).toObject()));
    CHECK(otherCase.exitCode == 7);
    CHECK(card->stats().at("verifies") == 0);
    requireNoPin(everythingPrinted(), "HiCOS letter PIN runs");
}

TEST_CASE("sign works directly on HiCOS gen1 and gen2 cards: three strikes, no plain VERIFY",
    "[pcsc][cli][pin][hicos]")
{
    for (const char* personality : { "moica-gen1", "moica-gen2" }) {
        INFO(personality);
        QTemporaryDir home;
        const QString state = home.path() + QStringLiteral("/card.state");
        const QStringList args { QStringLiteral("--pin"), QString::fromLatin1(letterPin),
            QStringLiteral("--state-file"), state };
        auto card = insertCard(QString::fromLatin1(personality), args);

        Run run = sign(home, letterPin);
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        CHECK(tokenVerifies(run.json().value(QStringLiteral("authToken")).toObject()));
        CHECK(card->stats().at("signatures") == 1);

        // Before any wrong try the count is this computer's own; after one, the card's.
        Run status = runCli(home, { QStringLiteral("pin-status"), QStringLiteral("--json") });
        CHECK(status.json().value(QStringLiteral("source")).toString() == QStringLiteral("ledger"));
        CHECK(status.json().value(QStringLiteral("lettersAllowed")).toBool());
        run = sign(home, letterPinOtherCase);
        CHECK(run.exitCode == 7);
        CHECK(run.json().value(QStringLiteral("triesLeft")).toInt() == 2);

        // The card keeps its count across a restart, like a real one.
        card.reset();
        card = insertCard(QString::fromLatin1(personality), args);
        CHECK(card->stats().at("tries") == 2);
        run = sign(home, letterPinOtherCase);
        CHECK(run.exitCode == 7);
        CHECK(run.json().value(QStringLiteral("triesLeft")).toInt() == 1);
        const long before = card->stats().at("verifies");
        CHECK(sign(home, letterPin).exitCode == 9); // the last try asks first
        CHECK(card->stats().at("verifies") == before);
        CHECK(sign(home, letterPin, true).exitCode == 0); // the right PIN resets the count
        CHECK(card->stats().at("tries") == 3);

        CHECK(sign(home, letterPinOtherCase).exitCode == 7);
        CHECK(sign(home, letterPinOtherCase).exitCode == 7);
        CHECK(sign(home, letterPinOtherCase, true).exitCode == 8);
        const long locked = card->stats().at("verifies");
        CHECK(sign(home, letterPin, true).exitCode == 8); // a locked card gets nothing
        CHECK(card->stats().at("verifies") == locked);
        CHECK(card->stats().at("plain_verifies") == 0);
    }
    requireNoPin(everythingPrinted(), "HiCOS direct runs");
}
