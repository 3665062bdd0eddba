#include "core/domain/code_lists.hpp"

#include "core/domain/domain_json_error.hpp"
#include "json_fields.hpp"

#include <QFile>
#include <QJsonDocument>
#include <QtGlobal>

namespace core::domain {

using detail::JsonFields;
using Kind = DomainJsonError::Kind;

namespace {

/// An item is either a bare name (人員區分, whose feed values have no codes) or an object
/// {code, name, retired?, replacedBy?}. Unknown keys inside a list are tolerated: the server may
/// add metadata (validity dates …) before this client learns it, and the lists stay usable.
QList<Code> codesFrom(const QJsonObject& list, const QString& path)
{
    const QJsonValue itemsValue = list.value(QLatin1String("items"));
    if (!itemsValue.isArray())
        throw DomainJsonError(Kind::MissingField, path + QStringLiteral(".items"),
            QStringLiteral("expected an array"));
    const QJsonArray items = itemsValue.toArray();
    QList<Code> result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = path + QStringLiteral(".items[%1]").arg(i);
        const QJsonValue item = items.at(i);
        Code code;
        if (item.isString()) {
            code.code = code.name = item.toString();
        } else if (item.isObject()) {
            const QJsonObject o = item.toObject();
            const QJsonValue name = o.value(QLatin1String("name"));
            const QJsonValue codeValue = o.value(QLatin1String("code"));
            const QJsonValue retired = o.value(QLatin1String("retired"));
            const QJsonValue replacedBy = o.value(QLatin1String("replacedBy"));
            if (!name.isString())
                throw DomainJsonError(Kind::WrongType, itemPath + QStringLiteral(".name"),
                    QStringLiteral("expected a string"));
            if (!codeValue.isUndefined() && !codeValue.isString())
                throw DomainJsonError(Kind::WrongType, itemPath + QStringLiteral(".code"),
                    QStringLiteral("expected a string"));
            if (!retired.isUndefined() && !retired.isBool())
                throw DomainJsonError(Kind::WrongType, itemPath + QStringLiteral(".retired"),
                    QStringLiteral("expected true or false"));
            if (!replacedBy.isUndefined() && !replacedBy.isString())
                throw DomainJsonError(Kind::WrongType, itemPath + QStringLiteral(".replacedBy"),
                    QStringLiteral("expected a string"));
            code.name = name.toString();
            code.code = codeValue.isString() ? codeValue.toString() : code.name;
            code.retired = retired.toBool(false);
            code.replacedBy = replacedBy.toString();
        } else {
            throw DomainJsonError(
                Kind::WrongType, itemPath, QStringLiteral("expected a string or an object"));
        }
        if (code.code.isEmpty())
            throw DomainJsonError(Kind::BadValue, itemPath, QStringLiteral("empty code"));
        result.append(code);
    }
    return result;
}

QStringList stringsFrom(const QJsonObject& list, const char* key, const QString& path)
{
    JsonFields fields(list, path);
    return fields.strings(key);
}

QList<GradeBand> bandsFrom(const QJsonObject& grades, const QString& path)
{
    const QJsonValue ranks = grades.value(QLatin1String("ranks"));
    if (!ranks.isArray())
        throw DomainJsonError(Kind::MissingField, path + QStringLiteral(".ranks"),
            QStringLiteral("expected an array"));
    QList<GradeBand> result;
    const QJsonArray array = ranks.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = path + QStringLiteral(".ranks[%1]").arg(i);
        const QJsonObject o = array.at(i).toObject();
        const auto rank = rankFromDataName(o.value(QLatin1String("rank")).toString());
        const auto from = detail::wholeNumber(o.value(QLatin1String("from")));
        const auto to = detail::wholeNumber(o.value(QLatin1String("to")));
        if (!rank || !from || !to || *from > *to)
            throw DomainJsonError(Kind::BadValue, itemPath,
                // i18n-ok: a developer's message about the code list file's shape
                QStringLiteral("expected {rank: 委任|薦任|簡任, from, to}"));
        result.append(GradeBand { *rank, *from, *to });
    }
    return result;
}

QList<Agency> agenciesFrom(const QJsonObject& list)
{
    const QJsonValue items = list.value(QLatin1String("items"));
    if (!items.isArray())
        throw DomainJsonError(Kind::MissingField, QStringLiteral("agencies.items"),
            QStringLiteral("expected an array"));
    QList<Agency> result;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("agencies.items[%1]").arg(i);
        if (!array.at(i).isObject())
            throw DomainJsonError(Kind::WrongType, itemPath, QStringLiteral("expected an object"));
        const QJsonObject o = array.at(i).toObject();
        const auto text = [&](const char* key, bool required) {
            const QJsonValue value = o.value(QLatin1String(key));
            if (value.isUndefined() && !required)
                return QString();
            if (!value.isString())
                throw DomainJsonError(Kind::WrongType, itemPath + u'.' + QLatin1String(key),
                    QStringLiteral("expected a string"));
            return value.toString();
        };
        const Agency agency { text("code", true), text("name", true), text("address", false),
            text("parent", false) };
        if (agency.code.isEmpty())
            throw DomainJsonError(Kind::BadValue, itemPath, QStringLiteral("empty code"));
        result.append(agency);
    }
    return result;
}

