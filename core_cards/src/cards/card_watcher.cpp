#include "core/cards/card_watcher.hpp"

#include "smartcard/monitor.hpp"

#include <QMetaObject>

namespace core::cards {

struct CardWatcher::Private {
    std::unique_ptr<smartcard::CardMonitor> monitor;
};

CardWatcher::CardWatcher(QObject* parent)
    : CardEvents(parent)
    , d(std::make_unique<Private>())
{ }

CardWatcher::~CardWatcher()
{
    stop();
}

void CardWatcher::start()
{
    if (d->monitor)
        return;
    // The callback runs on the monitor thread: hop to ours with a queued call. `this` outlives
    // the monitor (the destructor joins it), and Qt drops calls queued for a deleted receiver.
    d->monitor
        = std::make_unique<smartcard::CardMonitor>([this](const smartcard::CardEvent& event) {
              const QString reader = QString::fromStdString(event.reader);
              const QByteArray atr(reinterpret_cast<const char*>(event.atr.data()),
                  static_cast<qsizetype>(event.atr.size()));
              const auto kind = event.kind;
              QMetaObject::invokeMethod(
                  this,
                  [this, kind, reader, atr] {
                      using Kind = smartcard::CardEvent::Kind;
                      switch (kind) {
                      case Kind::ReaderAdded:
                          emit readerAdded(reader);
                          break;
                      case Kind::ReaderRemoved:
                          emit readerRemoved(reader);
                          break;
                      case Kind::CardInserted:
                          emit cardInserted(reader, atr);
                          break;
                      case Kind::CardRemoved:
                          emit cardRemoved(reader);
                          break;
                      case Kind::ServiceLost:
                          emit serviceLost();
                          break;
                      case Kind::ServiceRestored:
                          emit serviceRestored();
                          break;
                      }
                  },
                  Qt::QueuedConnection);
          });
    d->monitor->start();
}

void CardWatcher::stop()
{
    if (d->monitor) {
        d->monitor->stop();
        d->monitor.reset();
    }
}

} // namespace core::cards
