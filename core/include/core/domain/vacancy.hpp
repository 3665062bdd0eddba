#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace core::domain {

/// 官等: the three bands of 公務人員任用法 §5, plus 其他 for staff outside it (約僱, 聘用 …).
enum class RankClass { Junior /*委任*/, Intermediate /*薦任*/, Senior /*簡任*/, Other /*其他*/ };

/// The 官等 as the feed and the code lists write it (委任, 薦任, 簡任, 其他): data, not UI text.
QString rankDataName(RankClass rank);
/// The 官等 a feed or code-list name stands for; nothing for 其他 or a name it is not.
std::optional<RankClass> rankFromDataName(const QString& name);

/// One 官職等 range, e.g. 薦任第6職等至薦任第7職等. A post may offer several, joined by 或.
struct GradeRange {
    RankClass rank = RankClass::Junior;
    int from = 1;
    int to = 1;
    friend bool operator==(const GradeRange&, const GradeRange&) = default;
};

/// 性別. 不拘 is the default; anything else needs a written reason (性別平等工作法 §7).
enum class Gender { Any, Male, Female };

/// 職缺類別 as the public detail page names it.
enum class VacancyClass {
    CivilService, ///< 須具公務人員任用資格職缺
    NonCivilService, ///< 不具公務人員任用資格
    NoResumeAccess, ///< 不使用應徵者履歷調閱
};

/// 調閱項目: what an agency may read from an applicant's 履歷.
enum class ResumeItem {
    All, ///< 個人全部資料
    Exam, ///< 考試或晉升訓練/專門職業及技術人員資格
    Appraisal, ///< 考績(成)或成績考核
    RewardsPunishments, ///< 獎懲
    LanguageSkills, ///< 專長及語言能力
    Screening, ///< 檢覈/甄審
    MilitaryService, ///< 兵役/教師資格/身心障礙註記/原住民註記
    Study, ///< 訓練及進修
};

/// 調閱履歷 settings. Unset dates are invalid QDates; years are Gregorian (ROC only on screen).
struct ResumeAccess {
    bool enabled = false;
    QDate trainingFrom, trainingTo; ///< 訓練日期區間
    QDate rewardsFrom, rewardsTo; ///< 獎懲日期區間
    std::optional<int> appraisalFromYear, appraisalToYear; ///< 考績年度區間
    QList<ResumeItem> items;
    friend bool operator==(const ResumeAccess&, const ResumeAccess&) = default;
};

/// The server's view of a posting. A local draft has no status at all.
enum class VacancyStatus { Scheduled, Published, Ended, Withdrawn, Rejected };

/// One job vacancy as an agency enters it (機關徵才登錄), plus what the server assigns.
/// Plain values only: the client, the local store and the server all share it.
struct Vacancy {
    // 機關基本資料
    QString agencyCode; ///< 機關代碼, e.g. A096C0000Q
    QString agencyName;
    QString agencyAddress;
    QString fillerName, fillerPhone, fillerExtension, fillerEmail; ///< 填寫人

    // 機關徵才資料
    QString personKind; ///< 人員區分 (a name from the code list: the list has no codes)
    QList<RankClass> rankClasses; ///< 官等類別
    QList<GradeRange> gradeRanges; ///< 官職等 for 任用 posts
    QString gradeText; ///< 官職等 for everyone else: 約僱5等280薪點, 師(三)級 …
    QString title; ///< 職稱, free text
    QStringList seriesCodes; ///< 職系 codes; 0100 = 無
    int openings = 1; ///< 名額
    int reserveOpenings = 0; ///< 候補名額
    Gender gender = Gender::Any;
    QString genderReason; ///< why the work suits only one gender, when gender is not Any
    QStringList workplaceCodes; ///< 工作地點
    QDate validFrom, validTo; ///< 有效期間
    QString qualifications; ///< 資格條件
    QString duties; ///< 工作項目
    QString workAddress; ///< 工作地址
    QString contactMethod; ///< 聯絡方式
    QString contactEmail; ///< 聯絡E-Mail (履歷收件), optional

    // The five feed flags (IS_HANDICAP, IS_ORIGINAL, IS_LOCAL_ORIGINAL, IS_TRANING, IS_TRANSFER).
    bool welcomesDisabled = false;
    bool welcomesIndigenous = false;
    bool indigenousArea = false;
    bool trainingProgramme = false;
    bool transfer = false;

    VacancyClass vacancyClass = VacancyClass::CivilService;
    QString announcementUrl; ///< 公告網址
    ResumeAccess resumeAccess;

    // Assigned by the server; empty for a local draft.
    QString vacancyId; ///< 職缺編號, 10 digits, opaque
    std::optional<VacancyStatus> status;
    QDate createdOn, updatedOn, publishedOn;

    friend bool operator==(const Vacancy&, const Vacancy&) = default;
};

} // namespace core::domain
