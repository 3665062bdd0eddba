#include "core/diagnostics/environment_check.hpp"

#include "environment_probes.hpp"

namespace core::diagnostics {

EnvironmentCheck::EnvironmentCheck(QObject* parent)
    : QObject(parent)
    , worker_(std::make_unique<threads::Worker>(QStringLiteral("environment-check")))
{
    for (const CheckId id : allChecks()) {
        CheckResult pending;
        pending.id = id;
        results_.append(pending);
    }
}

EnvironmentCheck::~EnvironmentCheck()
{
    if (stop_)
        *stop_ = true;
    worker_->finish();
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
    running_ = true;
    for (CheckResult& result : results_)
        result = CheckResult { result.id, CheckStatus::Pending, Finding::None, {}, 0 };
    emit started();

    // One job per step, in order: a check's start, its end, ..., the run's end. The probes
    // keep what earlier checks found for the later ones.
    stop_ = std::make_shared<std::atomic<bool>>(false);
    auto stop = stop_;
    auto probes = std::make_shared<detail::EnvironmentProbes>(options_);
    const auto report = [this](CheckResult& result) { deliver(result); };
    for (const CheckId id : allChecks()) {
        worker_->run<CheckResult>(
            this,
            [id] {
                CheckResult running;
                running.id = id;
                running.status = CheckStatus::Running;
                return running;
            },
            report);
        worker_->run<CheckResult>(
            this,
            [id, probes, stop] {
                if (*stop)
                    return CheckResult { id, CheckStatus::Pending, Finding::None, {}, 0 };
                return probes->run(id);
            },
            report);
    }
    worker_->run<bool>(
        this, [] { return true; }, [this](bool&) { runFinished(); });
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
