#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

namespace core::cards {

/// Reader and card arrival/removal as Qt signals, delivered on the thread that owns the watcher.
/// The card layer's monitor thread does the waiting; it survives a restart of the PC/SC service.
class CardWatcher : public QObject {
    Q_OBJECT
public:
    explicit CardWatcher(QObject* parent = nullptr);
    ~CardWatcher() override;

    /// Starts watching; the readers and cards present now are reported first.
    void start();
    void stop();

signals:
    void readerAdded(const QString& reader);
    void readerRemoved(const QString& reader);
    void cardInserted(const QString& reader, const QByteArray& atr);
    void cardRemoved(const QString& reader);
    void serviceLost();
    void serviceRestored();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::cards
