#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QString>

/// How the parts of a vacancy read on screen and on the public page, shared by the form and
/// the preview. Translated (context "ui::VacancyText"); the data (names from the code lists,
/// the clerk's own text) is shown as it is.
namespace ui::vacancytext {

/// 委任, 薦任, 簡任, 其他
QString rankName(core::domain::RankClass rank);
/// 薦任第6職等至薦任第7職等; 委任第5職等 for a single grade.
QString gradeRange(const core::domain::GradeRange& range);
/// The ranges joined by 或, the wording of the feed: 委任第5職等或薦任第6職等至薦任第7職等.
QString gradeRanges(const QList<core::domain::GradeRange>& ranges);
/// The ranges, or the free text when there are none; both when both are given.
QString grade(const core::domain::Vacancy& vacancy);
/// 男, 女, 不拘
QString gender(core::domain::Gender gender);
/// 須具公務人員任用資格職缺 …
QString vacancyClass(core::domain::VacancyClass value);
/// 個人全部資料 …
QString resumeItem(core::domain::ResumeItem item);
/// 10-臺北市、33-桃園市 (unknown codes as they are).
QString workplaces(const QStringList& codes, const core::domain::CodeLists& lists);
/// 綜合行政、資訊處理 (unknown codes as they are).
QString series(const QStringList& codes, const core::domain::CodeLists& lists);

} // namespace ui::vacancytext
