#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace server::opendata {

/// What VIEW_URL starts with unless the caller names its own detail page: the government
/// system's public detail page (wantf00001_1.aspx), the work_id appended percent-encoded.
inline constexpr char defaultViewUrlPrefix[]
    = "https://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=";

/// The tags of one <ROW>, in the order they are written (vacancy-data.md §1.1).
const QStringList& openDataRowTags();

/// The public Open Data feed (事求人職缺 Open Data, data.gov.tw 7229) for the given vacancies:
/// UTF-8 XML, `<ROOT>` holding `<ANNOUNCE_DATE>` (ROC yyyMMdd of `announceDate`) and then one
/// `<ROW>` per vacancy, in the order given, with every tag of openDataRowTags() present (an empty
/// value is written as an empty element). Codes become the feed's texts through `codes`. The
/// caller picks which vacancies are public; nothing is filtered here. Characters XML cannot
/// carry are dropped, so the output is always well-formed.
QByteArray openDataXml(const QList<core::domain::Vacancy>& published,
    const core::domain::CodeLists& codes, const QDate& announceDate,
    const QString& viewUrlPrefix = QString::fromLatin1(defaultViewUrlPrefix));

} // namespace server::opendata
