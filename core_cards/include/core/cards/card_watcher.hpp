#pragma once

#include "core/cards/card_events.hpp"

#include <memory>

namespace core::cards {

/// Reader and card arrival/removal as CardEvents, delivered on the thread that owns the watcher.
/// The card layer's monitor thread does the waiting; it survives a restart of the PC/SC service.
class CardWatcher : public CardEvents {
public:
    explicit CardWatcher(QObject* parent = nullptr);
    ~CardWatcher() override;

    /// Starts watching; the readers and cards present now are reported first.
    void start();
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::cards
