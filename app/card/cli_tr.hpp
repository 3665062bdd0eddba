#pragma once

#include <QCoreApplication>

/// Translation context of shiqiuren-card's own texts (kept outside any namespace so lupdate
/// and the runtime agree on the context name).
class CardCli {
    Q_DECLARE_TR_FUNCTIONS(CardCli)
};
