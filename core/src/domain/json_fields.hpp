#pragma once

#include "core/domain/domain_json_error.hpp"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <optional>

namespace core::domain::detail {

/// Typed reads from one JSON object that remember which keys were read, so finish() can reject
/// the rest: a misspelt key must fail loudly instead of silently losing what the user typed.
class JsonFields {
public:
    JsonFields(const QJsonObject& object, const QString& path);

    bool has(const char* key) const;
    QJsonValue value(const char* key); ///< Undefined when absent
    QString string(const char* key);
    bool boolean(const char* key, bool fallback);
    std::optional<int> integer(const char* key);
    QDate date(const char* key);
    QStringList strings(const char* key);
    QJsonArray array(const char* key);
    std::optional<QJsonObject> object(const char* key);
    /// Throws on any key no getter asked for.
    void finish() const;

    QString path(const char* key) const;
    [[noreturn]] void fail(
        DomainJsonError::Kind kind, const QString& field, const char* detail) const;

private:
    QJsonObject object_;
    QString path_;
    QSet<QString> seen_;
};

/// An integer out of a JSON number, or nothing when it is not a whole number in int range.
std::optional<int> wholeNumber(const QJsonValue& value);

} // namespace core::domain::detail
