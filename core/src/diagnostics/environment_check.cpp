#include "core/diagnostics/environment_check.hpp"

#include "environment_probes.hpp"

#include <QPointer>
#include <QThread>
#include <atomic>

namespace core::diagnostics {

/// The run's thread. Shared with the thread's own function, so a check destroyed mid-run
/// leaves nothing dangling; `stop` ends the run after the current step.
struct EnvironmentCheck::Worker {
    std::atomic<bool> stop { false };
    std::unique_ptr<QThread> thread;
};

EnvironmentCheck::EnvironmentCheck(QObject* parent)
    : QObject(parent)
{
    for (const CheckId id : allChecks()) {
        CheckResult pending;
        pending.id = id;
        results_.append(pending);
    }
}

EnvironmentCheck::~EnvironmentCheck()
{
    if (worker_ && worker_->thread) {
        worker_->stop = true;
        worker_->thread->wait();
    }
}

void EnvironmentCheck::setOptions(EnvironmentCheckOptions options)
{
    options_ = std::move(options);
}

CheckResult EnvironmentCheck::result(CheckId id) const
{
    for (const CheckResult& result : results_)
        if (result.id == id)
            return result;
    return {};
}

bool EnvironmentCheck::start()
{
    if (running_)
        return false;
    if (worker_ && worker_->thread)
        worker_->thread->wait(); // already past its last delivery
    running_ = true;
    for (CheckResult& result : results_)
        result = CheckResult { result.id, CheckStatus::Pending, Finding::None, {}, 0 };
    emit started();

    auto worker = std::make_shared<Worker>();
    QPointer<EnvironmentCheck> self(this);
    const EnvironmentCheckOptions options = options_;
    // Results travel back as queued calls on this object: they run on its thread, and are
    // dropped if it is gone by then.
    worker->thread.reset(QThread::create([worker = worker.get(), self, options] {
        detail::EnvironmentProbes probes(options);
        for (const CheckId id : allChecks()) {
            if (worker->stop)
                return;
            CheckResult running;
            running.id = id;
            running.status = CheckStatus::Running;
            QMetaObject::invokeMethod(
                self, [self, running] { self->deliver(running); }, Qt::QueuedConnection);
            const CheckResult done = probes.run(id);
            QMetaObject::invokeMethod(
                self, [self, done] { self->deliver(done); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            self, [self] { self->runFinished(); }, Qt::QueuedConnection);
    }));
    worker_ = worker;
    worker_->thread->start();
    return true;
}

void EnvironmentCheck::deliver(const CheckResult& result)
{
    for (CheckResult& stored : results_)
        if (stored.id == result.id)
            stored = result;
    emit checkUpdated(result);
}

void EnvironmentCheck::runFinished()
{
    running_ = false;
    emit finished();
}

} // namespace core::diagnostics

#include "core/diagnostics/moc_environment_check.cpp"
