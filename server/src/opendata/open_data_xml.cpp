#include "server/opendata/open_data_xml.hpp"

#include "core/domain/roc_date.hpp"

#include <QUrl>
#include <QXmlStreamWriter>
#include <array>

namespace server::opendata {

using core::domain::CodeListKind;
using core::domain::CodeLists;
using core::domain::Gender;
using core::domain::GradeRange;
using core::domain::RankClass;
using core::domain::RocDate;
using core::domain::Vacancy;
using core::domain::VacancyClass;

namespace {

// Row order: the 2016 dump (S1) fixes the order of its 22 tags; the newer tags sit where
// vacancy-data.md §1.1 lists them (ORG_ID first, RESERVE_NUM after NUMBER_OF, IS_TRANSFER after
// IS_TRANING, the 職缺類別 last). The 職缺類別 tag is spelled `Work_Type`, as in the one model
// built from a live feed (S7): XML names are case-sensitive and §1.1's WORK_TYPE is a
// normalised spelling. (S8's 2026 list ends with IS_TRANSFER after VIEW_URL; parsers look tags
// up by name, so the order follows the reference's list.)
const QStringList rowTags = {
    QStringLiteral("ORG_ID"),
    QStringLiteral("ORG_NAME"),
    QStringLiteral("PERSON_KIND"),
    QStringLiteral("RANK"),
    QStringLiteral("TITLE"),
    QStringLiteral("SYSNAM"),
    QStringLiteral("NUMBER_OF"),
    QStringLiteral("RESERVE_NUM"),
    QStringLiteral("GENDER_TYPE"),
    QStringLiteral("WORK_PLACE_TYPE"),
    QStringLiteral("DATE_FROM"),
    QStringLiteral("DATE_TO"),
    QStringLiteral("IS_HANDICAP"),
    QStringLiteral("IS_ORIGINAL"),
    QStringLiteral("IS_LOCAL_ORIGINAL"),
    QStringLiteral("IS_TRANING"), // sic: the feed's spelling
    QStringLiteral("IS_TRANSFER"),
    QStringLiteral("TYPE"),
    QStringLiteral("VITAE_EMAIL"),
    QStringLiteral("WORK_QUALITY"),
    QStringLiteral("WORK_ITEM"),
    QStringLiteral("WORK_ADDRESS"),
    QStringLiteral("CONTACT_METHOD"),
    QStringLiteral("URL_LINK"),
    QStringLiteral("VIEW_URL"),
    QStringLiteral("Work_Type"),
};

/// Keeps what XML 1.0 can carry (tab, LF, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates)
/// and drops the rest. DEL and the C1 controls (U+007F–U+009F) are legal XML 1.0 but
/// "discouraged" (§2.2) and never meant in a posting, so they go too. Line ends become LF, as in
/// the government feed: a parser would turn a raw CR LF into LF anyway (XML 1.0 §2.11).
QString xmlSafe(const QString& input)
{
    QString text = input;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 < n && text.at(i + 1).isLowSurrogate()) {
                out.append(c);
                out.append(text.at(i + 1));
                ++i;
            }
            continue; // a lone high surrogate is not a character
        }
        const char16_t u = c.unicode();
        const bool allowed = u == 0x9 || u == 0xA || (u >= 0x20 && u < 0x7F)
            || (u > 0x9F && u <= 0xD7FF) || (u >= 0xE000 && u <= 0xFFFD);
        if (allowed)
            out.append(c);
    }
    return out;
}

/// ROC yyyMMdd, always 7 digits (0991231 for 2010-12-31), as the feed writes it. A date the
/// ROC calendar cannot express, or none, is an empty value.
QString rocCompact(const QDate& date)
{
    const auto roc = RocDate::fromDate(date);
    return roc ? roc->compact() : QString();
}

/// RANK (官職等): the structured ranges in the 2026 wording,
/// 「委任第5職等或薦任第6職等至薦任第7職等」 (one grade alone: 「薦任第8職等」). A range of 其他
/// has no 職等 and is left out. Without ranges, the free text (約僱5等280薪點, 師(三)級 …). When a
/// vacancy has both, the ranges win: they are what the rules check.
QString rankText(const Vacancy& v)
{
    QStringList parts;
    for (const GradeRange& g : v.gradeRanges) {
        if (g.rank == RankClass::Other)
            continue;
        const QString rank = core::domain::rankDataName(g.rank);
        if (g.from == g.to)
            parts.append(QStringLiteral("%1第%2職等").arg(rank).arg(g.from));
        else
            parts.append(QStringLiteral("%1第%2職等至%1第%3職等").arg(rank).arg(g.from).arg(g.to));
    }
    if (parts.isEmpty())
        return v.gradeText;
    return parts.join(QStringLiteral("或"));
}

