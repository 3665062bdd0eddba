#include "server/app/routes.hpp"

#include "server/accounts/account_routes.hpp"
#include "server/applications/application_routes.hpp"
#include "server/login/login_routes.hpp"
#include "server/opendata/opendata_routes.hpp"
#include "server/reference/reference_routes.hpp"
#include "server/vacancies/vacancy_routes.hpp"

namespace server::app {

http::Router buildRouter(const ServiceContext& context)
{
    http::Router router;
    login::addLoginRoutes(router, context);
    accounts::addAccountRoutes(router, context);
    reference::addReferenceRoutes(router, context);
    vacancies::addVacancyRoutes(router, context);
    applications::addApplicationRoutes(router, context);
    opendata::addOpenDataRoutes(router, context);
    return router;
}

} // namespace server::app
