// NHI basic data and a standards-based PKCS#15 card over the real stack, including the card
// answering 61xx (GET RESPONSE) and 6Cxx (wrong Le) as real cards do.
#include "card_wait.hpp"
#include "read_card.hpp"
#include "virtual_card.hpp"

#include <catch2/catch.hpp>

using namespace testsupport;

TEST_CASE("NHI basic data is decoded from Big5 and ROC dates", "[pcsc][nhi]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("nhi"),
        { QStringLiteral("--nhi-name"), QStringLiteral("陳美麗"), QStringLiteral("--nhi-id"),
            QStringLiteral("B234567890"), QStringLiteral("--nhi-birth"), QStringLiteral("0691231"),
            QStringLiteral("--nhi-sex"), QStringLiteral("F"), QStringLiteral("--nhi-issued"),
            QStringLiteral("1120704"), QStringLiteral("--nhi-card-number"),
            QStringLiteral("000098765432") });

    const auto info = readCard(reader);
    CHECK(info.kind == smartcard::CardKind::Nhi);
    REQUIRE(info.nhi.has_value());
    CHECK(info.nhi->cardNumber == "000098765432");
    CHECK(info.nhi->name == "陳美麗");
    CHECK(info.nhi->idNumber == "B234567890");
    CHECK(info.nhi->birthDate == "0691231");
    CHECK(info.nhi->sex == "F");
    CHECK(info.nhi->issueDate == "1120704");
    CHECK(info.cardNumber == "000098765432");
    CHECK(info.certificates.empty());
}

TEST_CASE("a PKCS#15 card's certificates are found through ODF and CDF", "[pcsc][iso]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto mode
        = GENERATE(as<QString> {}, QStringLiteral("--force-61xx"), QStringLiteral("--wrong-le-6c"));
    QStringList args;
    if (!mode.isEmpty())
        args << mode;
    INFO(mode.toStdString());
    const auto card = insertCard(QStringLiteral("iso-eid"), args);

    const auto info = readCard(reader);
    CHECK(info.kind == smartcard::CardKind::IsoEid);
    CHECK_FALSE(info.cardNumber.empty());
    REQUIRE(info.signingCertificate() != nullptr);
    CHECK(qbytes(info.signingCertificate()->der) == pkiFile(QStringLiteral("citizen-sign.der")));
    bool sawCa = false;
    for (const auto& cert : info.certificates)
        sawCa = sawCa || qbytes(cert.der) == pkiFile(QStringLiteral("moica-ca.der"));
    CHECK(sawCa);
    CHECK(card->stats().at("verifies") == 0);
}