QJsonObject objectAt(const QJsonObject& bundle, const char* key)
{
    const QJsonValue value = bundle.value(QLatin1String(key));
    if (!value.isObject())
        throw DomainJsonError(
            Kind::MissingField, QString::fromLatin1(key), QStringLiteral("expected an object"));
    return value.toObject();
}

QJsonObject resourceJson(const QString& name)
{
    QFile file(QStringLiteral(":/codes/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("built-in code list %s is missing from the resources", qPrintable(name));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        qFatal("built-in code list %s is not a JSON object", qPrintable(name));
    return document.object();
}

CodeLists loadBuiltin()
{
    // The shipped files are assembled into the same bundle the server sends, so both go through
    // one parser and a shipped list can never be read differently from a downloaded one.
    const QJsonObject bundle {
        { QStringLiteral("personKinds"), resourceJson(QStringLiteral("person-kinds.json")) },
        { QStringLiteral("series"), resourceJson(QStringLiteral("series.json")) },
        { QStringLiteral("workplaces"), resourceJson(QStringLiteral("workplaces.json")) },
        { QStringLiteral("grades"), resourceJson(QStringLiteral("grades.json")) },
        { QStringLiteral("titles"), resourceJson(QStringLiteral("common-titles.json")) },
    };
    try {
        return CodeLists::fromJson(bundle, QString());
    } catch (const DomainJsonError& error) {
        qFatal("built-in code lists do not parse: %s", error.what());
    }
}

} // namespace

const CodeLists& CodeLists::builtin()
{
    static const CodeLists lists = loadBuiltin();
    return lists;
}

CodeLists CodeLists::fromJson(const QJsonObject& bundle, const QString& etag)
{
    CodeLists lists;
    lists.etag_ = etag;
    lists.personKinds_ = codesFrom(objectAt(bundle, "personKinds"), QStringLiteral("personKinds"));
    lists.series_ = codesFrom(objectAt(bundle, "series"), QStringLiteral("series"));
    lists.workplaces_ = codesFrom(objectAt(bundle, "workplaces"), QStringLiteral("workplaces"));
    const QJsonObject grades = objectAt(bundle, "grades");
    lists.bands_ = bandsFrom(grades, QStringLiteral("grades"));
    if (grades.contains(QLatin1String("commonRanges")))
        lists.commonRanges_ = stringsFrom(grades, "commonRanges", QStringLiteral("grades"));
    lists.commonTitles_
        = stringsFrom(objectAt(bundle, "titles"), "items", QStringLiteral("titles"));
    // Older servers send no register: the form then offers the login's own agency alone.
    if (bundle.contains(QLatin1String("agencies")))
        lists.agencies_ = agenciesFrom(objectAt(bundle, "agencies"));
    return lists;
}

QList<Agency> CodeLists::unitsOf(const QString& code) const
{
    QList<Agency> units;
    QStringList seen { code };
    QStringList level { code };
    // Level by level; `seen` ends a loop a broken register might hold.
    while (!level.isEmpty()) {
        QStringList next;
        for (const Agency& agency : agencies_)
            if (level.contains(agency.parent) && !seen.contains(agency.code)) {
                seen.append(agency.code);
                next.append(agency.code);
                units.append(agency);
            }
        level = next;
    }
    return units;
}

const QList<Code>& CodeLists::items(CodeListKind kind) const
{
    switch (kind) {
    case CodeListKind::PersonKind:
        return personKinds_;
    case CodeListKind::Series:
        return series_;
    case CodeListKind::Workplace:
        break;
    }
    return workplaces_;
}

std::optional<Code> CodeLists::find(CodeListKind kind, const QString& code) const
{
    for (const Code& c : items(kind))
        if (c.code == code)
            return c;
    return std::nullopt;
}

std::optional<Code> CodeLists::findByName(CodeListKind kind, const QString& name) const
{
    for (const Code& c : items(kind))
        if (c.name == name)
            return c;
    return std::nullopt;
}

bool CodeLists::isRetired(CodeListKind kind, const QString& code) const
{
    const auto found = find(kind, code);
    return found && found->retired;
}

std::optional<GradeBand> CodeLists::band(RankClass rank) const
{
    for (const GradeBand& b : bands_)
        if (b.rank == rank)
            return b;
    return std::nullopt;
}

} // namespace core::domain
