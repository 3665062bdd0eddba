#include "core/cards/card_signer.hpp"

#include "card_error_mapping.hpp"
#include "reader_choice.hpp"
#include "signing_path.hpp"
#include "smartcard/card_reader.hpp"
#include "smartcard/token_factory.hpp"

#include <QStandardPaths>
#include <algorithm>

namespace core::cards {

namespace {

QByteArray toQBytes(const smartcard::Bytes& bytes)
{
    return QByteArray(
        reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

auth::PinStatus fromTokenState(const smartcard::PinState& state)
{
    auth::PinStatus status;
    status.triesLeft = state.triesLeft;
    status.blocked = state.blocked;
    status.countLow = state.countLow;
    status.minLength = state.minLength;
    status.maxLength = state.maxLength;
    status.lettersAllowed = state.lettersAllowed;
    switch (state.source) {
    case smartcard::PinSource::Card:
        status.source = auth::PinStatus::Source::Card;
        break;
    case smartcard::PinSource::Module:
        status.source = auth::PinStatus::Source::Module;
        break;
    case smartcard::PinSource::Ledger:
        status.source = auth::PinStatus::Source::Ledger;
        break;
    case smartcard::PinSource::Unknown:
        status.source = auth::PinStatus::Source::Unknown;
        break;
    }
    return status;
}

} // namespace

struct CardSigner::Private {
    Private(const QString& ledgerDatabase, const QString& pkcs11Module)
        : ledger(ledgerDatabase)
    {
        tokenOptions.pkcs11Module = pkcs11Module.toStdString();
    }

    smartcard::Pcsc pcsc;
    smartcard::MemoryCertificateCache cache;
    auth::PinLedger ledger;
    smartcard::TokenOptions tokenOptions;

    /// The card in `reader` (or the first reader holding one), read and opened as a token.
    struct Opened {
        smartcard::CardInfo card;
        std::unique_ptr<smartcard::Token> token;
        auth::CardKey key;
    };

    Opened open(const QString& reader)
    {
        const std::string target = chooseReader(pcsc, reader);
        Opened opened;
        pcsc.withCard(
            target, [&](smartcard::CardConnection& card, smartcard::ApduChannel& channel) {
                opened.card = smartcard::readCardInfo(channel, target, card.atr(), &cache);
            });
        if (opened.card.kind == smartcard::CardKind::Unknown
            || opened.card.kind == smartcard::CardKind::Nhi)
            throw CardFailure(CardProblem::UnsupportedCard, "this card cannot sign");
        const auto* signing = opened.card.signingCertificate();
        if (!signing)
            throw CardFailure(
                CardProblem::NoSigningCertificate, "no signing certificate on the card");
        opened.token = smartcard::openToken(pcsc, target, opened.card, tokenOptions);
        opened.key.cardNumber = QString::fromStdString(opened.card.cardNumber);
        opened.key.certificateSerial
            = QString::fromStdString(smartcard::certificateSerialHex(signing->der));
        return opened;
    }
};

CardSigner::CardSigner(const QString& ledgerDatabase, const QString& pkcs11Module)
    : d(std::make_unique<Private>(ledgerDatabase, pkcs11Module))
{ }

CardSigner::~CardSigner() = default;

QString CardSigner::defaultLedgerDatabase()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/shiqiuren/local.sqlite");
}

auth::PinStatus CardSigner::pinStatus(const QString& reader)
{
    try {
        auto opened = d->open(reader);
        auth::PinStatus status
            = d->ledger.effective(opened.key, fromTokenState(opened.token->pinState()));
        const smartcard::SigningRoute route = smartcard::signingRoute(opened.card, d->tokenOptions);
        status.signingPath = signingPathName(route.path);
        status.signingPathReason = QString::fromStdString(route.reason);
        return status;
    } catch (const smartcard::CardError& e) {
        throw toCardFailure(e);
    }
}

CardSignature CardSigner::sign(const QString& reader, const auth::PinBuffer& pin,
    const QByteArray& digest, bool confirmLastTry)
{
    Private::Opened opened;
    try {
        opened = d->open(reader);
    } catch (const smartcard::CardError& e) {
        throw toCardFailure(e);
    }
    // The ledger knows what a card that reports nothing cannot tell: refuse here too, before
    // anything is sent, exactly as the token refuses with its own figures.
    const auth::PinStatus known
        = d->ledger.effective(opened.key, fromTokenState(opened.token->pinState()));
    if (known.blocked)
        throw CardFailure(CardProblem::PinBlocked, "blocked; nothing was sent", 0);
    if (known.triesLeft == 1 && !confirmLastTry)
        throw CardFailure(
            CardProblem::LastTryNeedsConfirmation, "last try not confirmed; nothing was sent", 1);

    const auto* digestBytes = reinterpret_cast<const std::uint8_t*>(digest.constData());
    try {
        const smartcard::Bytes signature = opened.token->verifyAndSign(pin.bytes(),
            { digestBytes, static_cast<std::size_t>(digest.size()) },
            smartcard::SignatureAlgorithm::RsaPkcs1Sha256, confirmLastTry);
        d->ledger.recordSuccess(opened.key);
        return { toQBytes(signature), toQBytes(opened.token->certificate()),
            opened.key.cardNumber };
    } catch (const smartcard::CardError& e) {
        if (e.code() == smartcard::CardErrc::PinIncorrect) {
            d->ledger.recordFailure(opened.key, e.triesLeft());
            const auto after = d->ledger.effective(opened.key, {});
            throw CardFailure(CardProblem::WrongPin, "wrong PIN",
                e.triesLeft() ? e.triesLeft() : after.triesLeft);
        }
        if (e.code() == smartcard::CardErrc::AuthenticationBlocked)
            d->ledger.recordBlocked(opened.key);
        throw toCardFailure(e);
    }
}

} // namespace core::cards
