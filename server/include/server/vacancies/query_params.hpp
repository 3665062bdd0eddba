#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace server::vacancies {

/// Strict reading of a GET's query string, like http::JsonFields for bodies: unknown and repeated
/// parameters, over-long texts and numbers out of range are collected per parameter, and finish()
/// throws them together as 400 `request-invalid`
/// (`fields: { name: ["unknown" | "repeated" | "too-long" | "integer" | "range" | "value"] }`).
class QueryParams {
public:
    QueryParams(const QUrlQuery& query, const QStringList& allowedKeys);

    /// The decoded value; nothing when absent or empty.
    std::optional<QString> text(const QString& key, qsizetype maxLength);
    /// A decimal integer in [minimum, maximum]; `fallback` when absent or empty.
    int integer(const QString& key, int fallback, int minimum, int maximum);
    /// One of `allowed`; `fallback` when absent or empty.
    QString choice(const QString& key, const QStringList& allowed, const QString& fallback);
    void reject(const QString& key, const QString& reason);
    void finish() const;

private:
    QUrlQuery query_;
    QJsonObject problems_;
};

} // namespace server::vacancies
