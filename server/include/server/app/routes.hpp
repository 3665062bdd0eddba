#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

namespace server::app {

/// Every route the server serves, in one table (docs/api/openapi.yaml is checked against it).
http::Router buildRouter(const ServiceContext& context);

} // namespace server::app
