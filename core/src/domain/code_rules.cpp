#include "code_rules.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

namespace core::domain::detail {

namespace {

bool blank(const QString& text)
{
    return text.trimmed().isEmpty();
}

bool isAgencyCode(const QString& text)
{
    // The reference only guesses this shape (§3.5); the check character is not known, so no
    // checksum is computed.
    static const QRegularExpression pattern(QStringLiteral(R"(^[0-9A-Z]{9}[A-Z]$)"));
    return pattern.match(text).hasMatch();
}

/// The words of one list's messages; `byName` only for lists whose old data holds names.
struct Wording {
    const char* unknown; ///< %1: the value as written
    const char* retired; ///< %1: the retired entry
    const char* replaced; ///< %1: the retired entry, %2: its successor
    const char* byName = nullptr; ///< %1: the name as written, %2: the entry to choose
};

const Wording personKindWording {
    QT_TRANSLATE_NOOP("VacancyRules", "人員區分「%1」不在代碼表中"),
    QT_TRANSLATE_NOOP("VacancyRules", "人員區分「%1」已停用"),
    QT_TRANSLATE_NOOP("VacancyRules", "人員區分「%1」已停用，請改選「%2」"),
};

const Wording seriesWording {
    QT_TRANSLATE_NOOP("VacancyRules", "職系代碼「%1」不在代碼表中"),
    QT_TRANSLATE_NOOP("VacancyRules", "職系「%1」已停用"),
    QT_TRANSLATE_NOOP("VacancyRules", "職系「%1」已停用，請改選「%2」"),
    QT_TRANSLATE_NOOP("VacancyRules", "職系「%1」請改以代碼選擇「%2」"),
};

const Wording workplaceWording {
    QT_TRANSLATE_NOOP("VacancyRules", "工作地點代碼「%1」不在代碼表中"),
    QT_TRANSLATE_NOOP("VacancyRules", "工作地點「%1」已停用"),
    QT_TRANSLATE_NOOP("VacancyRules", "工作地點「%1」已停用，請改選「%2」"),
};

/// An entry as the form shows it: 職系 with its code (A101 綜合行政), 工作地點 as the seed's grid
/// does (98-連江縣), 人員區分 by its name (it has no codes).
QString shown(CodeListKind kind, const Code& c)
{
    switch (kind) {
    case CodeListKind::Series:
        return c.code == c.name ? c.name : QStringLiteral("%1 %2").arg(c.code, c.name);
    case CodeListKind::Workplace:
        return c.code == c.name ? c.name : QStringLiteral("%1-%2").arg(c.code, c.name);
    case CodeListKind::PersonKind:
        break;
    }
    return c.name;
}

/// Old 職系 data writes names, with or without the suffix (一般行政職系, 資訊處理).
QString seriesName(const QString& value)
{
    QString name = value.trimmed();
    // i18n-ok: the suffix old feed data carries, compared as data
    const QString suffix = QStringLiteral("職系");
    if (name.endsWith(suffix) && name.size() > suffix.size())
        name.chop(suffix.size());
    return name;
}

void checkValue(const CodeLists& codes, CodeListKind kind, const Wording& wording,
    const QString& value, const char* field, QList<FieldMessage>& out)
{
    const auto add = [&out, field](const QString& message) {
        out.append(FieldMessage { QString::fromLatin1(field), message });
    };
    std::optional<Code> entry = codes.find(kind, value);
    const bool foundByName = !entry && wording.byName;
    if (foundByName)
        entry = codes.findByName(kind, seriesName(value));
    if (!entry) {
        add(QCoreApplication::translate("VacancyRules", wording.unknown).arg(value));
        return;
    }
    if (!entry->retired && !foundByName)
        return;
    const QString written = foundByName ? value : shown(kind, *entry);
    if (!entry->retired) {
        add(QCoreApplication::translate("VacancyRules", wording.byName)
                .arg(written, shown(kind, *entry)));
        return;
    }
    const auto successor = codes.find(kind, entry->replacedBy);
    if (successor && !successor->retired)
        add(QCoreApplication::translate("VacancyRules", wording.replaced)
                .arg(written, shown(kind, *successor)));
    else
        add(QCoreApplication::translate("VacancyRules", wording.retired).arg(written));
}

} // namespace

QList<FieldMessage> codeMessages(const Vacancy& v, const CodeLists& codes)
{
    QList<FieldMessage> out;
    if (!blank(v.agencyCode) && !isAgencyCode(v.agencyCode))
        out.append({ QStringLiteral("agencyCode"),
            QCoreApplication::translate("VacancyRules", "機關代碼格式不正確（應為10碼英數字）") });
    if (!blank(v.personKind))
        checkValue(
            codes, CodeListKind::PersonKind, personKindWording, v.personKind, "personKind", out);
    for (const QString& code : v.seriesCodes)
        checkValue(codes, CodeListKind::Series, seriesWording, code, "seriesCodes", out);
    if (v.seriesCodes.size() > 1 && v.seriesCodes.contains(QStringLiteral("0100")))
        out.append({ QStringLiteral("seriesCodes"),
            QCoreApplication::translate("VacancyRules", "職系「無」不得與其他職系同時選擇") });
    for (const QString& code : v.workplaceCodes)
        checkValue(codes, CodeListKind::Workplace, workplaceWording, code, "workplaceCodes", out);
    return out;
}

} // namespace core::domain::detail
