#include "core/domain/vacancy_json.hpp"

#include "enum_names.hpp"
#include "json_fields.hpp"

#include <QJsonArray>

namespace core::domain {

using detail::JsonFields;
using Kind = DomainJsonError::Kind;

namespace {

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

void putDate(QJsonObject& object, const char* key, const QDate& date)
{
    if (date.isValid())
        object.insert(QLatin1String(key), isoDate(date));
}

QJsonArray stringArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject resumeAccessJson(const ResumeAccess& r)
{
    QJsonObject o;
    o.insert(QLatin1String("enabled"), r.enabled);
    putDate(o, "trainingFrom", r.trainingFrom);
    putDate(o, "trainingTo", r.trainingTo);
    putDate(o, "rewardsFrom", r.rewardsFrom);
    putDate(o, "rewardsTo", r.rewardsTo);
    if (r.appraisalFromYear)
        o.insert(QLatin1String("appraisalFromYear"), *r.appraisalFromYear);
    if (r.appraisalToYear)
        o.insert(QLatin1String("appraisalToYear"), *r.appraisalToYear);
    QJsonArray items;
    for (const ResumeItem item : r.items)
        items.append(detail::resumeItemName(item));
    o.insert(QLatin1String("items"), items);
    return o;
}

/// Reads one enum-valued string; `parse` maps the wire name back.
template <typename Parse>
auto enumField(JsonFields& fields, const char* key, Parse parse, const QString& field)
    -> decltype(parse(QString()))
{
    const QString name = fields.string(key);
    if (!fields.has(key))
        return std::nullopt;
    const auto value = parse(name);
    if (!value)
        fields.fail(Kind::BadValue, field, "not one of the allowed values");
    return value;
}

template <typename Parse> auto enumList(JsonFields& fields, const char* key, Parse parse)
{
    const QStringList names = fields.strings(key);
    QList<typename decltype(parse(QString()))::value_type> result;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const auto value = parse(names.at(i));
        if (!value)
            fields.fail(Kind::BadValue, fields.path(key) + QStringLiteral("[%1]").arg(i),
                "not one of the allowed values");
        result.append(*value);
    }
    return result;
}

QList<GradeRange> gradeRangesFrom(JsonFields& fields)
{
    const QJsonArray items = fields.array("gradeRanges");
    QList<GradeRange> result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = fields.path("gradeRanges") + QStringLiteral("[%1]").arg(i);
        if (!items.at(i).isObject())
            fields.fail(Kind::WrongType, path, "expected an object");
        JsonFields range(items.at(i).toObject(), path);
        GradeRange g;
        if (const auto rank
            = enumField(range, "rank", detail::rankClassFromName, range.path("rank")))
            g.rank = *rank;
        g.from = range.integer("from").value_or(g.from);
        g.to = range.integer("to").value_or(g.to);
        range.finish();
        result.append(g);
    }
    return result;
}

ResumeAccess resumeAccessFrom(const QJsonObject& object, const QString& path)
{
    JsonFields fields(object, path);
    ResumeAccess r;
    r.enabled = fields.boolean("enabled", false);
    r.trainingFrom = fields.date("trainingFrom");
    r.trainingTo = fields.date("trainingTo");
    r.rewardsFrom = fields.date("rewardsFrom");
    r.rewardsTo = fields.date("rewardsTo");
    r.appraisalFromYear = fields.integer("appraisalFromYear");
    r.appraisalToYear = fields.integer("appraisalToYear");
    r.items = enumList(fields, "items", detail::resumeItemFromName);
    fields.finish();
    return r;
}

} // namespace

