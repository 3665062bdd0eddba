#pragma once

// The 調閱履歷 suites' seed: test.json plus vacancies whose 調閱 settings differ (all sections with
// date ranges, a subset, disabled, a class without 調閱, another agency's, a paged one), their
// applications, and 他機關's clerk with a password account. Shared by the server's API suite,
// ServiceClient's and the 調閱履歷 dialog's, so all three read the same fixture.

#include "test_server.hpp"

#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

namespace servertest::applications {

inline const QString ownAgency = QStringLiteral("A29000000G");
inline const QString otherAgency = QStringLiteral("A12000000X");
inline const QString allId = QStringLiteral("1159900001"); ///< every section, with date ranges
inline const QString subsetId = QStringLiteral("1159900002"); ///< 考試 and 考績 only
inline const QString disabledId = QStringLiteral("1159900003"); ///< 調閱履歷 not enabled
inline const QString noResumeClassId = QStringLiteral("1159900004"); ///< a class without 調閱
inline const QString otherAgencyId = QStringLiteral("1159900005");
inline const QString pagedId = QStringLiteral("1159900006"); ///< pagedApplicants applicants
inline constexpr int pagedApplicants = 25;
inline const QString otherAccount = QStringLiteral("other01");
inline const QString otherPassword = QStringLiteral("Other!2345");
/// The full ID numbers in the test seed's résumés (test.json "applicants").
inline const QStringList applicantIdNumbers { "G100001013", "G200002021", "G100003035" };

/// A vacancy body with `resumeAccess`, of `vacancyClass`.
QJsonObject vacancyBody(
    const QJsonObject& resumeAccess, const QString& vacancyClass = QStringLiteral("civilService"));

/// The seed file, written into a temporary folder that lives as long as this object.
class ApplicationsSeed {
public:
    ApplicationsSeed();
    ServerOptions options() const;
    const QString& path() const { return path_; }

private:
    QTemporaryDir dir_;
    QString path_;
};

} // namespace servertest::applications
