#pragma once

#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace server::http {

/// A fixed number of threads taking jobs from a queue of fixed length. A full queue refuses the
/// job at once, so the caller can answer "busy" instead of letting work pile up without end.
class WorkerPool {
public:
    WorkerPool(int threads, int queueCapacity);
    /// Lets the running jobs finish, drops the queued ones and joins the threads.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues the job; false when the queue is full (the job is not run).
    bool trySubmit(std::function<void()> job);

private:
    void work();

    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::unique_ptr<QThread>> threads_;
};

} // namespace server::http
