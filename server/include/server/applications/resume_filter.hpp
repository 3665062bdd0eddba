#pragma once

#include "core/domain/vacancy.hpp"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace server::applications {

// The résumé an applicant keeps with the service (the `applicants.resume` column, filled from the
// seed's "applicants"), one member per section. Every section is optional; dates are ISO
// yyyy-MM-dd and years Gregorian, like core::domain::ResumeAccess (ROC only on screen):
//
// {
//   "basic": {                        // 個人全部資料 only (ResumeItem::All)
//     "idNumber": "A1xxxxxxxx",       // stored, never answered: the answer has idNumberMasked
//     "gender": "男", "birthDate": "1990-04-01", "email": "...", "phone": "...",
//     "education": [{ "school", "department", "degree", "from", "to" }],
//     "currentPost": { "agency", "title", "grade" }
//   },
//   "exam": [{ "name", "category", "year", "kind" }],                 // 考試/晉升訓練/專技資格
//   "appraisal": [{ "year": 2023, "grade": "甲", "agency" }],         // 考績(成); 考績年度區間 by
//   year "rewardsPunishments": [{ "date", "kind": "嘉獎", "count", "reason" }], // 獎懲日期區間 by
//   date "languageSkills": [{ "kind": "language" | "specialty", "name", "level", "certificate" }],
//   "screening": [{ "name", "kind": "檢覈" | "甄審", "date", "result" }],
//   "militaryService": { "military": "役畢", "teacherQualification": "無",
//                        "disability": false, "indigenous": false },
//   "study": [{ "kind": "訓練" | "進修", "course", "institution", "from", "to", "hours" }]
//                                                                     // 訓練日期區間 by period
// }
//
// The section names are core's wire names for ResumeItem (vacancy_json), plus "basic" for the
// personal data that only 個人全部資料 opens.

/// Every section name, in the order answers list them.
const QStringList& resumeSections();

/// The sections `access` opens: all of them for ResumeItem::All, else one per checked item
/// (never "basic"). Empty when 調閱 is off.
QStringList allowedSections(const core::domain::ResumeAccess& access);

/// Why `resume` is not in the shape above (an unknown section, a section of the wrong JSON
/// type); empty when it is fine. The seed loader refuses such an applicant.
QString resumeProblem(const QJsonObject& resume);

/// The part of `resume` the vacancy's settings allow:
/// - only the sections of allowedSections();
/// - `study` entries whose period [from, to] (a missing end = the start) overlaps 訓練日期區間,
///   `rewardsPunishments` entries whose date lies in 獎懲日期區間, `appraisal` entries whose year
///   lies in 考績年度區間; an unset bound is open, and an entry without a readable date or year
///   is left out once its range has any bound;
/// - no full ID number anywhere: every "idNumber" member is dropped, and `basic` carries
///   `idNumberMasked` (A*****6789) instead.
QJsonObject filterResume(const QJsonObject& resume, const core::domain::ResumeAccess& access);

/// "A*****6789": the first letter and the last four digits. Empty for a short value.
QString maskIdNumber(const QString& idNumber);

} // namespace server::applications
