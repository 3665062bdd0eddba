#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

namespace server::login {

/// `POST /auth/challenge`, `POST /auth/certificate` (the web-eid:1.0 token, checked in the
/// contract's order) and `POST /auth/activate` (首次啟用).
void addLoginRoutes(http::Router& router, const ServiceContext& context);

} // namespace server::login
