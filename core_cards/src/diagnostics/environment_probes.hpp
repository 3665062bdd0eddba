#pragma once

// The checks of 環境檢測 themselves, each blocking: run them on a worker thread, in order (the
// later ones use what the earlier ones found).

#include "core/diagnostics/check_result.hpp"
#include "core/diagnostics/environment_check.hpp"

#include <QList>
#include <QString>
#include <optional>

namespace core::diagnostics::detail {

class EnvironmentProbes {
public:
    explicit EnvironmentProbes(EnvironmentCheckOptions options);

    CheckResult run(CheckId id);

private:
    CheckResult programParts();
    CheckResult smartCardService();
    CheckResult readers();
    CheckResult cards();
    CheckResult signingModule();
    CheckResult service();
    CheckResult clock();

    struct Reader {
        QString name;
        bool cardPresent = false;
    };

    EnvironmentCheckOptions options_;
    bool networkPartMissing_ = false; // the service cannot be asked without it
    bool pcscRunning_ = false;
    QList<Reader> readers_;
    bool hicosNeedsModule_ = false; // a HiCOS card of a version only the vendor's module knows
    bool serviceAnswered_ = false;
    std::optional<QDateTime> serverTime_;
    QDateTime localTimeAtAnswer_;
};

/// Whether a card kind is a Chunghwa Telecom HiCOS card (signs through the vendor's module).
bool isHicosKind(const QString& kind);
/// The first existing file among the PKCS#11 module candidates for `configured`; bare names are
/// looked up in LD_LIBRARY_PATH and the usual library folders.
std::optional<QString> findPkcs11Module(const QString& configured);

} // namespace core::diagnostics::detail
