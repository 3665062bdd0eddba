#include "core/login/login_controller.hpp"

#include "core/login/login_service.hpp"
#include "core/settings/client_settings.hpp"

#include <QCoreApplication>
#include <QUrl>

namespace core::login {

namespace {

bool isCardStep(LoginStep step)
{
    return step == LoginStep::ReadingCard || step == LoginStep::Card || step == LoginStep::Pin
        || step == LoginStep::ConfirmFinalTry || step == LoginStep::Locked;
}

} // namespace

LoginController::LoginController(cards::CardAccess& cards, LoginService& service,
    session::SessionState& session, settings::ClientSettings* settings, QObject* parent)
    : QObject(parent)
    , cards_(cards)
    , service_(service)
    , session_(session)
    , settings_(settings)
    , clock_([] { return QDateTime::currentDateTimeUtc(); })
{
    challengeRenewal_.setSingleShot(true);
    connect(&challengeRenewal_, &QTimer::timeout, this, [this] {
        if ((step_ == LoginStep::Pin || step_ == LoginStep::ConfirmFinalTry)
            && challengeAskedIn_ != generation_)
            requestChallenge();
    });
    connect(&cards_, &cards::CardAccess::readerAdded, this, [this](const QString& reader) {
        readers_.insert(reader, readers_.value(reader, false));
        serviceAvailable_ = true;
        emit readersChanged();
    });
    connect(&cards_, &cards::CardAccess::readerRemoved, this, [this](const QString& reader) {
        readers_.remove(reader);
        emit readersChanged();
        onCardGone(reader);
    });
    connect(&cards_, &cards::CardAccess::cardInserted, this, [this](const QString& reader) {
        readers_.insert(reader, true);
        serviceAvailable_ = true;
        emit readersChanged();
        if (step_ == LoginStep::Waiting || step_ == LoginStep::PasswordLogin)
            readCard();
    });
    connect(&cards_, &cards::CardAccess::cardRemoved, this, [this](const QString& reader) {
        readers_.insert(reader, false);
        emit readersChanged();
        onCardGone(reader);
    });
    connect(&cards_, &cards::CardAccess::serviceLost, this, [this] {
        serviceAvailable_ = false;
        const QStringList gone = readers_.keys();
        readers_.clear();
        emit readersChanged();
        for (const QString& reader : gone)
            onCardGone(reader);
    });
    connect(&cards_, &cards::CardAccess::serviceRestored, this, [this] {
        serviceAvailable_ = true;
        emit readersChanged();
    });
}

LoginController::~LoginController() = default;

void LoginController::setClock(std::function<QDateTime()> clock)
{
    clock_ = std::move(clock);
}

QString LoginController::origin() const
{
    // A deployment behind a proxy signs for its public origin, which the client cannot see.
    if (settings_ && !settings_->loginOrigin().isEmpty())
        return settings_->loginOrigin();
    return serviceOrigin();
}

QString LoginController::serviceOrigin() const
{
    const QUrl base = service_.baseUrl();
    QString result = base.scheme().toLower() + QStringLiteral("://") + base.host().toLower();
    const int defaultPort = base.scheme() == QLatin1String("https") ? 443 : 80;
    if (base.port() != -1 && base.port() != defaultPort)
        result += QLatin1Char(':') + QString::number(base.port());
    return result;
}

bool LoginController::originNeedsConfirmation() const
{
    // Only IT's defaults may point the card's signature at another site unasked: a setting in
    // the clerk's own file may have been planted, and the token would be good on that site.
    return settings_ && !settings_->loginOriginSetByIt() && origin() != serviceOrigin();
}

void LoginController::confirmOrigin(bool confirmed)
{
    if (originConfirmed_ == confirmed)
        return;
    originConfirmed_ = confirmed;
    if (confirmed && problem_ && step_ == LoginStep::Pin)
        setProblem(std::nullopt);
    emit problemChanged();
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
    // The challenge is fetched as the PIN step opens, kept while the card signs, and dropped
    // on every other step.
    if (step == LoginStep::Pin || step == LoginStep::ConfirmFinalTry) {
        if (!challengeUsable() && challengeAskedIn_ != generation_)
            requestChallenge();
    } else if (step != LoginStep::Working) {
        dropChallenge();
    }
    if (changed || step == LoginStep::Failed)
        emit stepChanged(step_);
    emit problemChanged();
}

void LoginController::abandon()
{
    ++generation_;
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
    if (step_ == LoginStep::PasswordLogin) {
        // Quietly, for a 健保卡's ID number only; with a count of its own, so a password login
        // under way is not dropped by a card coming in.
        const quint64 read = ++nhiReads_;
        cards_.inspect(this, reader, [this, read](const cards::CardResult<cards::CardReport>& r) {
            if (read == nhiReads_)
                onNhiInspected(r);
        });
        return;
    }
    abandon();
    reader_ = reader;
    report_.reset();
    wrongPinTriesLeft_.reset();
    setStep(LoginStep::ReadingCard);
    cards_.inspect(this, reader, current(&LoginController::onCardInspected));
}

void LoginController::onNhiInspected(const cards::CardResult<cards::CardReport>& result)
{
    if (step_ == LoginStep::PasswordLogin && result.ok() && result.value->nhi) {
        nhiIdNumber_ = result.value->nhi->idNumber;
        emit nhiIdNumberRead(nhiIdNumber_);
    }
}

void LoginController::onCardInspected(const cards::CardResult<cards::CardReport>& result)
{
    if (result.ok()) {
        onCardRead(*result.value);
        return;
    }
    const auto problem = result.error->problem;
    if (problem == cards::CardProblem::NoCard || problem == cards::CardProblem::CardRemoved)
        setStep(LoginStep::Waiting);
    else
        fail(problemFor(*result.error, LoginStep::Waiting));
}

void LoginController::onCardRead(const cards::CardReport& report)
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
    setBusy(true);
    cards_.readPinStatus(this, reader_, current(&LoginController::onPinStatus));
}

void LoginController::onPinStatus(const cards::CardResult<auth::PinStatus>& result)
{
    setBusy(false);
    if (!result.ok()) {
        fail(problemFor(*result.error, LoginStep::Waiting));
        return;
    }
    pinStatus_ = *result.value;
    // A valid card goes straight to its PIN: the PIN page shows the card beside the field.
    setStep(pinLevel() == PinLevel::Locked ? LoginStep::Locked : LoginStep::Pin);
}

void LoginController::onCardGone(const QString& reader)
{
    if (reader != reader_)
        return;
    if (isCardStep(step_) || (step_ == LoginStep::Working && heldPin_)) {
        abandon();
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
    if (originNeedsConfirmation() && !originConfirmed_) {
        LoginProblem problem;
        problem.message = tr("請先確認要登入的網站，沒有送出密碼。");
        setProblem(problem);
        return;
    }
    if (pinLevel() == PinLevel::FinalTry) {
        heldPin_ = std::move(pin);
        setStep(LoginStep::ConfirmFinalTry);
        return;
    }
    signIn(std::move(pin), false);
}

void LoginController::confirmFinalTry()
{
    if (step_ != LoginStep::ConfirmFinalTry || !heldPin_)
        return;
    signIn(std::move(heldPin_), true);
}

void LoginController::cancelFinalTry()
{
    heldPin_.reset();
    if (step_ == LoginStep::ConfirmFinalTry)
        setStep(LoginStep::Pin);
}

} // namespace core::login

#include "core/login/moc_login_controller.cpp"
