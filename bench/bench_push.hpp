#pragma once

#include <QList>
#include <QString>

namespace bench {

struct PushOptions {
    int records = 10'000;
    /// Pipeline depths to run, in order (1: every operation on its own, the old path).
    QList<int> depths { 1, 16 };
    /// Then batch sizes to run, in order (`POST /vacancy-batches`, that many creates a request).
    QList<int> batches { 100 };
    QString pki; ///< the test PKI (tests/pki/make-test-pki.sh)
    QString server; ///< the shiqiuren-server binary
    QString seed; ///< tests/server/seed/test.json
};

/// Queued creates pushed to the local server once per depth and once per batch size (each run
/// against a fresh server); prints each run and a table.
void benchPush(const PushOptions& options);

} // namespace bench
