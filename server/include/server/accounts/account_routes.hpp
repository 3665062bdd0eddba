#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

#include <QJsonObject>

namespace server::accounts {

/// `POST /auth/password`, `POST /auth/logout`, `GET|PUT|PATCH /account`.
void addAccountRoutes(http::Router& router, const ServiceContext& context);

/// The body every login answers with: `{ session: { token, expiresAt, idleTimeoutSeconds },
/// account, assurance, accountSetupRequired }`.
QJsonObject sessionBody(const ServiceContext& context, const QString& token, qint64 expiresAtMillis,
    const QJsonObject& account, bool certificate);

} // namespace server::accounts
