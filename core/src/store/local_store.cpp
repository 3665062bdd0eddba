#include "core/store/local_store.hpp"

#include "store/store_database.hpp"

#include <QStandardPaths>

namespace core::store {

QString LocalStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/shiqiuren/local.sqlite");
}

LocalStore::LocalStore(const QString& file)
    : db_(std::make_unique<detail::StoreDatabase>(file))
    , records_(*db_)
    , outbox_(*db_)
    , syncState_(*db_)
{ }

LocalStore::~LocalStore() = default;

const QString& LocalStore::file() const
{
    return db_->file();
}

void LocalStore::inTransaction(const std::function<void()>& work)
{
    db_->transaction(work);
}

void LocalStore::failStatementAfter(int n)
{
    db_->failStatementAfter(n);
}

bool LocalStore::faultPending() const
{
    return db_->faultPending();
}

} // namespace core::store
