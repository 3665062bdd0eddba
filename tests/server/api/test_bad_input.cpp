// The bad-input matrix, against every route the server serves (its own route table,
// `--print-routes`): malformed JSON, wrong content type, wrong types, unknown and missing fields,
// deep nesting, oversize bodies, broken UTF-8, odd path segments. Always 4xx, never 5xx, and the
// stored records are byte for byte the same afterwards.

#include "card_login.hpp"
#include "test_server.hpp"

#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

struct RouteLine {
    QByteArray method;
    QString pattern;
};

QList<RouteLine> servedRoutes()
{
    QProcess process;
    process.start(qEnvironmentVariable("SHIQIUREN_SERVER_BIN"), { "--print-routes" });
    REQUIRE(process.waitForFinished(10000));
    REQUIRE(process.exitCode() == 0);
    QList<RouteLine> routes;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() == 2)
            routes.append({ parts[0], QString::fromUtf8(parts[1]) });
    }
    REQUIRE(routes.size() >= 10);
    return routes;
}

/// Every table that holds what people entered or were given, as text, ordered.
QString storedState(const TestServer& server)
{
    const QStringList tables { "agencies", "persons", "certificate_bindings", "vacancies",
        "applicants", "applications" };
    QString dump;
    {
        QSqlDatabase db = server.openDatabase("bad-input-snapshot");
        for (const QString& table : tables) {
            QSqlQuery rows(db);
            REQUIRE(rows.exec("SELECT * FROM " + table + " ORDER BY 1"));
            while (rows.next()) {
                dump += table + ':';
                for (int i = 0; i < rows.record().count(); ++i)
                    dump += rows.value(i).toString() + '|';
                dump += '\n';
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase("bad-input-snapshot");
    return dump;
}

QString fill(const QString& pattern, const QString& value)
{
    QString path = pattern;
    static const QRegularExpression placeholder(QStringLiteral("\\{[^}]+\\}"));
    return path.replace(placeholder, value);
}

QByteArray deepJson(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

TEST_CASE("Every route answers bad input with a 4xx and changes nothing", "[server][bad-input]")
{
    TestServer server({ .extraArguments = { "--max-body", "65536" } });
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    // One real vacancy, so {id} also names something that exists.
    const QString before = storedState(server);

    const QList<QPair<QByteArray, QByteArray>> json { { "Content-Type", "application/json" } };
    const QList<QPair<QString, QByteArray>> bodies {
        { "malformed", "{\"account\": " },
        { "not an object", "[1, 2, 3]" },
        { "string", "\"text\"" },
        { "empty", "" },
        { "wrong types", R"({"account": 5, "password": [], "nonce": {}, "authToken": "x",
            "activationTicket": false, "accountOrIdNumber": 1.5, "email": null, "title": 7,
            "openings": "many", "validFrom": 20260101, "seriesCodes": "A101"})" },
        { "unknown field", R"({"zzz": 1})" },
        { "deep nesting", deepJson(200) },
        { "NUL in a string", R"({"account": "a\u0000b", "title": "x\u0000", "q\u0000": 1})" },
        { "broken UTF-8", QByteArray("{\"account\": \"\xff\xfe\xfd\", \"password\": \"a\"}") },
        { "oversize", "{\"title\": \"" + QByteArray(70000, 'a') + "\"}" },
        { "long strings",
            R"({"account": ")" + QByteArray(5000, 'a') + R"(", "password": ")"
                + QByteArray(5000, 'b') + R"("})" },
    };
    const QStringList ids { "1159999999", "..%2F..%2Fetc", "%00", "' OR 1=1 --", "x%20y" };

    for (const RouteLine& route : servedRoutes()) {
        // Logout takes no body and would end the session the other rounds need: last, below.
        if (route.pattern.endsWith(QLatin1String("/auth/logout")))
            continue;
        for (const QString& id : ids) {
            const QString path = fill(route.pattern, id);
            for (const auto& [name, body] : bodies) {
                for (const bool authenticated : { true, false }) {
                    Headers headers = json;
                    if (authenticated)
                        headers.append(bearer(token));
                    headers.append(qMakePair(QByteArray("If-Match"), QByteArray("\"stale\"")));
                    headers.append(qMakePair(QByteArray("Idempotency-Key"),
                        QByteArray("3f0c7a52-7f0e-4b43-9d52-4c1f1d7c2a11")));
                    const Reply reply = client.send(route.method, path, body, headers);
                    INFO(route.method.toStdString()
                        << ' ' << path.toStdString() << " [" << name.toStdString()
                        << (authenticated ? ", signed in" : "") << "] → " << reply.status << ' '
                        << reply.body.left(300).toStdString());
                    CHECK(reply.status != 0);
                    CHECK(reply.status < 500);
                    const bool emptyChallenge
                        = route.pattern.endsWith(QLatin1String("/auth/challenge"))
                        && body.isEmpty();
                    if (route.method != "GET" && reply.status < 300 && !emptyChallenge)
                        FAIL("a write accepted bad input");
                }
            }
            // Odd query values: NUL, huge numbers, negative pages.
            const Reply query = client.send(route.method,
                path + "?q=%00&page=-1&pageSize=99999999999999999999&since=%00&scope=%ff", {},
                { bearer(token) });
            CHECK(query.status < 500);
            // Wrong content type with an otherwise plausible body.
            const Reply typed = client.send(
                route.method, path, "{}", { { "Content-Type", "text/plain" }, bearer(token) });
            CHECK(typed.status < 500);
            if (route.pattern.contains('{'))
                continue;
            break; // a path without a parameter needs one round only
        }
    }

    // A body past the cap is cut off before it is buffered whole.
    const Reply huge = client.send("POST", "/api/v1/auth/password",
        QByteArray(4 * 1024 * 1024, 'x'), { { "Content-Type", "application/json" } });
    CHECK((huge.status == 413 || huge.status == 0));

    CHECK(client.send("POST", "/api/v1/auth/logout", "{\"account\": ", json).status == 401);
    CHECK(storedState(server) == before);
    // And the service still works.
    CHECK(client.get("/api/v1/account", token).status == 200);
    CHECK(client.get("/api/v1/health").status == 200);
}
