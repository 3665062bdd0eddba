#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

namespace server::applications {

/// 調閱履歷 and its audit trail (Access::Account, so a password session may read):
/// - `GET /vacancies/{id}/applications?page=&pageSize=`: the applicants of one of the caller's
///   agency's vacancies (404 for another agency's, an unknown or a deleted one), each with id,
///   name, appliedOn and only the résumé sections the vacancy's 調閱履歷 settings open
///   (resume_filter.hpp). `403 resume-access-disabled` when the vacancy does not use 調閱履歷.
///   Every answered read writes one audit_log row ("applications.read").
/// - `GET /audit?page=&pageSize=`: the caller's agency's audit rows, newest first.
void addApplicationRoutes(http::Router& router, const ServiceContext& context);

} // namespace server::applications
