#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

namespace server::opendata {

/// `GET /opendata/vacancies.xml` (public, no login): every agency's vacancies that are published
/// today — state `active` and today (Asia/Taipei) within valid_from..valid_to inclusive — as the
/// Open Data feed (openDataXml), `application/xml; charset=utf-8`, with a strong ETag and 304 for
/// a matching If-None-Match.
void addOpenDataRoutes(http::Router& router, const ServiceContext& context);

} // namespace server::opendata
