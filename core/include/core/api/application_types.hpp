#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace core::api {

/// A résumé section a vacancy's 調閱項目 may open (`ResumeSection` of the contract), in the
/// contract's order.
enum class ResumeSection {
    Basic, ///< 個人全部資料 (only with `all`)
    Exam, ///< 考試或晉升訓練/專技資格
    Appraisal, ///< 考績(成)
    RewardsPunishments, ///< 獎懲
    LanguageSkills, ///< 專長及語言能力
    Screening, ///< 檢覈/甄審
    MilitaryService, ///< 兵役/教師資格/身心障礙註記/原住民註記
    Study, ///< 訓練及進修
};

/// `"rewardsPunishments"` → RewardsPunishments; nothing for a code not in the contract.
std::optional<ResumeSection> resumeSectionFromCode(const QString& code);
QString codeOf(ResumeSection section);

/// One applicant of `GET /vacancies/{id}/applications`.
struct Application {
    QString id; ///< the applicant's id (not an ID number)
    QString name;
    QDate appliedOn;
    /// Section code → its JSON (an object or an array), only the sections the vacancy opens and
    /// the applicant has. A full ID number never comes (basic.idNumberMasked instead).
    QJsonObject resume;
};

/// One page of 調閱履歷: the applicants in order of application.
struct ApplicationList {
    QString vacancyId;
    QJsonObject resumeAccess; ///< the vacancy's 調閱履歷 settings (`ResumeAccess`)
    QList<ResumeSection> sections; ///< the sections this vacancy opens
    QList<Application> items;
    int page = 1;
    int pageSize = 20;
    int total = 0;
};

} // namespace core::api
