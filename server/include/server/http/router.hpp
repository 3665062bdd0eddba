#pragma once

#include "server/http/http_message.hpp"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace server::http {

/// Who may call a route. Checked before the handler runs, in this order of strictness.
enum class Access {
    Public, ///< no session
    Session, ///< any live session, also one whose account is not set up yet
    Account, ///< a live session whose account is set up
    CertificateWrite, ///< Account, and the session came from a card (vacancy writes)
};

using Handler = std::function<HttpResponse(HttpRequest&)>;

struct Route {
    QByteArray method;
    QString pattern; ///< "/api/v1/vacancies/{id}"; a {name} segment matches one non-empty segment
    Access access = Access::Public;
    Handler handler;
};

/// Method + path → route. Our own table rather than QHttpServer's, so 404 and 405 get the
/// contract's error body and the table can be listed (docs/api/openapi.yaml is checked against it).
class Router {
public:
    void add(const QByteArray& method, const QString& pattern, Access access, Handler handler);

    struct Match {
        const Route* route = nullptr; ///< null: no route
        QStringList allowedMethods; ///< the path exists with these methods (405 when route is null)
    };
    /// Fills request.pathParams on a match.
    Match match(HttpRequest& request) const;

    const QList<Route>& routes() const { return routes_; }

private:
    QList<Route> routes_;
};

} // namespace server::http
