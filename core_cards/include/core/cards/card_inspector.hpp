#pragma once

#include "core/cards/card_access.hpp"
#include "core/cards/card_failure.hpp"
#include "core/cards/card_report.hpp"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace core::cards {

/// Synchronous door from core into the card layer: reader listing and the read side of a card,
/// one PC/SC transaction per call. Blocks — call it from a worker thread in a GUI. Every failure
/// is a CardFailure. Not thread-safe: one inspector per thread.
class CardInspector {
public:
    using Trace = std::function<void(const QString& line)>;

    /// `certificateCacheDir` empty = no on-disk cache (an in-memory one is still used).
    explicit CardInspector(const QString& certificateCacheDir = {});
    /// The configured PKCS#11 module, which decides how a HiCOS card signs (CardReport's
    /// signingPath); empty = none configured (SHIQIUREN_PKCS11_MODULE still counts).
    void setPkcs11Module(const QString& path);
    ~CardInspector();

    QStringList readers();
    QList<ReaderState> readerStates();
    /// Reads the card in `reader`, or in the first reader holding a card when `reader` is empty.
    /// Certificates are parsed for display; a card we do not know comes back with kind "unknown".
    CardReport inspect(const QString& reader = {}, const Trace& trace = {});

    /// The default on-disk cache location (…/shiqiuren/cards under the user's cache directory).
    static QString defaultCacheDir();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::cards