QJsonObject toJson(const Vacancy& v)
{
    QJsonObject o;
    const auto put
        = [&o](const char* key, const QJsonValue& value) { o.insert(QLatin1String(key), value); };
    put("agencyCode", v.agencyCode);
    put("agencyName", v.agencyName);
    put("agencyAddress", v.agencyAddress);
    put("fillerName", v.fillerName);
    put("fillerPhone", v.fillerPhone);
    put("fillerExtension", v.fillerExtension);
    put("fillerEmail", v.fillerEmail);
    put("personKind", v.personKind);
    QJsonArray rankClasses;
    for (const RankClass rank : v.rankClasses)
        rankClasses.append(detail::rankClassName(rank));
    put("rankClasses", rankClasses);
    QJsonArray ranges;
    for (const GradeRange& g : v.gradeRanges)
        ranges.append(QJsonObject { { QStringLiteral("rank"), detail::rankClassName(g.rank) },
            { QStringLiteral("from"), g.from }, { QStringLiteral("to"), g.to } });
    put("gradeRanges", ranges);
    put("gradeText", v.gradeText);
    put("title", v.title);
    put("seriesCodes", stringArray(v.seriesCodes));
    put("openings", v.openings);
    put("reserveOpenings", v.reserveOpenings);
    put("gender", detail::genderName(v.gender));
    put("genderReason", v.genderReason);
    put("workplaceCodes", stringArray(v.workplaceCodes));
    putDate(o, "validFrom", v.validFrom);
    putDate(o, "validTo", v.validTo);
    put("qualifications", v.qualifications);
    put("duties", v.duties);
    put("workAddress", v.workAddress);
    put("contactMethod", v.contactMethod);
    put("contactEmail", v.contactEmail);
    put("welcomesDisabled", v.welcomesDisabled);
    put("welcomesIndigenous", v.welcomesIndigenous);
    put("indigenousArea", v.indigenousArea);
    put("trainingProgramme", v.trainingProgramme);
    put("transfer", v.transfer);
    put("vacancyClass", detail::vacancyClassName(v.vacancyClass));
    put("announcementUrl", v.announcementUrl);
    put("resumeAccess", resumeAccessJson(v.resumeAccess));
    put("vacancyId", v.vacancyId);
    if (v.status)
        put("status", detail::statusName(*v.status));
    putDate(o, "createdOn", v.createdOn);
    putDate(o, "updatedOn", v.updatedOn);
    putDate(o, "publishedOn", v.publishedOn);
    return o;
}

Vacancy vacancyFromJson(const QJsonObject& object)
{
    JsonFields f(object, QString());
    Vacancy v;
    v.agencyCode = f.string("agencyCode");
    v.agencyName = f.string("agencyName");
    v.agencyAddress = f.string("agencyAddress");
    v.fillerName = f.string("fillerName");
    v.fillerPhone = f.string("fillerPhone");
    v.fillerExtension = f.string("fillerExtension");
    v.fillerEmail = f.string("fillerEmail");
    v.personKind = f.string("personKind");
    v.rankClasses = enumList(f, "rankClasses", detail::rankClassFromName);
    v.gradeRanges = gradeRangesFrom(f);
    v.gradeText = f.string("gradeText");
    v.title = f.string("title");
    v.seriesCodes = f.strings("seriesCodes");
    v.openings = f.integer("openings").value_or(v.openings);
    v.reserveOpenings = f.integer("reserveOpenings").value_or(v.reserveOpenings);
    if (const auto gender = enumField(f, "gender", detail::genderFromName, f.path("gender")))
        v.gender = *gender;
    v.genderReason = f.string("genderReason");
    v.workplaceCodes = f.strings("workplaceCodes");
    v.validFrom = f.date("validFrom");
    v.validTo = f.date("validTo");
    v.qualifications = f.string("qualifications");
    v.duties = f.string("duties");
    v.workAddress = f.string("workAddress");
    v.contactMethod = f.string("contactMethod");
    v.contactEmail = f.string("contactEmail");
    v.welcomesDisabled = f.boolean("welcomesDisabled", v.welcomesDisabled);
    v.welcomesIndigenous = f.boolean("welcomesIndigenous", v.welcomesIndigenous);
    v.indigenousArea = f.boolean("indigenousArea", v.indigenousArea);
    v.trainingProgramme = f.boolean("trainingProgramme", v.trainingProgramme);
    v.transfer = f.boolean("transfer", v.transfer);
    if (const auto vc
        = enumField(f, "vacancyClass", detail::vacancyClassFromName, f.path("vacancyClass")))
        v.vacancyClass = *vc;
    v.announcementUrl = f.string("announcementUrl");
    if (const auto resume = f.object("resumeAccess"))
        v.resumeAccess = resumeAccessFrom(*resume, f.path("resumeAccess"));
    v.vacancyId = f.string("vacancyId");
    v.status = enumField(f, "status", detail::statusFromName, f.path("status"));
    v.createdOn = f.date("createdOn");
    v.updatedOn = f.date("updatedOn");
    v.publishedOn = f.date("publishedOn");
    f.finish();
    return v;
}

} // namespace core::domain
