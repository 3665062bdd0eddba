#include "application_answers.hpp"

#include "json_shapes.hpp"

#include <QJsonArray>
#include <iterator>

namespace core::api::detail {

namespace {

const char* const sectionCodes[] = { "basic", "exam", "appraisal", "rewardsPunishments",
    "languageSkills", "screening", "militaryService", "study" };

/// True when `value` holds a member named idNumber at any depth.
bool holdsIdNumber(const QJsonValue& value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() == QLatin1String("idNumber") || holdsIdNumber(it.value()))
                return true;
    } else if (value.isArray()) {
        for (const QJsonValue& entry : value.toArray())
            if (holdsIdNumber(entry))
                return true;
    }
    return false;
}

Application applicationFrom(const QJsonObject& item, const QList<ResumeSection>& sections)
{
    Application application;
    application.id = requiredText(item, QStringLiteral("id"));
    application.name = requiredString(item, QStringLiteral("name"));
    const QString applied = requiredText(item, QStringLiteral("appliedOn"));
    application.appliedOn = QDate::fromString(applied, Qt::ISODate);
    if (!application.appliedOn.isValid())
        throw ShapeError(QStringLiteral("`appliedOn` is not a date"));
    application.resume = requiredObject(item, QStringLiteral("resume"));
    for (auto it = application.resume.begin(); it != application.resume.end(); ++it) {
        const std::optional<ResumeSection> section = resumeSectionFromCode(it.key());
        if (!section || !sections.contains(*section))
            throw ShapeError(QStringLiteral("`resume.%1` is not an opened section").arg(it.key()));
        if (!it.value().isObject() && !it.value().isArray())
            throw ShapeError(QStringLiteral("`resume.%1` is not an object or array").arg(it.key()));
    }
    if (holdsIdNumber(application.resume))
        throw ShapeError(QStringLiteral("`resume` holds an idNumber"));
    return application;
}

} // namespace

ApplicationList applicationListFrom(const QJsonObject& body)
{
    ApplicationList list;
    list.vacancyId = requiredText(body, QStringLiteral("vacancyId"));
    list.resumeAccess = requiredObject(body, QStringLiteral("resumeAccess"));
    for (const QJsonValue& value : requiredArray(body, QStringLiteral("sections"))) {
        const std::optional<ResumeSection> section = resumeSectionFromCode(value.toString());
        if (!section)
            throw ShapeError(QStringLiteral("`sections` holds an unknown section"));
        list.sections.append(*section);
    }
    const QJsonArray items = requiredArray(body, QStringLiteral("items"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            throw ShapeError(QStringLiteral("`items[%1]` is not an object").arg(i));
        try {
            list.items.append(applicationFrom(items.at(i).toObject(), list.sections));
        } catch (const ShapeError& error) {
            throw ShapeError(
                QStringLiteral("items[%1]: %2").arg(i).arg(QString::fromStdString(error.what())));
        }
    }
    list.page = requiredInt(body, QStringLiteral("page"));
    list.pageSize = requiredInt(body, QStringLiteral("pageSize"));
    list.total = requiredInt(body, QStringLiteral("total"));
    if (list.page < 1 || list.pageSize < 1 || list.total < 0)
        throw ShapeError(QStringLiteral("paging out of range"));
    return list;
}

} // namespace core::api::detail

namespace core::api {

std::optional<ResumeSection> resumeSectionFromCode(const QString& code)
{
    for (size_t i = 0; i < std::size(detail::sectionCodes); ++i)
        if (code == QLatin1String(detail::sectionCodes[i]))
            return static_cast<ResumeSection>(i);
    return std::nullopt;
}

QString codeOf(ResumeSection section)
{
    return QLatin1String(detail::sectionCodes[static_cast<size_t>(section)]);
}

} // namespace core::api
