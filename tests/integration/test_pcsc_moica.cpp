// The HiCOS gen1 model (自然人憑證) read over the real stack: recognition, card number, the
// certificates byte for byte, classification by content, the cache, and no VERIFY ever sent.
#include "card_wait.hpp"
#include "read_card.hpp"
#include "virtual_card.hpp"

#include <catch2/catch.hpp>

using namespace testsupport;
using smartcard::CertUsage;

namespace {

const smartcard::CardCertificate* find(const smartcard::CardInfo& info, const QByteArray& der)
{
    for (const auto& cert : info.certificates)
        if (qbytes(cert.der) == der)
            return &cert;
    return nullptr;
}

} // namespace

TEST_CASE("a MOICA card's number and certificates are read byte for byte", "[pcsc][moica]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("moica-gen1"),
        { QStringLiteral("--card-number"), QStringLiteral("TP03000000012345") });

    const smartcard::CardInfo info = readCard(reader);
    CHECK(info.kind == smartcard::CardKind::MoicaGen1);
    CHECK(info.cardNumber == "TP03000000012345");
    CHECK(info.version.starts_with("CHT V"));
    REQUIRE(info.certificates.size() == 4);

    const struct {
        const char* file;
        CertUsage usage;
    } expected[] = {
        { "citizen-sign.der", CertUsage::Signing },
        { "citizen-enc.der", CertUsage::Encryption },
        { "moica-ca.der", CertUsage::CertificateAuthority },
        { "grca.der", CertUsage::CertificateAuthority },
    };
    for (const auto& want : expected) {
        INFO(want.file);
        const auto* cert = find(info, pkiFile(QString::fromLatin1(want.file)));
        REQUIRE(cert != nullptr);
        CHECK(cert->usage == want.usage);
    }
    REQUIRE(info.signingCertificate() != nullptr);
    CHECK(qbytes(info.signingCertificate()->der) == pkiFile(QStringLiteral("citizen-sign.der")));
}

TEST_CASE("a second read of the same card reads no certificate bytes", "[pcsc][moica][cache]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("moica-gen1"));
    smartcard::MemoryCertificateCache cache;

    std::size_t firstExchanges = 0;
    const auto before = card->stats().at("apdus");
    const auto first = readCard(reader, &cache, &firstExchanges);
    const auto afterFirst = card->stats().at("apdus");
    CHECK_FALSE(first.certificatesFromCache);
    qsizetype onCard = 0;
    for (const char* name : { "grca.der", "moica-ca.der", "citizen-enc.der", "citizen-sign.der" })
        onCard += pkiFile(QString::fromLatin1(name)).size();
    CHECK(first.certificateBytesRead == static_cast<std::size_t>(onCard));

    std::size_t secondExchanges = 0;
    const auto second = readCard(reader, &cache, &secondExchanges);
    const auto afterSecond = card->stats().at("apdus");
    CHECK(second.certificatesFromCache);
    CHECK(second.certificateBytesRead == 0);
    // The card itself saw fewer commands: the certificate chunks (≤ 200 bytes each) are gone.
    CHECK(static_cast<std::size_t>(afterFirst - before) == firstExchanges);
    CHECK(static_cast<std::size_t>(afterSecond - afterFirst) == secondExchanges);
    CHECK(secondExchanges + first.certificateBytesRead / 200 <= firstExchanges);
    REQUIRE(second.certificates.size() == first.certificates.size());
    for (std::size_t i = 0; i < first.certificates.size(); ++i)
        CHECK(second.certificates[i].der == first.certificates[i].der);
}

TEST_CASE("reading a MOICA card never sends VERIFY", "[pcsc][moica]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("moica-gen1"));
    readCard(reader);
    readCard(reader);
    CHECK(card->stats().at("verifies") == 0);
    CHECK(card->stats().at("apdus") > 0);
    CHECK_FALSE(card->log().contains(QStringLiteral("VERIFY")));
}

TEST_CASE(
    "a card pulled mid-read is a typed error, and a read after reinsertion works", "[pcsc][moica]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("moica-gen1"));

    card->control("pull-on-apdu 12"); // somewhere in the certificate chunks
    try {
        readCard(reader);
        FAIL("the read should have failed");
    } catch (const smartcard::CardError& e) {
        INFO(e.what());
        CHECK((e.code() == smartcard::CardErrc::CardRemoved
            || e.code() == smartcard::CardErrc::MalformedResponse
            || e.code() == smartcard::CardErrc::TransactionFailed));
    }
    REQUIRE(waitForCard(reader, false));
    card->control("insert");
    REQUIRE(waitForCard(reader, true));
    const auto info = readCard(reader);
    CHECK(info.certificates.size() == 4);
}
