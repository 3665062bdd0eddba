#include "server/applications/resume_filter.hpp"

#include <QDate>
#include <QJsonArray>
#include <QJsonValue>
#include <optional>

namespace server::applications {

using core::domain::ResumeAccess;
using core::domain::ResumeItem;

namespace {

const QString basicSection = QStringLiteral("basic");
const QString studySection = QStringLiteral("study");
const QString rewardsSection = QStringLiteral("rewardsPunishments");
const QString appraisalSection = QStringLiteral("appraisal");
const QString militarySection = QStringLiteral("militaryService");

QString sectionOf(ResumeItem item)
{
    switch (item) {
    case ResumeItem::All:
        return {};
    case ResumeItem::Exam:
        return QStringLiteral("exam");
    case ResumeItem::Appraisal:
        return appraisalSection;
    case ResumeItem::RewardsPunishments:
        return rewardsSection;
    case ResumeItem::LanguageSkills:
        return QStringLiteral("languageSkills");
    case ResumeItem::Screening:
        return QStringLiteral("screening");
    case ResumeItem::MilitaryService:
        return militarySection;
    case ResumeItem::Study:
        return studySection;
    }
    return {};
}

bool isObjectSection(const QString& section)
{
    return section == basicSection || section == militarySection;
}

QDate dateOf(const QJsonObject& entry, const QString& key)
{
    return QDate::fromString(entry.value(key).toString(), Qt::ISODate);
}

/// [from, to] against an inclusive range whose unset bounds are open.
bool overlaps(const QDate& from, const QDate& to, const QDate& rangeFrom, const QDate& rangeTo)
{
    if (rangeFrom.isValid() && to < rangeFrom)
        return false;
    if (rangeTo.isValid() && from > rangeTo)
        return false;
    return true;
}

template <typename Keep> QJsonArray keepEntries(const QJsonArray& entries, Keep keep)
{
    QJsonArray kept;
    for (const QJsonValue& entry : entries)
        if (keep(entry.toObject()))
            kept.append(entry);
    return kept;
}

QJsonArray studyEntries(const QJsonArray& entries, const ResumeAccess& access)
{
    if (!access.trainingFrom.isValid() && !access.trainingTo.isValid())
        return entries;
    return keepEntries(entries, [&access](const QJsonObject& entry) {
        const QDate from = dateOf(entry, QStringLiteral("from"));
        QDate to = dateOf(entry, QStringLiteral("to"));
        if (!to.isValid())
            to = from;
        return from.isValid() && to >= from
            && overlaps(from, to, access.trainingFrom, access.trainingTo);
    });
}

QJsonArray rewardEntries(const QJsonArray& entries, const ResumeAccess& access)
{
    if (!access.rewardsFrom.isValid() && !access.rewardsTo.isValid())
        return entries;
    return keepEntries(entries, [&access](const QJsonObject& entry) {
        const QDate date = dateOf(entry, QStringLiteral("date"));
        return date.isValid() && overlaps(date, date, access.rewardsFrom, access.rewardsTo);
    });
}

QJsonArray appraisalEntries(const QJsonArray& entries, const ResumeAccess& access)
{
    if (!access.appraisalFromYear && !access.appraisalToYear)
        return entries;
    return keepEntries(entries, [&access](const QJsonObject& entry) {
        const QJsonValue year = entry.value(QStringLiteral("year"));
        if (!year.isDouble())
            return false;
        const int value = year.toInt();
        return (!access.appraisalFromYear || value >= *access.appraisalFromYear)
            && (!access.appraisalToYear || value <= *access.appraisalToYear);
    });
}

/// Drops every "idNumber" member at any depth: a full ID number never leaves the server.
QJsonValue withoutIdNumbers(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            if (it.key().compare(QLatin1String("idNumber"), Qt::CaseInsensitive) != 0)
                object.insert(it.key(), withoutIdNumbers(it.value()));
        return object;
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(withoutIdNumbers(item));
        return array;
    }
    return value;
}

} // namespace

const QStringList& resumeSections()
{
    static const QStringList sections { basicSection, QStringLiteral("exam"), appraisalSection,
        rewardsSection, QStringLiteral("languageSkills"), QStringLiteral("screening"),
        militarySection, studySection };
    return sections;
}

QStringList allowedSections(const ResumeAccess& access)
{
    if (!access.enabled)
        return {};
    if (access.items.contains(ResumeItem::All))
        return resumeSections();
    QStringList sections;
    for (const QString& section : resumeSections())
        for (const ResumeItem item : access.items)
            if (sectionOf(item) == section && !sections.contains(section))
                sections.append(section);
    return sections;
}

QString resumeProblem(const QJsonObject& resume)
{
    for (auto it = resume.begin(); it != resume.end(); ++it) {
        if (!resumeSections().contains(it.key()))
            return QStringLiteral("unknown résumé section \"%1\"").arg(it.key());
        if (isObjectSection(it.key()) ? !it.value().isObject() : !it.value().isArray())
            return QStringLiteral("résumé section \"%1\" must be %2")
                .arg(it.key(), isObjectSection(it.key()) ? "an object" : "an array");
        if (!isObjectSection(it.key()))
            for (const QJsonValue& entry : it.value().toArray())
                if (!entry.isObject())
                    return QStringLiteral("résumé section \"%1\" must hold objects").arg(it.key());
    }
    return {};
}

QJsonObject filterResume(const QJsonObject& resume, const ResumeAccess& access)
{
    QJsonObject answer;
    for (const QString& section : allowedSections(access)) {
        if (!resume.contains(section))
            continue;
        const QJsonValue value = resume.value(section);
        if (section == studySection)
            answer.insert(section, withoutIdNumbers(studyEntries(value.toArray(), access)));
        else if (section == rewardsSection)
            answer.insert(section, withoutIdNumbers(rewardEntries(value.toArray(), access)));
        else if (section == appraisalSection)
            answer.insert(section, withoutIdNumbers(appraisalEntries(value.toArray(), access)));
        else
            answer.insert(section, withoutIdNumbers(value));
    }
    if (answer.contains(basicSection)) {
        QJsonObject basic = answer.value(basicSection).toObject();
        const QString masked = maskIdNumber(
            resume.value(basicSection).toObject().value(QStringLiteral("idNumber")).toString());
        if (!masked.isEmpty())
            basic.insert(QStringLiteral("idNumberMasked"), masked);
        answer.insert(basicSection, basic);
    }
    return answer;
}

QString maskIdNumber(const QString& idNumber)
{
    if (idNumber.size() < 6)
        return {};
    return idNumber.left(1) + QString(idNumber.size() - 5, u'*') + idNumber.right(4);
}

} // namespace server::applications
