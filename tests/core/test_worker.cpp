// core::threads::Worker: jobs in the order posted, results on the context's thread, nothing for
// a context that is gone, and a shutdown that finishes what was posted before it.
#include "core/threads/worker.hpp"

#include <QCoreApplication>
#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <catch2/catch.hpp>
#include <vector>

using core::threads::Worker;

namespace {

constexpr int waitMs = 10000; // a bound against hanging, not a speed requirement

} // namespace

TEST_CASE("Worker runs jobs one at a time in the order they were posted", "[worker]")
{
    QMutex mutex;
    std::vector<int> order;
    QThread* ranOn = nullptr;
    {
        Worker worker(QStringLiteral("test-worker"));
        for (int i = 0; i < 50; ++i)
            worker.post([&, i] {
                const QMutexLocker lock(&mutex);
                order.push_back(i);
                ranOn = QThread::currentThread();
            });
    } // the destructor runs what was posted, then joins
    REQUIRE(order.size() == 50);
    for (int i = 0; i < 50; ++i)
        CHECK(order[std::size_t(i)] == i);
    CHECK(ranOn != QThread::currentThread());
}

TEST_CASE("Worker delivers a result on the context's thread", "[worker]")
{
    Worker worker(QStringLiteral("test-worker"));

    SECTION("a context on this thread")
    {
        QObject context;
        QThread* jobThread = nullptr;
        QThread* doneThread = nullptr;
        int answer = 0;
        worker.run<int>(
            &context,
            [&] {
                jobThread = QThread::currentThread();
                return 42;
            },
            [&](int& value) {
                doneThread = QThread::currentThread();
                answer = value;
            });
        REQUIRE(QTest::qWaitFor([&] { return answer == 42; }, waitMs));
        CHECK(doneThread == QThread::currentThread());
        CHECK(jobThread != QThread::currentThread());
    }

    SECTION("a context on a third thread")
    {
        QThread other;
        other.start();
        auto* context = new QObject;
        context->moveToThread(&other);
        QAtomicPointer<QThread> doneThread;
        worker.run<int>(
            context, [] { return 1; },
            [&](int&) { doneThread.storeRelease(QThread::currentThread()); });
        REQUIRE(QTest::qWaitFor([&] { return doneThread.loadAcquire() != nullptr; }, waitMs));
        CHECK(doneThread.loadAcquire() == &other);
        QMetaObject::invokeMethod(context, [context] { delete context; });
        other.quit();
        other.wait();
    }
}

TEST_CASE("Worker delivers nothing to a context destroyed before the result came", "[worker]")
{
    Worker worker(QStringLiteral("test-worker"));
    QSemaphore release;
    bool delivered = false;
    bool ran = false;

    SECTION("destroyed while the job runs")
    {
        auto context = std::make_unique<QObject>();
        worker.run<int>(
            context.get(),
            [&] {
                release.acquire();
                ran = true;
                return 1;
            },
            [&](int&) { delivered = true; });
        context.reset();
        release.release();
    }
    SECTION("destroyed after the result was queued for it")
    {
        auto context = std::make_unique<QObject>();
        QSemaphore queued;
        worker.run<int>(
            context.get(),
            [&] {
                ran = true;
                return 1;
            },
            [&](int&) { delivered = true; });
        worker.post([&] { queued.release(); });
        REQUIRE(queued.tryAcquire(1, waitMs)); // the result is in this thread's queue now
        context.reset();
    }
    worker.finish();
    QCoreApplication::sendPostedEvents();
    CHECK(ran);
    CHECK_FALSE(delivered);
}

TEST_CASE("Worker shuts down in order: what was posted runs, nothing after", "[worker]")
{
    QMutex mutex;
    std::vector<QString> events;
    const auto note = [&](const QString& what) {
        const QMutexLocker lock(&mutex);
        events.push_back(what);
    };
    Worker worker(QStringLiteral("test-worker"));
    QSemaphore started;
    QSemaphore release;
    worker.post([&] {
        started.release();
        release.acquire();
        note(QStringLiteral("first"));
    });
    worker.post([&] { note(QStringLiteral("second")); });
    REQUIRE(started.tryAcquire(1, waitMs));

    QThread* stopper = QThread::create([&] {
        worker.finish();
        note(QStringLiteral("finished"));
    });
    stopper->start();
    // finish() waits for the job in progress and the one behind it.
    QTest::qWait(50);
    {
        const QMutexLocker lock(&mutex);
        CHECK(events.empty());
    }
    release.release();
    REQUIRE(stopper->wait(waitMs));
    delete stopper;

    worker.post([&] { note(QStringLiteral("too late")); });
    worker.finish();
    REQUIRE(events.size() == 3);
    CHECK(events[0] == "first");
    CHECK(events[1] == "second");
    CHECK(events[2] == "finished");
}
