#include "server/http/router.hpp"

#include <stdexcept>

namespace server::http {
namespace {

bool matches(const QString& pattern, const QString& path, QHash<QString, QString>* params)
{
    const QStringList want = pattern.split(u'/');
    const QStringList have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString& segment = want[i];
        if (segment.startsWith(u'{') && segment.endsWith(u'}')) {
            if (have[i].isEmpty())
                return false;
            found.insert(segment.mid(1, segment.size() - 2), have[i]);
        } else if (segment != have[i]) {
            return false;
        }
    }
    if (params)
        *params = found;
    return true;
}

} // namespace

void Router::add(const QByteArray& method, const QString& pattern, Access access, Handler handler)
{
    for (const Route& route : routes_)
        if (route.method == method && route.pattern == pattern)
            throw std::logic_error("route registered twice: " + pattern.toStdString());
    routes_.append(Route { method, pattern, access, std::move(handler) });
}

Router::Match Router::match(HttpRequest& request) const
{
    Match result;
    for (const Route& route : routes_) {
        QHash<QString, QString> params;
        if (!matches(route.pattern, request.path, &params))
            continue;
        if (route.method == request.method) {
            request.pathParams = params;
            result.route = &route;
            return result;
        }
        result.allowedMethods.append(QString::fromLatin1(route.method));
        // ApiServer answers HEAD wherever there is a GET (as GET without the body).
        if (route.method == "GET")
            result.allowedMethods.append(QStringLiteral("HEAD"));
    }
    return result;
}

} // namespace server::http
