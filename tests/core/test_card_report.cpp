// The `info --json` document and the NHI ID masking, built from a real test certificate.
#include "core/cards/card_failure.hpp"
#include "core/cards/card_report.hpp"
#include "core/i18n/translations.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <catch2/catch.hpp>

using namespace core::cards;

namespace {

QByteArray pkiFile(const char* name)
{
    QFile file(qEnvironmentVariable("SHIQIUREN_TEST_PKI") + QLatin1Char('/') + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("the info JSON carries every certificate field and masks the NHI ID", "[cards]")
{
    CardReport report;
    report.reader = QStringLiteral("Virtual PCD 00 00");
    report.atr = QByteArray::fromHex("3BB813008131FA524348544D4F494341A5");
    report.kind = QStringLiteral("moica-gen1");
    report.cardNumber = QStringLiteral("TP03000000012345");
    report.certificates.append(core::pki::parseCertificate(pkiFile("citizen-sign.der")));
    report.nhi = NhiIdentity { QStringLiteral("000012345678"), QStringLiteral("王小明"),
        QStringLiteral("A123456789"), QStringLiteral("0700101"), QStringLiteral("M"),
        QStringLiteral("1100315") };

    const QJsonObject json = cardReportToJson(report);
    CHECK(json.value(QStringLiteral("atr")).toString()
        == QStringLiteral("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5"));
    CHECK(json.value(QStringLiteral("kind")).toString() == QStringLiteral("moica-gen1"));
    const QJsonObject cert = json.value(QStringLiteral("certificates")).toArray().at(0).toObject();
    CHECK(cert.value(QStringLiteral("usage")).toString() == QStringLiteral("signing"));
    CHECK(cert.value(QStringLiteral("holderName")).toString() == QStringLiteral("王小明"));
    CHECK(cert.value(QStringLiteral("idLastFour")).toString() == QStringLiteral("6789"));
    CHECK(cert.value(QStringLiteral("notBefore")).toString().endsWith(QLatin1Char('Z')));
    CHECK(cert.value(QStringLiteral("sha256")).toString().size() == 64);

    const QJsonObject nhi = json.value(QStringLiteral("nhi")).toObject();
    CHECK(nhi.value(QStringLiteral("idNumber")).toString() == QStringLiteral("A*****6789"));
    CHECK(nhi.value(QStringLiteral("birthDate")).toObject().value(QStringLiteral("roc")).toString()
        == QStringLiteral("0700101"));
    CHECK(nhi.value(QStringLiteral("birthDate")).toObject().value(QStringLiteral("date")).toString()
        == QStringLiteral("1981-01-01"));
    CHECK(cardReportToJson(report, IdDisplay::Full)
              .value(QStringLiteral("nhi"))
              .toObject()
              .value(QStringLiteral("idNumber"))
              .toString()
        == QStringLiteral("A123456789"));
    REQUIRE(report.signingCertificate());
}

TEST_CASE("the language follows LC_ALL, LC_MESSAGES, then LANG", "[i18n]")
{
    const auto withEnv = [](const char* all, const char* messages, const char* lang) {
        qputenv("LC_ALL", all);
        qputenv("LC_MESSAGES", messages);
        qputenv("LANG", lang);
        return core::i18n::languageFromEnvironment();
    };
    CHECK(withEnv("", "", "") == QStringLiteral("zh_TW"));
    CHECK(withEnv("", "", "en_US.UTF-8") == QStringLiteral("en"));
    CHECK(withEnv("", "", "zh_TW.UTF-8") == QStringLiteral("zh_TW"));
    CHECK(withEnv("zh_TW.UTF-8", "", "en_US.UTF-8") == QStringLiteral("zh_TW"));
    CHECK(withEnv("", "en_GB.UTF-8", "zh_TW.UTF-8") == QStringLiteral("en"));
    CHECK(withEnv("C.UTF-8", "", "") == QStringLiteral("zh_TW"));
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANG");
}

TEST_CASE("every card problem has a message and a stable code", "[cards]")
{
    for (int problem = 0; problem <= static_cast<int>(CardProblem::Communication); ++problem) {
        const CardFailure failure(static_cast<CardProblem>(problem), "detail");
        CHECK_FALSE(failure.userMessage().isEmpty());
        CHECK_FALSE(failure.code().contains(QLatin1Char(' ')));
    }
    CHECK(CardFailure(CardProblem::NoCard, "").code() == QStringLiteral("no-card"));
    CHECK_FALSE(CardFailure(CardProblem::UnsupportedCard, "").retryMakesSense());
}
