#include "core/cards/card_inspector.hpp"

#include "card_error_mapping.hpp"
#include "reader_choice.hpp"
#include "signing_path.hpp"
#include "smartcard/card_reader.hpp"
#include "smartcard/pcsc.hpp"

#include <QCryptographicHash>
#include <QStandardPaths>
#include <algorithm>

namespace core::cards {

namespace {

QByteArray toQBytes(const smartcard::Bytes& bytes)
{
    return QByteArray(
        reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

int displayRank(pki::CertificateUsage usage)
{
    switch (usage) {
    case pki::CertificateUsage::Signing:
        return 0;
    case pki::CertificateUsage::Encryption:
        return 1;
    case pki::CertificateUsage::Other:
        return 2;
    case pki::CertificateUsage::CertificateAuthority:
        break;
    }
    return 3;
}

CardReport toReport(const smartcard::CardInfo& info)
{
    CardReport report;
    report.reader = fromUtf8(info.reader);
    report.atr = toQBytes(info.atr);
    report.kind = fromUtf8(std::string(smartcard::cardKindName(info.kind)));
    report.atrDescription = fromUtf8(info.atrDescription);
    report.version = fromUtf8(info.version);
    report.cardNumber = fromUtf8(info.cardNumber);
    report.certificatesFromCache = info.certificatesFromCache;
    report.certificateBytesRead = static_cast<qsizetype>(info.certificateBytesRead);
    for (const auto& cert : info.certificates) {
        try {
            report.certificates.append(pki::parseCertificate(toQBytes(cert.der)));
        } catch (const pki::CertificateParseError& e) {
            throw CardFailure(CardProblem::UnreadableCard, e.what());
        }
    }
    if (const auto* signing = info.signingCertificate())
        report.signingSha256
            = QCryptographicHash::hash(toQBytes(signing->der), QCryptographicHash::Sha256);
    const std::string_view choice = smartcard::signingChoiceName(info.signingChoice());
    report.signingChoice
        = QString::fromLatin1(choice.data(), static_cast<qsizetype>(choice.size()));
    // The clerk's own certificates first (signing, then encryption), the authorities last;
    // the card's own order says nothing.
    std::stable_sort(report.certificates.begin(), report.certificates.end(),
        [](const pki::CertificateInfo& a, const pki::CertificateInfo& b) {
            return displayRank(a.usage) < displayRank(b.usage);
        });
    if (info.nhi) {
        const auto& nhi = *info.nhi;
        report.nhi
            = NhiIdentity { fromUtf8(nhi.cardNumber), fromUtf8(nhi.name), fromUtf8(nhi.idNumber),
                  fromUtf8(nhi.birthDate), fromUtf8(nhi.sex), fromUtf8(nhi.issueDate) };
    }
    return report;
}

} // namespace

struct CardInspector::Private {
    smartcard::Pcsc pcsc;
    std::unique_ptr<smartcard::CertificateCache> cache;
    smartcard::TokenOptions tokenOptions;
};

void CardInspector::setPkcs11Module(const QString& path)
{
    d->tokenOptions.pkcs11Module = path.toStdString();
}

CardInspector::CardInspector(const QString& certificateCacheDir)
    : d(std::make_unique<Private>())
{
    if (certificateCacheDir.isEmpty())
        d->cache = std::make_unique<smartcard::MemoryCertificateCache>();
    else
        d->cache = std::make_unique<smartcard::DirectoryCertificateCache>(
            certificateCacheDir.toStdString());
}

CardInspector::~CardInspector() = default;

QString CardInspector::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/shiqiuren/cards");
}

QStringList CardInspector::readers()
{
    try {
        QStringList names;
        for (const auto& name : d->pcsc.listReaders())
            names.append(fromUtf8(name));
        return names;
    } catch (const smartcard::CardError& e) {
        throw toCardFailure(e);
    }
}

QList<ReaderState> CardInspector::readerStates()
{
    try {
        QList<ReaderState> states;
        for (const auto& status : d->pcsc.readerStatuses())
            states.append({ fromUtf8(status.name), status.cardPresent, toQBytes(status.atr) });
        return states;
    } catch (const smartcard::CardError& e) {
        throw toCardFailure(e);
    }
}

CardReport CardInspector::inspect(const QString& reader, const Trace& trace)
{
    try {
        const std::string target = chooseReader(d->pcsc, reader);
        smartcard::CardInfo info;
        smartcard::ApduChannel::TraceSink sink;
        if (trace)
            sink = [&trace](std::string_view line) {
                trace(QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size())));
            };
        d->pcsc.withCard(
            target,
            [&](smartcard::CardConnection& card, smartcard::ApduChannel& channel) {
                info = smartcard::readCardInfo(channel, target, card.atr(), d->cache.get());
            },
            sink);
        CardReport report = toReport(info);
        const smartcard::SigningRoute route = smartcard::signingRoute(info, d->tokenOptions);
        report.signingPath = signingPathName(route.path);
        report.signingPathReason = QString::fromStdString(route.reason);
        return report;
    } catch (const smartcard::CardError& e) {
        throw toCardFailure(e);
    }
}

} // namespace core::cards
