#pragma once

#include "core/domain/vacancy.hpp"

#include <QString>

namespace core::domain {

// What kind of post a vacancy is decides which rules apply to it. Each rule that depends on the
// kind asks exactly one of these classifiers, and the form asks the same ones for its 「*」, so
// the marks and the messages cannot drift apart. docs/vacancy-rules.md names each one's source.

/// A 人員區分 that is never filled by 任用 (公務人員任用法 or a 人事條例 with 官等 and 職等):
/// 約僱人員, 聘用人員, 工友, 技工, 駕駛, 駐衛警, 教育人員, the teachers, 其他人員 ….
bool isOutsideAppointment(const QString& personKind);

/// A 人員區分 whose posts have no 職系 to choose (警察人員 hold 官階, not a 職系).
bool hasNoSeries(const QString& personKind);

/// A 任用 post: 職缺類別 須具公務人員任用資格 and a 人員區分 that may be filled so. Everything
/// else (約僱, 約聘, 聘用, 工友, 教育人員, 研究人員, 其他人員 …) is not.
bool isAppointmentPost(const Vacancy& vacancy);

/// The 官職等 is on the 委任/薦任/簡任 scheme: ranges are picked, or nothing is written outside
/// it. A grade given only as text (委派第五職等, 師(三)級, 警正二階, 關務員1階, 國營事業職等) is
/// not.
bool gradeOnRankScheme(const Vacancy& vacancy);

/// 官職等 is required: 任用 posts only, where the ranges are how the post is filled. The ranges
/// or the free text both satisfy it.
bool gradeRequired(const Vacancy& vacancy);

/// 職系 is required: 任用 posts on the 委任/薦任/簡任 scheme whose 人員區分 has 職系.
bool seriesRequired(const Vacancy& vacancy);

/// 候補名額 is capped at twice 名額: 任用 posts only (公務人員陞遷法施行細則 §3).
bool reserveCapApplies(const Vacancy& vacancy);

} // namespace core::domain
