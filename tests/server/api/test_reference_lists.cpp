// Code lists with ETag / If-None-Match, the bundle the client's CodeLists reads, and HTTPS.

#include "core/domain/code_lists.hpp"
#include "test_server.hpp"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

using namespace servertest;
using core::domain::CodeListKind;

TEST_CASE("Code lists carry an ETag and answer 304 when unchanged", "[server][reference]")
{
    TestServer server;
    const HttpClient client = server.client();

    const Reply bundle = client.get("/api/v1/reference");
    REQUIRE(bundle.status == 200);
    const QByteArray etag = bundle.header("ETag");
    REQUIRE(etag.startsWith('"'));
    // The client reads exactly this bundle; the server serves what the client ships with.
    const auto lists = core::domain::CodeLists::fromJson(bundle.json(), QString::fromLatin1(etag));
    CHECK(lists.items(CodeListKind::Series)
        == core::domain::CodeLists::builtin().items(CodeListKind::Series));
    CHECK(lists.items(CodeListKind::Workplace).size()
        == core::domain::CodeLists::builtin().items(CodeListKind::Workplace).size());

    const Reply unchanged = client.get("/api/v1/reference", {}, { { "If-None-Match", etag } });
    CHECK(unchanged.status == 304);
    CHECK(unchanged.body.isEmpty());
    CHECK(unchanged.header("ETag") == etag);
    CHECK(client.get("/api/v1/reference", {}, { { "If-None-Match", "\"old\"" } }).status == 200);

    for (const char* name :
        { "person-kinds", "series", "workplaces", "grades", "titles", "agencies" }) {
        INFO(name);
        const Reply list = client.get(QStringLiteral("/api/v1/reference/") + name);
        REQUIRE(list.status == 200);
        CHECK_FALSE(list.json().isEmpty());
        CHECK(client
                  .get(QStringLiteral("/api/v1/reference/") + name, {},
                      { { "If-None-Match", list.header("ETag") } })
                  .status
            == 304);
    }
    const Reply agencies = client.get("/api/v1/reference/agencies");
    const QJsonArray items = agencies.json().value("items").toArray();
    CHECK(items.size() == 4);
    CHECK(items.contains(QJsonObject { { "code", "A29000000G" }, { "name", "測試機關" },
        { "address", "臺北市中正區測試路1號" } }));
    // A unit names the agency it belongs to (the form offers "my agency and its units").
    CHECK(items.contains(QJsonObject { { "code", "A29010000G" }, { "name", "測試機關第一分署" },
        { "address", "臺中市西屯區測試路10號" }, { "parent", "A29000000G" } }));
    // The bundle the client caches carries the same register.
    CHECK(client.get("/api/v1/reference").json().value("agencies").toObject().value("items")
        == agencies.json().value("items"));
    CHECK(client.get("/api/v1/reference/nope").error() == "not-found");
}

TEST_CASE("With --tls-cert and --tls-key the server speaks HTTPS only", "[server][tls]")
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start("openssl",
        { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.filePath("tls.key"),
            "-out", dir.filePath("tls.pem"), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
            "subjectAltName=IP:127.0.0.1" });
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);

    TestServer server({ .extraArguments
        = { "--tls-cert", dir.filePath("tls.pem"), "--tls-key", dir.filePath("tls.key") } });
    REQUIRE(server.baseUrl().startsWith("https://"));

    // Trust exactly the generated certificate.
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(server.baseUrl() + "/api/v1/health"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(dir.filePath("tls.pem")));
    request.setSslConfiguration(tls);
    QNetworkReply* reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(reply->isFinished());
    INFO(reply->errorString().toStdString());
    CHECK(reply->error() == QNetworkReply::NoError);
    CHECK(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    reply->deleteLater();

    // Plain HTTP on the same port gets no answer.
    QString plain = server.baseUrl();
    plain.replace("https://", "http://");
    const Reply cleartext = HttpClient(plain).get("/api/v1/health");
    CHECK(cleartext.status != 200);
}
