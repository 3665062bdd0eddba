#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace core::diagnostics {

/// The checks of 環境檢測, in the order they run and are shown.
enum class CheckId {
    ProgramParts, ///< the program's own modules load (network, printing)
    SmartCardService, ///< pcscd answers
    Readers, ///< which readers are connected
    Cards, ///< which card is in each reader and what kind
    SigningModule, ///< the HiCOS PKCS#11 module is installed
    Service, ///< the central service answers GET /health
    Clock, ///< the local clock agrees with the service's
};

enum class CheckStatus { Pending, Running, Ok, Warning, Failed, Skipped };

/// The program's modules, opened by their first use (core/modules), which 環境檢測 loads.
enum class ProgramPart {
    Network, ///< libshiqiuren-network.so: every request to the service
    Printing, ///< libshiqiuren-print.so: 列印 in the preview
};

/// What a check found, one value per distinct sentence (the words come from findingText() and
/// adviceText() in the language of the moment, so a language switch retranslates them).
enum class Finding {
    None, ///< not run yet
    PartsComplete, ///< facts: "part\tpath" per module
    PartMissing, ///< facts: "part\twhy" per module that does not load
    PcscRunning,
    PcscUnavailable,
    PcscError,
    ReadersFound,
    NoReaders,
    CardsFound, ///< facts: "reader\tkind\tsigning path reason" per card
    NoCard,
    UnsupportedCard, ///< facts as CardsFound; at least one card is not one we know
    CardUnreadable, ///< facts: reader, the card layer's message
    ModuleFound, ///< facts: path
    ModuleConfiguredMissing, ///< facts: the configured path
    ModuleMissingForHicos, ///< a HiCOS card only the module can sign is in a reader, no module
    ModuleMissing, ///< no module, and no card in a reader needs one (gen1/gen2 sign directly)
    ServiceNotConfigured,
    ServiceReachable, ///< facts: URL
    ServiceDegraded, ///< facts: URL
    ServiceUnreachable, ///< facts: URL, technical detail
    ServiceTls, ///< facts: URL, technical detail
    ServiceTimeout, ///< facts: URL
    ServiceBadAnswer, ///< facts: URL, HTTP status
    ClockRight, ///< seconds: local minus server
    ClockSkewed, ///< seconds: local minus server
    ClockUnknown, ///< the service sent no time
    SkippedNoPcsc, ///< needs pcscd
    SkippedNoService, ///< needs the service
    SkippedNoNetworkPart, ///< needs the network module
};

/// One check's outcome.
struct CheckResult {
    CheckId id = CheckId::SmartCardService;
    CheckStatus status = CheckStatus::Pending;
    Finding finding = Finding::None;
    QStringList facts; ///< reader names, paths, URLs — never an ID number, PIN or token
    qint64 seconds = 0; ///< the clock checks: local time minus the service's
};

/// Every check in order.
QList<CheckId> allChecks();
/// The check's name, e.g. 「智慧卡服務（pcscd）」.
QString checkTitle(CheckId id);
/// 正常 / 注意 / 失敗 / …
QString statusText(CheckStatus status);
/// What was found, in words, with its facts.
QString findingText(const CheckResult& result);
/// What to do about it; empty when nothing needs doing.
QString adviceText(const CheckResult& result);
/// The module's role in words: 「網路元件」 …
QString partText(ProgramPart part);
/// The card kind in words: 「自然人憑證（第二代）」 for "moica-gen2", …
QString cardKindText(const QString& kind);
/// Plain text for IT support: one block per check (title, status, found, what to do).
QString supportReport(const QList<CheckResult>& results);

} // namespace core::diagnostics
