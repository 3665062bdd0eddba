#pragma once

#include "core/domain/vacancy.hpp"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace core::domain {

/// One entry of a code list. Lists without codes (人員區分) use the name as the code.
struct Code {
    QString code;
    QString name;
    bool retired = false; ///< still shown for old records, never chosen for new ones
    QString replacedBy;
    friend bool operator==(const Code&, const Code&) = default;
};

/// One agency of the server's register (the bundle's `agencies`): a unit names the agency it
/// belongs to in `parent` (empty for none).
struct Agency {
    QString code;
    QString name;
    QString address;
    QString parent;
    friend bool operator==(const Agency&, const Agency&) = default;
};

/// The 職等 a 官等 spans (委任 1–5, 薦任 6–9, 簡任 10–14).
struct GradeBand {
    RankClass rank = RankClass::Junior;
    int from = 1;
    int to = 1;
};

enum class CodeListKind { PersonKind, Series, Workplace };

/// The reference lists the form chooses from: built in from resources/codes, replaceable by the
/// server's copy (kept with its ETag, so the next refresh can be conditional).
class CodeLists {
public:
    /// The lists shipped with this build. The ETag is empty: no server version seen yet.
    static const CodeLists& builtin();
    /// The server's bundle: {"personKinds", "series", "workplaces", "grades", "titles"}, each
    /// shaped like the matching file in resources/codes, and optionally "agencies" (the
    /// register: {"items": [{code, name, address?, parent?}]}). Throws DomainJsonError.
    static CodeLists fromJson(const QJsonObject& bundle, const QString& etag);

    const QString& etag() const { return etag_; }
    const QList<Code>& items(CodeListKind kind) const;
    std::optional<Code> find(CodeListKind kind, const QString& code) const;
    /// The entry named `name` (old data may hold a name where a code belongs).
    std::optional<Code> findByName(CodeListKind kind, const QString& name) const;
    bool contains(CodeListKind kind, const QString& code) const
    {
        return find(kind, code).has_value();
    }
    /// False for unknown codes too: ask contains() first.
    bool isRetired(CodeListKind kind, const QString& code) const;
    std::optional<GradeBand> band(RankClass rank) const;
    const QStringList& commonRanges() const { return commonRanges_; }
    const QStringList& commonTitles() const { return commonTitles_; }
    /// The register; empty in the built-in lists (agencies are the server's to know).
    const QList<Agency>& agencies() const { return agencies_; }
    /// The agencies below `code` (its units, their units …), level by level in the register's
    /// order; empty when none or unknown.
    QList<Agency> unitsOf(const QString& code) const;

private:
    QString etag_;
    QList<Code> personKinds_, series_, workplaces_;
    QList<GradeBand> bands_;
    QStringList commonRanges_, commonTitles_;
    QList<Agency> agencies_;
};

} // namespace core::domain
