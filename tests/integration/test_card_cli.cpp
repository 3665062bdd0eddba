// shiqiuren-card as a user runs it: JSON output, PEM, exit codes, and messages in both languages.
#include "card_wait.hpp"
#include "virtual_card.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace testsupport;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args, const QString& lang = QStringLiteral("zh_TW.UTF-8"))
{
    static QTemporaryDir cache; // keeps the user's own cache out of it
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LC_MESSAGES"));
    environment.insert(QStringLiteral("LANG"), lang);
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
    process.setProcessEnvironment(environment);
    process.start(buildBinDir() + QStringLiteral("/shiqiuren-card"), args);
    REQUIRE(process.waitForFinished(30000));
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

struct StackRestorer {
    ~StackRestorer()
    {
        try {
            stack(QStringLiteral("restart"));
        } catch (...) { }
    }
};

} // namespace

TEST_CASE("info --json describes a MOICA card and its certificates", "[pcsc][cli]")
{
    const auto card = insertCard(QStringLiteral("moica-gen1"),
        { QStringLiteral("--card-number"), QStringLiteral("TP03000000012345") });
    const Run run = runCli({ QStringLiteral("info"), QStringLiteral("--json") });
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(info.value(QStringLiteral("reader")).toString() == virtualReaderName());
    CHECK(info.value(QStringLiteral("kind")).toString() == QStringLiteral("moica-gen1"));
    CHECK(
        info.value(QStringLiteral("cardNumber")).toString() == QStringLiteral("TP03000000012345"));
    CHECK(info.value(QStringLiteral("atr")).toString()
        == QStringLiteral("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5"));

    const auto identity = pkiIdentity();
    bool sawSigning = false;
    for (const auto& value : info.value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject cert = value.toObject();
        for (const char* key : { "usage", "subject", "issuer", "serial", "notBefore", "notAfter",
                 "sha256", "holderName", "idLastFour", "agencyCode" })
            CHECK(cert.contains(QLatin1String(key)));
        if (cert.value(QStringLiteral("usage")).toString() != QStringLiteral("signing"))
            continue;
        sawSigning = true;
        CHECK(cert.value(QStringLiteral("holderName")).toString()
            == identity.at(QStringLiteral("HOLDER_NAME")));
        CHECK(cert.value(QStringLiteral("idLastFour")).toString()
            == identity.at(QStringLiteral("ID_LAST_FOUR")));
        CHECK(cert.value(QStringLiteral("serial")).toString()
            == identity.at(QStringLiteral("CITIZEN_SIGN_SERIAL")));
        CHECK(cert.value(QStringLiteral("sha256")).toString()
            == identity.at(QStringLiteral("CITIZEN_SIGN_SHA256")));
        CHECK(cert.value(QStringLiteral("notAfter")).toString()
            == identity.at(QStringLiteral("CITIZEN_SIGN_NOT_AFTER")));
    }
    CHECK(sawSigning);
    // `info` read the card without a single VERIFY.
    CHECK(card->stats().at("verifies") == 0);
    CHECK_FALSE(card->log().contains(QStringLiteral("VERIFY")));
}

TEST_CASE("certs --pem prints the card's certificates", "[pcsc][cli]")
{
    const auto card = insertCard(QStringLiteral("moica-gen1"));
    const Run run = runCli({ QStringLiteral("certs"), QStringLiteral("--pem") });
    REQUIRE(run.exitCode == 0);
    for (const char* name : { "citizen-sign.pem", "citizen-enc.pem", "moica-ca.pem", "grca.pem" }) {
        INFO(name);
        CHECK(run.out.contains(QString::fromLatin1(pkiFile(QString::fromLatin1(name))).trimmed()));
    }
}

