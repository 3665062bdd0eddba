// The seed's agency register: a unit names the agency it belongs to (`parent`), in any order;
// an unknown parent or a loop is refused, so no caller's scope can be endless. And the scope
// itself: the agency first, then its units level by level.
#include "server/agencies/agency_scope.hpp"
#include "server/seed/seed_loader.hpp"
#include "server/service_context.hpp"
#include "server/storage/schema.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <catch2/catch.hpp>

namespace {

QJsonObject agency(const QString& code, const QString& parent = {})
{
    QJsonObject item { { "code", code }, { "name", "機關" + code }, { "address", "臺北市某路1號" },
        { "phone", "02-23456789" }, { "emailDomain", "test.gov.tw" } };
    if (!parent.isEmpty())
        item.insert("parent", parent);
    return item;
}

/// A fresh in-memory database with `agencies` seeded; the seed's error text, or empty.
class Register {
public:
    explicit Register(const QJsonArray& agencies)
    {
        REQUIRE(dir_.isValid());
        context_.db.open(server::storage::parseDatabaseTarget(QStringLiteral(":memory:")),
            QUuid::createUuid().toString(QUuid::WithoutBraces));
        server::storage::migrate(context_.db);
        QFile file(dir_.filePath("seed.json"));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject { { "agencies", agencies } }).toJson());
        file.close();
        try {
            server::seed::loadSeed(context_, file.fileName());
        } catch (const server::seed::SeedError& error) {
            error_ = QString::fromUtf8(error.what());
        }
    }
    ~Register() { context_.db.close(); }
    const QString& error() const { return error_; }
    QStringList scope(const QString& code) const
    {
        return server::agencies::agencyScope(context_.db, code);
    }

private:
    QTemporaryDir dir_;
    server::ServiceContext context_;
    QString error_;
};

} // namespace

TEST_CASE("seed agencies: units in any order; the scope goes down level by level",
    "[server][seed][units]")
{
    // A unit listed before its parent, a unit of a unit, an unrelated agency.
    const Register reg(
        QJsonArray { agency("A29020000G", "A29000000G"), agency("A29010100G", "A29010000G"),
            agency("A29000000G"), agency("A29010000G", "A29000000G"), agency("A12000000X") });
    REQUIRE(reg.error().isEmpty());
    CHECK(reg.scope("A29000000G")
        == QStringList { "A29000000G", "A29010000G", "A29020000G", "A29010100G" });
    CHECK(reg.scope("A29010000G") == QStringList { "A29010000G", "A29010100G" });
    CHECK(reg.scope("A29020000G") == QStringList { "A29020000G" });
    CHECK(reg.scope("A12000000X") == QStringList { "A12000000X" });
}

TEST_CASE("seed agencies: an unknown parent or a loop is refused", "[server][seed][units]")
{
    CHECK(Register(QJsonArray { agency("A29010000G", "A99999999Z") }).error()
        == "agencies[0]: unknown parent A99999999Z");
    CHECK(Register(QJsonArray { agency("A1", "A2"), agency("A2", "A1") })
              .error()
              .contains("is its own parent's unit"));
    CHECK(Register(QJsonArray { agency("A1", "A1") }).error().contains("is its own parent's unit"));
}
