#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace core::cards {

/// Readers and cards coming and going, as signals on the object's thread: the one declaration
/// shared by the watcher, the card service and the fakes tests use in their place.
class CardEvents : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void readerAdded(const QString& reader);
    void readerRemoved(const QString& reader);
    void cardInserted(const QString& reader, const QByteArray& atr);
    void cardRemoved(const QString& reader);
    void serviceLost();
    void serviceRestored();
};

} // namespace core::cards
