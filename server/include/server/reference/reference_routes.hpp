#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

namespace server::reference {

/// `GET /reference` (the bundle core::domain::CodeLists::fromJson reads) and
/// `GET /reference/{person-kinds,series,workplaces,grades,titles,agencies}`, each with a strong
/// ETag and 304 for a matching If-None-Match. `GET /health`.
void addReferenceRoutes(http::Router& router, const ServiceContext& context);

/// `"<sha-256 hex, 32 chars>"`: equal bytes, equal tag.
QByteArray strongEtag(const QByteArray& body);

/// True when If-None-Match names `etag` (or is `*`).
bool ifNoneMatchHits(const http::HttpRequest& request, const QByteArray& etag);

} // namespace server::reference
