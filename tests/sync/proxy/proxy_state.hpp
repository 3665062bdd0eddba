#pragma once

// The fault proxy's shared state: the rule queue, the request log and the thread the sockets
// live in. The test's thread and the proxy's thread both use it, under `mutex`.

#include "fault_proxy.hpp"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

namespace synctest {

struct FaultProxy::Private {
    QString upstreamHost;
    quint16 upstreamPort = 0;
    QElapsedTimer clock;
    QThread thread;
    QObject* context = nullptr; ///< lives in `thread`; parents the server and the sessions
    quint16 port = 0;
    int connections = 0; ///< proxy thread only

    mutable QMutex mutex;
    mutable QWaitCondition changed;
    QList<FaultRule> rules;
    FaultRule defaultRule;
    QList<ProxyLogEntry> entries;
    int sequence = 0;
    std::function<void(const ProxyLogEntry&)> observer;

    ~Private() { stop(); }

    void stop()
    {
        if (!thread.isRunning())
            return;
        QMetaObject::invokeMethod(
            context, [this] { qDeleteAll(context->children()); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        delete context;
        context = nullptr;
    }

    FaultRule take(const QByteArray& method, const QString& path)
    {
        QMutexLocker lock(&mutex);
        for (qsizetype i = 0; i < rules.size(); ++i) {
            FaultRule& rule = rules[i];
            if (!rule.matches(method, path))
                continue;
            if (rule.skip > 0) {
                --rule.skip;
                continue;
            }
            FaultRule taken = rule;
            if (rule.count > 0 && --rule.count == 0)
                rules.removeAt(i);
            return taken;
        }
        return defaultRule;
    }

    /// A new entry with the next sequence number, logged.
    ProxyLogEntry begin(ProxyLogEntry entry)
    {
        QMutexLocker lock(&mutex);
        entry.sequence = ++sequence;
        entries.append(entry);
        changed.wakeAll();
        return entry;
    }

    void update(const ProxyLogEntry& entry)
    {
        std::function<void(const ProxyLogEntry&)> notify;
        {
            QMutexLocker lock(&mutex);
            for (qsizetype i = entries.size() - 1; i >= 0; --i)
                if (entries[i].sequence == entry.sequence) {
                    entries[i] = entry;
                    break;
                }
            if (entry.finished())
                notify = observer;
            changed.wakeAll();
        }
        if (notify)
            notify(entry);
    }
};

} // namespace synctest
