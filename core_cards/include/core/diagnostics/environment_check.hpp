#pragma once

#include "core/api/service_config.hpp"
#include "core/diagnostics/check_result.hpp"
#include "core/threads/worker.hpp"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

namespace core::diagnostics {

/// A module of this program for 程式元件 to load (core/modules): what it is for, its base name
/// (`shiqiuren-network`) and the entry point the program calls.
struct ModuleCheck {
    ProgramPart part = ProgramPart::Network;
    QString baseName;
    QByteArray entrySymbol;
};

/// What the checks look at.
struct EnvironmentCheckOptions {
    QList<ModuleCheck> modules; ///< the program's modules; each program lists its own
    QString pkcs11Module; ///< the configured module; empty = the usual HiCOS install paths
    api::ServiceConfig service; ///< an empty baseUrl = not configured
    /// The local clock (UTC); replaceable so a test can stand for a wrong one.
    std::function<QDateTime()> localClock;
};

/// 環境檢測, headless: runs every check of allChecks() on a threads::Worker (the card layer and
/// the service both block) and reports each one as it starts and ends, on this object's thread.
class EnvironmentCheck : public QObject {
    Q_OBJECT
public:
    explicit EnvironmentCheck(QObject* parent = nullptr);
    /// Asks a running check to stop after its current step and waits for it.
    ~EnvironmentCheck() override;

    void setOptions(EnvironmentCheckOptions options);
    /// Starts a run; false (and nothing happens) while one is running.
    bool start();
    bool running() const { return running_; }
    /// One per check, in order: Pending before it ran.
    QList<CheckResult> results() const { return results_; }
    CheckResult result(CheckId id) const;

signals:
    void started();
    /// A check started (status Running) or ended.
    void checkUpdated(const core::diagnostics::CheckResult& result);
    void finished();

private:
    void deliver(const CheckResult& result);
    void runFinished();

    EnvironmentCheckOptions options_;
    QList<CheckResult> results_;
    bool running_ = false;
    std::shared_ptr<std::atomic<bool>> stop_; // the run in progress stops after its current step
    std::unique_ptr<threads::Worker> worker_;
};

} // namespace core::diagnostics
