#include "worker_pool.hpp"

namespace server::http {

WorkerPool::WorkerPool(int threads, int queueCapacity)
    : capacity_(static_cast<std::size_t>(std::max(queueCapacity, 0)))
{
    // QThreads rather than std::threads: per-thread data (the database connections in
    // QThreadStorage) is then cleaned up on the worker itself when it ends.
    for (int i = 0; i < threads; ++i) {
        threads_.emplace_back(QThread::create([this] { work(); }));
        threads_.back()->setObjectName(QStringLiteral("worker-%1").arg(i + 1));
        threads_.back()->start();
    }
}

WorkerPool::~WorkerPool()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    for (const auto& thread : threads_)
        thread->wait();
}

bool WorkerPool::trySubmit(std::function<void()> job)
{
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() >= capacity_)
            return false;
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

void WorkerPool::work()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_)
                return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        job();
    }
}

} // namespace server::http
