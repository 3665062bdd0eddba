#include "core/threads/worker.hpp"

#include <QCoreApplication>
#include <QMetaObject>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <deque>

namespace core::threads {

/// Where one result goes. The context's `destroyed` clears `target` under the mutex, and a
/// delivery posts under the same mutex: a result is either queued before the context starts
/// going (and Qt drops it with the context's posted events) or never queued at all.
struct Worker::Mailbox {
    QMutex mutex;
    QObject* target = nullptr;
    QMetaObject::Connection watch;
};

namespace {

class JobThread : public QThread {
public:
    void post(std::function<void()> job)
    {
        const QMutexLocker lock(&mutex_);
        if (finishing_)
            return;
        // Started by the first job, not by the owner: a worker nobody uses costs no thread,
        // and none is started while the program is still putting its first window up.
        if (!isRunning() && !isFinished())
            start();
        jobs_.push_back(std::move(job));
        wake_.wakeOne();
    }
    void finish()
    {
        const QMutexLocker lock(&mutex_);
        finishing_ = true;
        wake_.wakeOne();
    }

protected:
    void run() override
    {
        for (;;) {
            std::function<void()> job;
            {
                QMutexLocker lock(&mutex_);
                while (jobs_.empty() && !finishing_)
                    wake_.wait(&mutex_);
                if (jobs_.empty())
                    break;
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            job();
            // What the job's objects queued for themselves on this thread (network replies
            // deleting themselves) runs between jobs, since no event loop runs here otherwise.
            QCoreApplication::sendPostedEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
    }

private:
    QMutex mutex_;
    QWaitCondition wake_;
    std::deque<std::function<void()>> jobs_;
    bool finishing_ = false;
};

} // namespace

struct Worker::Private {
    JobThread thread;
};

Worker::Worker(const QString& name)
    : d(std::make_unique<Private>())
{
    d->thread.setObjectName(name);
}

Worker::~Worker()
{
    finish();
}

void Worker::post(std::function<void()> job)
{
    d->thread.post(std::move(job));
}

void Worker::finish()
{
    d->thread.finish();
    if (!isCurrentThread())
        d->thread.wait();
}

bool Worker::isCurrentThread() const
{
    return QThread::currentThread() == &d->thread;
}

std::shared_ptr<Worker::Mailbox> Worker::openMailbox(QObject* context)
{
    auto mailbox = std::make_shared<Mailbox>();
    if (!context)
        return mailbox;
    mailbox->target = context;
    // A direct connection without a receiver: runs in the thread that destroys the context.
    mailbox->watch = QObject::connect(context, &QObject::destroyed, [mailbox] {
        const QMutexLocker lock(&mailbox->mutex);
        mailbox->target = nullptr;
    });
    return mailbox;
}

void Worker::deliver(const std::shared_ptr<Mailbox>& mailbox, std::function<void()> work)
{
    const QMutexLocker lock(&mailbox->mutex);
    if (!mailbox->target)
        return;
    QMetaObject::invokeMethod(
        mailbox->target,
        [mailbox, work = std::move(work)] {
            QObject::disconnect(mailbox->watch);
            work();
        },
        Qt::QueuedConnection);
}

} // namespace core::threads