TEST_CASE("info on an NHI card masks the ID number unless asked", "[pcsc][cli][nhi]")
{
    const auto card = insertCard(QStringLiteral("nhi"));
    const Run masked = runCli({ QStringLiteral("info"), QStringLiteral("--json") });
    REQUIRE(masked.exitCode == 0);
    const QJsonObject nhi = QJsonDocument::fromJson(masked.out.toUtf8())
                                .object()
                                .value(QStringLiteral("nhi"))
                                .toObject();
    CHECK(nhi.value(QStringLiteral("idNumber")).toString() == QStringLiteral("A*****6789"));
    CHECK(nhi.value(QStringLiteral("name")).toString() == QStringLiteral("王小明"));
    CHECK(nhi.value(QStringLiteral("birthDate")).toObject().value(QStringLiteral("date")).toString()
        == QStringLiteral("1981-01-01"));
    CHECK_FALSE(masked.out.contains(QStringLiteral("A123456789")));
    const Run full = runCli(
        { QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--reveal-id") });
    CHECK(full.out.contains(QStringLiteral("A123456789")));
}

TEST_CASE("exit code 4 and a clear message when the reader is empty", "[pcsc][cli]")
{
    REQUIRE(waitForCard(virtualReaderName().toStdString(), false));
    REQUIRE(waitForCard(virtualReaderName(VirtualCard::slot1Port).toStdString(), false));
    const Run zh = runCli({ QStringLiteral("info") });
    CHECK(zh.exitCode == 4);
    CHECK(zh.err.contains(QStringLiteral("沒有卡片")));
    const Run en = runCli({ QStringLiteral("info") }, QStringLiteral("en_US.UTF-8"));
    CHECK(en.exitCode == 4);
    CHECK(en.err.contains(QStringLiteral("no card"), Qt::CaseInsensitive));
}

TEST_CASE("exit code 3 when pcscd has no reader", "[pcsc][cli]")
{
    StackRestorer restore;
    stack(QStringLiteral("restart --empty"));
    const Run readers = runCli({ QStringLiteral("readers") });
    CHECK(readers.exitCode == 3);
    CHECK(readers.err.contains(QStringLiteral("找不到讀卡機")));
    CHECK(runCli({ QStringLiteral("info") }).exitCode == 3);
    const Run en = runCli({ QStringLiteral("info") }, QStringLiteral("en_GB.UTF-8"));
    CHECK(en.exitCode == 3);
    CHECK(en.err.contains(QStringLiteral("reader"), Qt::CaseInsensitive));
}

TEST_CASE("exit code 6 when pcscd is not running", "[pcsc][cli]")
{
    StackRestorer restore;
    stack(QStringLiteral("stop"));
    const Run run = runCli({ QStringLiteral("info") });
    CHECK(run.exitCode == 6);
    CHECK(run.err.contains(QStringLiteral("pcscd")));
    CHECK(runCli({ QStringLiteral("readers"), QStringLiteral("--json") }).exitCode == 6);
}

TEST_CASE("exit code 2 for a usage error", "[cli]")
{
    CHECK(runCli({ QStringLiteral("frobnicate") }).exitCode == 2);
    CHECK(runCli({ QStringLiteral("info"), QStringLiteral("--no-such-option") }).exitCode == 2);
    CHECK(runCli({}).exitCode == 2);
    const Run help = runCli({ QStringLiteral("--help") });
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("readers")));
}

TEST_CASE("watch reports a card arriving and leaving", "[pcsc][cli]")
{
    REQUIRE(waitForCard(virtualReaderName().toStdString(), false));
    QProcess watch;
    watch.start(buildBinDir() + QStringLiteral("/shiqiuren-card"),
        { QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--events"),
            QStringLiteral("4") });
    REQUIRE(watch.waitForStarted());
    // Two readers are reported first; then the card arrives and leaves.
    QByteArray seen;
    while (seen.count('\n') < 2 && watch.waitForReadyRead(10000))
        seen += watch.readAllStandardOutput();
    REQUIRE(seen.count('\n') >= 2);
    {
        VirtualCard card(QStringLiteral("moica-gen1"));
        while (!seen.contains("card-inserted") && watch.waitForReadyRead(10000))
            seen += watch.readAllStandardOutput();
    }
    REQUIRE(watch.waitForFinished(15000));
    seen += watch.readAllStandardOutput();
    CHECK(watch.exitCode() == 0);
    CHECK(seen.contains("\"event\":\"card-inserted\""));
    CHECK(seen.contains("\"event\":\"card-removed\""));
}

TEST_CASE("info reads every HiCOS model's four certificates byte for byte", "[pcsc][cli][hicos]")
{
    const struct {
        const char* personality;
        QStringList args;
        const char* kind;
    } models[] = {
        { "moica-gen1", {}, "moica-gen1" },
        { "moica-gen1-shuffled", {}, "moica-gen1" },
        { "moica-gen2", {}, "moica-gen2" },
        { "moica-gen2", { QStringLiteral("--contactless") }, "moica-gen2" },
    };
    const auto identity = pkiIdentity();
    for (const auto& model : models) {
        INFO(model.personality << " " << model.args.join(QLatin1Char(' ')).toStdString());
        const auto card = insertCard(QString::fromLatin1(model.personality),
            model.args
                + QStringList {
                    QStringLiteral("--card-number"), QStringLiteral("TP03000000067890") });
        const Run run = runCli(
            { QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--no-cache") });
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        CHECK(info.value(QStringLiteral("kind")).toString() == QLatin1String(model.kind));
        CHECK(info.value(QStringLiteral("cardNumber")).toString()
            == QStringLiteral("TP03000000067890"));
        QStringList seen;
        for (const auto& value : info.value(QStringLiteral("certificates")).toArray())
            seen << value.toObject().value(QStringLiteral("sha256")).toString();
        seen.sort();
        QStringList expected;
        for (const char* name : { "GRCA", "MOICA_CA", "CITIZEN_ENC", "CITIZEN_SIGN" })
            expected << identity.at(QString::fromLatin1(name) + QStringLiteral("_SHA256"));
        expected.sort();
        CHECK(seen == expected);
        const QJsonObject signing = info.value(QStringLiteral("signing")).toObject();
        CHECK(signing.value(QStringLiteral("sha256")).toString()
            == identity.at(QStringLiteral("CITIZEN_SIGN_SHA256")));
        CHECK(signing.value(QStringLiteral("choice")).toString() == QStringLiteral("only"));
        CHECK(card->stats().at("verifies") == 0);
        const Run text = runCli({ QStringLiteral("info"), QStringLiteral("--no-cache") });
        CHECK(text.out.contains(QStringLiteral("登入簽章用憑證")));
    }
}