/// TYPE (官等類別): comma list in the feed's order, highest first (「簡任,薦任」, S1), then 其他.
QString typeText(const QList<RankClass>& ranks)
{
    static constexpr std::array order
        = { RankClass::Senior, RankClass::Intermediate, RankClass::Junior, RankClass::Other };
    QStringList parts;
    for (const RankClass rank : order)
        if (ranks.contains(rank))
            parts.append(core::domain::rankDataName(rank));
    return parts.join(QLatin1Char(','));
}

/// SYSNAM (職系): the names without the 職系 suffix (「電子工程」, S1; 「會計審計」, S4), several
/// joined by 、 as old multi-valued rows are; 0100 becomes 「無」 through the list. A code missing
/// from the list is written as the code, so nothing silently disappears.
QString seriesText(const QStringList& codes, const CodeLists& lists)
{
    QStringList names;
    for (const QString& code : codes) {
        const auto found = lists.find(CodeListKind::Series, code);
        names.append(found ? found->name : code);
    }
    return names.join(QStringLiteral("、"));
}

/// WORK_PLACE_TYPE (工作地點): `NN-名稱` tokens, each with a leading comma, exactly as the 2016
/// dump writes them (「,30-新竹市,31-新竹縣」). Retired codes keep their old name. A code missing
/// from the list is written bare (「,NN」).
QString workplaceText(const QStringList& codes, const CodeLists& lists)
{
    QString text;
    for (const QString& code : codes) {
        text += QLatin1Char(',') + code;
        if (const auto found = lists.find(CodeListKind::Workplace, code))
            text += QLatin1Char('-') + found->name;
    }
    return text;
}

QString genderText(Gender gender)
{
    switch (gender) {
    case Gender::Male:
        return QStringLiteral("男");
    case Gender::Female:
        return QStringLiteral("女");
    case Gender::Any:
        break;
    }
    return QStringLiteral("不拘");
}

/// Work_Type (職缺類別): the wording of the public detail page and the search form.
QString vacancyClassText(VacancyClass vacancyClass)
{
    switch (vacancyClass) {
    case VacancyClass::NonCivilService:
        return QStringLiteral("不具公務人員任用資格");
    case VacancyClass::NoResumeAccess:
        return QStringLiteral("不使用應徵者履歷調閱");
    case VacancyClass::CivilService:
        break;
    }
    return QStringLiteral("須具公務人員任用資格職缺");
}

QString flag(bool on)
{
    return on ? QStringLiteral("Y") : QStringLiteral("N");
}

void writeElement(QXmlStreamWriter& xml, const QString& tag, const QString& value)
{
    const QString safe = xmlSafe(value);
    if (safe.isEmpty())
        xml.writeEmptyElement(tag); // the feed's <RANK />
    else
        xml.writeTextElement(tag, safe);
}

/// The values of one row, in rowTags order. Not in the feed: the filler's contact data, the
/// agency address, the gender reason and the 履歷調閱 settings (the government feed has no tag
/// for them, and the filler's data is personal).
QStringList rowValues(const Vacancy& v, const CodeLists& codes, const QString& viewUrlPrefix)
{
    // RESERVE_NUM: the 候補名額 as a number, 0 included (a number string, like NUMBER_OF).
    // VIEW_URL: the prefix plus the 職缺編號; empty for a vacancy that has none.
    const QString viewUrl = v.vacancyId.isEmpty()
        ? QString()
        : viewUrlPrefix + QString::fromLatin1(QUrl::toPercentEncoding(v.vacancyId));
    return {
        v.agencyCode,
        v.agencyName,
        v.personKind, // 人員區分 has no codes: the name is the value
        rankText(v),
        v.title,
        seriesText(v.seriesCodes, codes),
        QString::number(v.openings),
        QString::number(v.reserveOpenings),
        genderText(v.gender),
        workplaceText(v.workplaceCodes, codes),
        rocCompact(v.validFrom),
        rocCompact(v.validTo),
        flag(v.welcomesDisabled),
        flag(v.welcomesIndigenous),
        flag(v.indigenousArea),
        flag(v.trainingProgramme),
        flag(v.transfer),
        typeText(v.rankClasses),
        v.contactEmail,
        v.qualifications,
        v.duties,
        v.workAddress,
        v.contactMethod,
        v.announcementUrl,
        viewUrl,
        vacancyClassText(v.vacancyClass),
    };
}

} // namespace

const QStringList& openDataRowTags()
{
    return rowTags;
}

QByteArray openDataXml(const QList<Vacancy>& published, const CodeLists& codes,
    const QDate& announceDate, const QString& viewUrlPrefix)
{
    QByteArray out;
    QXmlStreamWriter xml(&out); // Qt 6 writes UTF-8
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ROOT"));
    writeElement(xml, QStringLiteral("ANNOUNCE_DATE"), rocCompact(announceDate));
    for (const Vacancy& vacancy : published) {
        xml.writeStartElement(QStringLiteral("ROW"));
        const QStringList values = rowValues(vacancy, codes, viewUrlPrefix);
        Q_ASSERT(values.size() == rowTags.size());
        for (qsizetype i = 0; i < rowTags.size(); ++i)
            writeElement(xml, rowTags.at(i), values.at(i));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace server::opendata
