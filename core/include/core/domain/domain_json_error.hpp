#pragma once

#include <QString>
#include <stdexcept>

namespace core::domain {

/// Input JSON that does not fit the domain: names the offending field (a path such as
/// "gradeRanges[1].to") so the server can answer 4xx with it. Developer-facing, not translated.
class DomainJsonError : public std::runtime_error {
public:
    enum class Kind { UnknownField, WrongType, BadValue, MissingField };

    DomainJsonError(Kind kind, const QString& field, const QString& detail);

    Kind kind() const { return kind_; }
    const QString& field() const { return field_; }

private:
    Kind kind_;
    QString field_;
};

} // namespace core::domain
