#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace core::threads {

/// One thread that runs jobs one after another, in the order they were posted, and hands their
/// results back to a context object on that object's own thread. The thread starts with the
/// first job.
///
/// The queue is the worker's own, not Qt's posted events: ServiceClient waits for an answer in a
/// local event loop, and a posted event would run the next job inside the current one.
/// A result meant for a context that has been destroyed is dropped, whatever the thread that
/// destroyed it. finish() (and the destructor) lets the jobs already posted run, then joins.
class Worker {
public:
    explicit Worker(const QString& name);
    /// finish()
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    /// Runs `job` on the worker after every job posted before it. Dropped after finish().
    void post(std::function<void()> job);

    /// Runs `job` on the worker, then `done` with its result on `context`'s thread, unless
    /// `context` is gone by then.
    template <typename R>
    void run(QObject* context, std::function<R()> job, std::function<void(R&)> done)
    {
        auto mailbox = openMailbox(context);
        post([mailbox, job = std::move(job), done = std::move(done)] {
            auto result = std::make_shared<R>(job());
            deliver(mailbox, [done, result] { done(*result); });
        });
    }

    /// Stops taking jobs, runs those already posted, and waits for the thread to end.
    void finish();
    /// Whether this code runs on the worker's thread.
    bool isCurrentThread() const;

    struct Mailbox;

private:
    static std::shared_ptr<Mailbox> openMailbox(QObject* context);
    static void deliver(const std::shared_ptr<Mailbox>& mailbox, std::function<void()> work);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::threads
