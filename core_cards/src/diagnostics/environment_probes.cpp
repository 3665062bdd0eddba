#include "environment_probes.hpp"

#include "core/api/service_client.hpp"
#include "core/cards/card_failure.hpp"
#include "core/cards/card_inspector.hpp"
#include "core/modules/module_library.hpp"
#include "smartcard/pkcs11_token.hpp"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace core::diagnostics::detail {

namespace {

// Beyond these the login's signed challenge and certificate dates go wrong.
constexpr qint64 clockToleranceSeconds = 60;
constexpr std::chrono::milliseconds healthTimeout { 8000 };

CheckResult made(CheckId id, CheckStatus status, Finding finding, QStringList facts = {})
{
    CheckResult result;
    result.id = id;
    result.status = status;
    result.finding = finding;
    result.facts = std::move(facts);
    return result;
}

QStringList libraryFolders()
{
    QStringList folders = qEnvironmentVariable("LD_LIBRARY_PATH").split(u':', Qt::SkipEmptyParts);
    folders << QStringLiteral("/usr/lib") << QStringLiteral("/usr/local/lib")
            << QStringLiteral("/lib") << QStringLiteral("/usr/lib64")
            << QStringLiteral("/usr/lib/x86_64-linux-gnu")
            << QStringLiteral("/usr/lib/aarch64-linux-gnu");
    return folders;
}

QString urlText(const api::ServiceConfig& config)
{
    return config.baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace

bool isHicosKind(const QString& kind)
{
    return kind == QLatin1String("moica-gen1") || kind == QLatin1String("moica-gen2")
        || kind == QLatin1String("gca");
}

std::optional<QString> findPkcs11Module(const QString& configured)
{
    for (const std::string& candidate :
        smartcard::pkcs11ModuleCandidates(configured.toStdString())) {
        const QString path = QString::fromStdString(candidate);
        if (path.contains(u'/')) {
            if (QFileInfo(path).isFile())
                return QFileInfo(path).absoluteFilePath();
            continue;
        }
        for (const QString& folder : libraryFolders()) {
            const QFileInfo file(QDir(folder).filePath(path));
            if (file.isFile())
                return file.absoluteFilePath();
        }
    }
    return std::nullopt;
}

EnvironmentProbes::EnvironmentProbes(EnvironmentCheckOptions options)
    : options_(std::move(options))
{
    if (!options_.localClock)
        options_.localClock = [] { return QDateTime::currentDateTimeUtc(); };
}

CheckResult EnvironmentProbes::run(CheckId id)
{
    switch (id) {
    case CheckId::ProgramParts:
        return programParts();
    case CheckId::SmartCardService:
        return smartCardService();
    case CheckId::Readers:
        return readers();
    case CheckId::Cards:
        return cards();
    case CheckId::SigningModule:
        return signingModule();
    case CheckId::Service:
        return service();
    case CheckId::Clock:
        return clock();
    }
    return made(id, CheckStatus::Skipped, Finding::None);
}

CheckResult EnvironmentProbes::smartCardService()
{
    const CheckId id = CheckId::SmartCardService;
    try {
        cards::CardInspector inspector;
        for (const cards::ReaderState& state : inspector.readerStates())
            readers_.append({ state.name, state.cardPresent });
        pcscRunning_ = true;
        return made(id, CheckStatus::Ok, Finding::PcscRunning);
    } catch (const cards::CardFailure& failure) {
        if (failure.problem() == cards::CardProblem::NoReaders) {
            pcscRunning_ = true;
            return made(id, CheckStatus::Ok, Finding::PcscRunning);
        }
        if (failure.problem() == cards::CardProblem::ServiceUnavailable)
            return made(id, CheckStatus::Failed, Finding::PcscUnavailable);
        return made(id, CheckStatus::Failed, Finding::PcscError, { failure.userMessage() });
    }
}

CheckResult EnvironmentProbes::readers()
{
    const CheckId id = CheckId::Readers;
    if (!pcscRunning_)
        return made(id, CheckStatus::Skipped, Finding::SkippedNoPcsc);
    if (readers_.isEmpty())
        return made(id, CheckStatus::Failed, Finding::NoReaders);
    QStringList names;
    for (const Reader& reader : readers_)
        names << reader.name;
    return made(id, CheckStatus::Ok, Finding::ReadersFound, names);
}

CheckResult EnvironmentProbes::cards()
{
    const CheckId id = CheckId::Cards;
    if (!pcscRunning_)
        return made(id, CheckStatus::Skipped, Finding::SkippedNoPcsc);
    QStringList found;
    bool unsupported = false;
    cards::CardInspector inspector;
    inspector.setPkcs11Module(options_.pkcs11Module.trimmed());
    for (const Reader& reader : readers_) {
        if (!reader.cardPresent)
            continue;
        try {
            // No trace and no on-disk cache: nothing of the card is kept.
            const cards::CardReport report = inspector.inspect(reader.name);
            found << reader.name + u'\t' + report.kind + u'\t' + report.signingPathReason;
            hicosNeedsModule_ = hicosNeedsModule_
                || (isHicosKind(report.kind) && report.signingPath == QLatin1String("module")
                    && report.signingPathReason == QLatin1String("hicos-variant-unknown"));
            unsupported
                = unsupported || !report.isSupported() || report.kind == QLatin1String("nhi");
        } catch (const cards::CardFailure& failure) {
            if (failure.problem() == cards::CardProblem::NoCard
                || failure.problem() == cards::CardProblem::CardRemoved)
                continue;
            return made(id, CheckStatus::Warning, Finding::CardUnreadable,
                { reader.name, failure.userMessage() });
        }
    }
    if (found.isEmpty())
        return made(id, CheckStatus::Warning, Finding::NoCard);
    if (unsupported)
        return made(id, CheckStatus::Warning, Finding::UnsupportedCard, found);
    return made(id, CheckStatus::Ok, Finding::CardsFound, found);
}

CheckResult EnvironmentProbes::signingModule()
{
    const CheckId id = CheckId::SigningModule;
    const QString configured = options_.pkcs11Module.trimmed();
    if (!configured.isEmpty() && !QFileInfo(configured).isFile())
        return made(id, CheckStatus::Failed, Finding::ModuleConfiguredMissing, { configured });
    if (const std::optional<QString> module = findPkcs11Module(configured))
        return made(id, CheckStatus::Ok, Finding::ModuleFound, { *module });
    if (hicosNeedsModule_)
        return made(id, CheckStatus::Failed, Finding::ModuleMissingForHicos);
    // HiCOS gen1 and gen2 sign directly: the module is an option, not a need.
    return made(id, CheckStatus::Ok, Finding::ModuleMissing);
}

CheckResult EnvironmentProbes::programParts()
{
    QStringList found;
    QStringList missing;
    for (const ModuleCheck& module : options_.modules) {
        const QString part = QString::number(static_cast<int>(module.part));
        QString loaded;
        QStringList problems;
        // One candidate at a time, so the path shown is the one that loaded.
        for (const QString& path : modules::candidates(module.baseName)) {
            QString why;
            if (modules::resolve({ path }, module.entrySymbol.constData(), why)) {
                loaded = path;
                break;
            }
            problems << why;
        }
        if (!loaded.isEmpty()) {
            found << part + u'\t' + loaded;
            continue;
        }
        missing << part + u'\t' + problems.join(QStringLiteral("; "));
        if (module.part == ProgramPart::Network)
            networkPartMissing_ = true;
    }
    if (!missing.isEmpty())
        return made(CheckId::ProgramParts, CheckStatus::Failed, Finding::PartMissing, missing);
    return made(CheckId::ProgramParts, CheckStatus::Ok, Finding::PartsComplete, found);
}

CheckResult EnvironmentProbes::service()
{
    const CheckId id = CheckId::Service;
    if (networkPartMissing_)
        return made(id, CheckStatus::Skipped, Finding::SkippedNoNetworkPart);
    if (options_.service.baseUrl.isEmpty() || !options_.service.baseUrl.isValid())
        return made(id, CheckStatus::Failed, Finding::ServiceNotConfigured);
    api::ServiceConfig config = options_.service;
    config.timeout = std::min(config.timeout, healthTimeout);
    const QString url = urlText(config);
    api::ServiceClient client(config);
    const api::Result<api::Health> health = client.health();
    localTimeAtAnswer_ = options_.localClock();
    if (health.ok()) {
        serviceAnswered_ = true;
        serverTime_ = health->serverTime;
        if (health->ok)
            return made(id, CheckStatus::Ok, Finding::ServiceReachable, { url });
        return made(id, CheckStatus::Warning, Finding::ServiceDegraded, { url });
    }
    const api::Failure& failure = health.failure;
    switch (failure.kind) {
    case api::ErrorKind::Tls:
        return made(id, CheckStatus::Failed, Finding::ServiceTls, { url, failure.detail });
    case api::ErrorKind::Timeout:
        return made(id, CheckStatus::Failed, Finding::ServiceTimeout, { url });
    case api::ErrorKind::Http:
    case api::ErrorKind::BadResponse:
        return made(id, CheckStatus::Failed, Finding::ServiceBadAnswer,
            { url, QString::number(failure.httpStatus) });
    case api::ErrorKind::Network:
    case api::ErrorKind::None:
        break;
    }
    return made(id, CheckStatus::Failed, Finding::ServiceUnreachable, { url, failure.detail });
}

CheckResult EnvironmentProbes::clock()
{
    const CheckId id = CheckId::Clock;
    if (!serviceAnswered_)
        return made(id, CheckStatus::Skipped, Finding::SkippedNoService);
    if (!serverTime_)
        return made(id, CheckStatus::Warning, Finding::ClockUnknown);
    // The Date header has whole seconds: a second of difference is the header, not the clock.
    const qint64 seconds = serverTime_->secsTo(localTimeAtAnswer_);
    const bool right = std::abs(seconds) <= clockToleranceSeconds;
    CheckResult result = made(id, right ? CheckStatus::Ok : CheckStatus::Failed,
        right ? Finding::ClockRight : Finding::ClockSkewed);
    result.seconds = seconds;
    return result;
}

} // namespace core::diagnostics::detail
