#include "core/login/login_controller.hpp"

#include "core/api/service_client.hpp"
#include "core/auth/auth_token.hpp"
#include "core/cards/card_service.hpp"
#include "core/session/service_runner.hpp"
#include "core/settings/client_settings.hpp"

#include <QCoreApplication>
#include <QUrl>

namespace core::login {

namespace {

LoginProblem cardProblem(const cards::CardError& error, LoginStep retryStep)
{
    LoginProblem problem;
    problem.message = error.message;
    problem.retryMakesSense = error.retryMakesSense;
    problem.retryStep = retryStep;
    return problem;
}

bool isCardStep(LoginStep step)
{
    return step == LoginStep::ReadingCard || step == LoginStep::Card || step == LoginStep::Pin
        || step == LoginStep::ConfirmFinalTry || step == LoginStep::Locked;
}

} // namespace

LoginController::LoginController(cards::CardService& cards, session::ServiceRunner& service,
    session::SessionState& session, settings::ClientSettings* settings, QObject* parent)
    : QObject(parent)
    , cards_(cards)
    , service_(service)
    , session_(session)
    , settings_(settings)
{
    connect(&cards_, &cards::CardService::readerAdded, this, [this](const QString& reader) {
        readers_.insert(reader, readers_.value(reader, false));
        serviceAvailable_ = true;
        emit readersChanged();
    });
    connect(&cards_, &cards::CardService::readerRemoved, this, [this](const QString& reader) {
        readers_.remove(reader);
        emit readersChanged();
        onCardGone(reader);
    });
    connect(&cards_, &cards::CardService::cardInserted, this, [this](const QString& reader) {
        readers_.insert(reader, true);
        serviceAvailable_ = true;
        emit readersChanged();
        if (step_ == LoginStep::Waiting || step_ == LoginStep::PasswordLogin)
            readCard();
    });
    connect(&cards_, &cards::CardService::cardRemoved, this, [this](const QString& reader) {
        readers_.insert(reader, false);
        emit readersChanged();
        onCardGone(reader);
    });
    connect(&cards_, &cards::CardService::serviceLost, this, [this] {
        serviceAvailable_ = false;
        const QStringList gone = readers_.keys();
        readers_.clear();
        emit readersChanged();
        for (const QString& reader : gone)
            onCardGone(reader);
    });
    connect(&cards_, &cards::CardService::serviceRestored, this, [this] {
        serviceAvailable_ = true;
        emit readersChanged();
    });
}

LoginController::~LoginController() = default;

QString LoginController::origin() const
{
    // A deployment behind a proxy signs for its public origin, which the client cannot see.
    if (settings_ && !settings_->loginOrigin().isEmpty())
        return settings_->loginOrigin();
    const QUrl base = service_.config().baseUrl;
    QString result = base.scheme().toLower() + QStringLiteral("://") + base.host().toLower();
    const int defaultPort = base.scheme() == QLatin1String("https") ? 443 : 80;
    if (base.port() != -1 && base.port() != defaultPort)
        result += QLatin1Char(':') + QString::number(base.port());
    return result;
}

void LoginController::start()
{
    if (started_)
        return;
    started_ = true;
    // A watcher already running (a shared service) reported its readers before we listened.
    readers_.clear();
    for (const auto& state : cards_.knownReaders())
        readers_.insert(state.name, state.cardPresent);
    serviceAvailable_ = cards_.serviceAvailable();
    setStep(LoginStep::Waiting);
    emit readersChanged();
    cards_.startWatching();
    readCard();
}

QList<cards::ReaderState> LoginController::readers() const
{
    QList<cards::ReaderState> list;
    for (auto it = readers_.cbegin(); it != readers_.cend(); ++it)
        list.append({ it.key(), it.value(), {} });
    return list;
}

CertificateValidity LoginController::validity() const
{
    return report_ ? certificateValidity(*report_) : CertificateValidity::Missing;
}

int LoginController::pinMinLength() const
{
    return pinStatus_.minLength > 0 ? pinStatus_.minLength : 6;
}

int LoginController::pinMaxLength() const
{
    return pinStatus_.maxLength > 0 ? pinStatus_.maxLength : 8;
}

bool LoginController::pinAllowsLetters() const
{
    return pinStatus_.lettersAllowed;
}

void LoginController::setStep(LoginStep step)
{
    if (step != LoginStep::Failed)
        problem_.reset();
    const bool changed = step != step_;
    step_ = step;
    if (changed || step == LoginStep::Failed)
        emit stepChanged(step_);
    emit problemChanged();
}

void LoginController::setBusy(bool busy)
{
    if (busy_ == busy)
        return;
    busy_ = busy;
    emit busyChanged(busy_);
}

void LoginController::setProblem(std::optional<LoginProblem> problem)
{
    problem_ = std::move(problem);
    emit problemChanged();
}

void LoginController::fail(LoginProblem problem)
{
    heldPin_.reset();
    setBusy(false);
    problem_ = std::move(problem);
    setStep(LoginStep::Failed);
}

bool LoginController::cardPresent(const QString& reader) const
{
    return readers_.value(reader, false);
}

QString LoginController::chooseReader() const
{
    const QString preferred = settings_ ? settings_->preferredReader() : QString();
    if (!preferred.isEmpty() && cardPresent(preferred))
        return preferred;
    for (auto it = readers_.cbegin(); it != readers_.cend(); ++it)
        if (it.value())
            return it.key();
    return {};
}

void LoginController::readCard()
{
    const QString reader = chooseReader();
    if (reader.isEmpty())
        return;
    // On the password login the card is read quietly, for a 健保卡's ID number only; it has a
    // count of its own, so a password login under way is not dropped by a card coming in.
    const bool silently = step_ == LoginStep::PasswordLogin;
    const quint64 generation = silently ? ++nhiReads_ : ++generation_;
    if (!silently) {
        reader_ = reader;
        report_.reset();
        wrongPinTriesLeft_.reset();
        setStep(LoginStep::ReadingCard);
    }
    cards_.inspect(this, reader, [this, reader, generation, silently](const auto& result) {
        if (generation != (silently ? nhiReads_ : generation_))
            return;
        if (silently) {
            if (step_ == LoginStep::PasswordLogin && result.ok() && result.value->nhi) {
                nhiIdNumber_ = result.value->nhi->idNumber;
                emit nhiIdNumberRead(nhiIdNumber_);
            }
            return;
        }
        if (!result.ok()) {
            const auto problem = result.error->problem;
            if (problem == cards::CardProblem::NoCard || problem == cards::CardProblem::CardRemoved)
                setStep(LoginStep::Waiting);
            else
                fail(cardProblem(*result.error, LoginStep::Waiting));
            return;
        }
        onCardRead(reader, *result.value);
    });
}

void LoginController::onCardRead(const QString& reader, const cards::CardReport& report)
{
    report_ = report;
    pinStatus_ = {};
    if (report.nhi) {
        // A 健保卡 identifies but cannot log in: the password login takes its ID number.
        nhiIdNumber_ = report.nhi->idNumber;
        setStep(LoginStep::PasswordLogin);
        emit nhiIdNumberRead(nhiIdNumber_);
        return;
    }
    if (validity() != CertificateValidity::Valid) {
        setStep(LoginStep::Card); // stops here: the page says why
        return;
    }
    const quint64 generation = ++generation_;
    setBusy(true);
    cards_.readPinStatus(this, reader, [this, generation](const auto& result) {
        if (generation != generation_)
            return;
        setBusy(false);
        if (!result.ok()) {
            fail(cardProblem(*result.error, LoginStep::Waiting));
            return;
        }
        pinStatus_ = *result.value;
        setStep(pinLevel() == PinLevel::Locked ? LoginStep::Locked : LoginStep::Card);
    });
}

void LoginController::onCardGone(const QString& reader)
{
    if (reader != reader_)
        return;
    if (isCardStep(step_)) {
        ++generation_;
        heldPin_.reset();
        report_.reset();
        setBusy(false);
        setStep(LoginStep::Waiting);
        return;
    }
    // A first login half done: the card that opened it is gone, and so is that session.
    if ((step_ == LoginStep::Activation || step_ == LoginStep::AccountSetup) && settings_
        && settings_->logoutOnCardRemoval()) {
        dropServerSession();
        report_.reset();
        setBusy(false);
        setStep(LoginStep::Waiting);
    }
}

void LoginController::proceedToPin()
{
    if (step_ == LoginStep::Card && validity() == CertificateValidity::Valid)
        setStep(pinLevel() == PinLevel::Locked ? LoginStep::Locked : LoginStep::Pin);
}

void LoginController::submitPin(std::unique_ptr<auth::PinBuffer> pin)
{
    if (step_ != LoginStep::Pin || busy_ || !pin)
        return; // the buffer goes (wiped) with `pin`
    const auto length = static_cast<int>(pin->size());
    if (length < pinMinLength() || length > pinMaxLength()) {
        LoginProblem problem;
        problem.message = tr("密碼長度不符，沒有送出。");
        setProblem(problem);
        return;
    }
    if (pinLevel() == PinLevel::FinalTry) {
        heldPin_ = std::move(pin);
        setStep(LoginStep::ConfirmFinalTry);
        return;
    }
    beginCardLogin(std::move(pin), false);
}

void LoginController::confirmFinalTry()
{
    if (step_ != LoginStep::ConfirmFinalTry || !heldPin_)
        return;
    beginCardLogin(std::move(heldPin_), true);
}

void LoginController::cancelFinalTry()
{
    heldPin_.reset();
    if (step_ == LoginStep::ConfirmFinalTry)
        setStep(LoginStep::Pin);
}

void LoginController::beginCardLogin(std::unique_ptr<auth::PinBuffer> pin, bool confirmLastTry)
{
    const quint64 generation = ++generation_;
    setStep(LoginStep::Working);
    setBusy(true);
    auto held = std::make_shared<std::unique_ptr<auth::PinBuffer>>(std::move(pin));
    service_.run<api::Challenge>(
        this, [](api::ServiceClient& client) { return client.challenge(); },
        [this, generation, held, confirmLastTry](const api::Result<api::Challenge>& challenge) {
            std::unique_ptr<auth::PinBuffer> pinBuffer = std::move(*held);
            if (generation != generation_)
                return; // `pinBuffer` is wiped here
            if (!challenge.ok()) {
                auto problem = problemFor(challenge.failure);
                problem.retryStep = LoginStep::Pin;
                fail(problem);
                return;
            }
            QByteArray digest;
            try {
                digest = auth::authDigest(origin(), challenge->nonce);
            } catch (const auth::TokenError& error) {
                LoginProblem problem;
                problem.message = error.userMessage();
                fail(problem);
                return;
            }
            const QString nonce = challenge->nonce;
            cards_.sign(this, reader_, std::move(pinBuffer), digest, confirmLastTry,
                [this, generation, nonce](const cards::CardResult<cards::CardSignature>& signed_) {
                    if (generation != generation_)
                        return;
                    if (!signed_.ok()) {
                        onSignFailed(*signed_.error);
                        return;
                    }
                    pinStatus_.countLow = false;
                    pinStatus_.triesLeft.reset();
                    QJsonObject token;
                    try {
                        token = auth::buildAuthToken(signed_.value->certificate,
                            signed_.value->signature, auth::appVersionUrl());
                    } catch (const auth::TokenError& error) {
                        LoginProblem problem;
                        problem.message = error.userMessage();
                        fail(problem);
                        return;
                    }
                    service_.run<api::LoginOutcome>(
                        this,
                        [nonce, token](api::ServiceClient& client) {
                            return client.certificateLogin(nonce, token);
                        },
                        [this, generation](const api::Result<api::LoginOutcome>& outcome) {
                            if (generation != generation_)
                                return;
                            if (!outcome.ok()) {
                                auto problem = problemFor(outcome.failure);
                                problem.retryStep = LoginStep::Waiting; // no ticket to retry with
                                fail(problem);
                                return;
                            }
                            handleOutcome(*outcome, true);
                        });
                });
        });
}

void LoginController::onSignFailed(const cards::CardError& error)
{
    setBusy(false);
    switch (error.problem) {
    case cards::CardProblem::WrongPin:
        wrongPinTriesLeft_ = error.triesLeft;
        pinStatus_.triesLeft = error.triesLeft;
        pinStatus_.countLow = true;
        setStep(pinLevel() == PinLevel::Locked ? LoginStep::Locked : LoginStep::Pin);
        return;
    case cards::CardProblem::PinBlocked:
        pinStatus_.blocked = true;
        pinStatus_.triesLeft = 0;
        setStep(LoginStep::Locked);
        return;
    case cards::CardProblem::LastTryNeedsConfirmation:
    case cards::CardProblem::PinLengthInvalid:
    case cards::CardProblem::PinCharactersInvalid:
        // Nothing was sent; the clerk types the PIN again (and confirms the last try).
        if (error.problem == cards::CardProblem::LastTryNeedsConfirmation)
            pinStatus_.triesLeft = 1;
        setStep(LoginStep::Pin);
        setProblem(cardProblem(error, LoginStep::Pin));
        return;
    case cards::CardProblem::NoCard:
    case cards::CardProblem::CardRemoved:
        report_.reset();
        setStep(LoginStep::Waiting);
        return;
    default:
        fail(cardProblem(error, LoginStep::Pin));
        return;
    }
}

} // namespace core::login

#include "core/login/moc_login_controller.cpp"
