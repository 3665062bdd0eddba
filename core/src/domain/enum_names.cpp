#include "enum_names.hpp"

#include <utility>

namespace core::domain::detail {

namespace {

template <typename Enum, std::size_t N>
QString nameOf(const std::pair<Enum, const char*> (&table)[N], Enum value)
{
    for (const auto& [e, name] : table)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::pair<Enum, const char*> (&table)[N], const QString& name)
{
    for (const auto& [e, text] : table)
        if (name == QLatin1String(text))
            return e;
    return std::nullopt;
}

const std::pair<RankClass, const char*> rankClasses[] = {
    { RankClass::Junior, "junior" },
    { RankClass::Intermediate, "intermediate" },
    { RankClass::Senior, "senior" },
    { RankClass::Other, "other" },
};

const std::pair<Gender, const char*> genders[] = {
    { Gender::Any, "any" },
    { Gender::Male, "male" },
    { Gender::Female, "female" },
};

const std::pair<VacancyClass, const char*> vacancyClasses[] = {
    { VacancyClass::CivilService, "civilService" },
    { VacancyClass::NonCivilService, "nonCivilService" },
    { VacancyClass::NoResumeAccess, "noResumeAccess" },
};

const std::pair<ResumeItem, const char*> resumeItems[] = {
    { ResumeItem::All, "all" },
    { ResumeItem::Exam, "exam" },
    { ResumeItem::Appraisal, "appraisal" },
    { ResumeItem::RewardsPunishments, "rewardsPunishments" },
    { ResumeItem::LanguageSkills, "languageSkills" },
    { ResumeItem::Screening, "screening" },
    { ResumeItem::MilitaryService, "militaryService" },
    { ResumeItem::Study, "study" },
};

const std::pair<VacancyStatus, const char*> statuses[] = {
    { VacancyStatus::Scheduled, "scheduled" },
    { VacancyStatus::Published, "published" },
    { VacancyStatus::Ended, "ended" },
    { VacancyStatus::Withdrawn, "withdrawn" },
    { VacancyStatus::Rejected, "rejected" },
};

} // namespace

QString rankClassName(RankClass value)
{
    return nameOf(rankClasses, value);
}
std::optional<RankClass> rankClassFromName(const QString& name)
{
    return valueOf(rankClasses, name);
}
QString genderName(Gender value)
{
    return nameOf(genders, value);
}
std::optional<Gender> genderFromName(const QString& name)
{
    return valueOf(genders, name);
}
QString vacancyClassName(VacancyClass value)
{
    return nameOf(vacancyClasses, value);
}
std::optional<VacancyClass> vacancyClassFromName(const QString& name)
{
    return valueOf(vacancyClasses, name);
}
QString resumeItemName(ResumeItem value)
{
    return nameOf(resumeItems, value);
}
std::optional<ResumeItem> resumeItemFromName(const QString& name)
{
    return valueOf(resumeItems, name);
}
QString statusName(VacancyStatus value)
{
    return nameOf(statuses, value);
}
std::optional<VacancyStatus> statusFromName(const QString& name)
{
    return valueOf(statuses, name);
}

} // namespace core::domain::detail

namespace core::domain {

namespace {

// The feed's and the code lists' own names of the 官等, compared and written as data.
const std::pair<RankClass, const char*> rankDataNames[] = {
    { RankClass::Junior, "委任" }, // i18n-ok: data (feed, code lists)
    { RankClass::Intermediate, "薦任" }, // i18n-ok: data (feed, code lists)
    { RankClass::Senior, "簡任" }, // i18n-ok: data (feed, code lists)
    { RankClass::Other, "其他" }, // i18n-ok: data (feed, code lists)
};

} // namespace

QString rankDataName(RankClass rank)
{
    for (const auto& [value, name] : rankDataNames)
        if (value == rank)
            return QString::fromUtf8(name);
    return QString::fromUtf8(rankDataNames[3].second);
}

std::optional<RankClass> rankFromDataName(const QString& name)
{
    for (const auto& [value, text] : rankDataNames)
        if (value != RankClass::Other && name == QString::fromUtf8(text))
            return value;
    return std::nullopt;
}

} // namespace core::domain
