#include "core/domain/domain_json_error.hpp"

namespace core::domain {

DomainJsonError::DomainJsonError(Kind kind, const QString& field, const QString& detail)
    : std::runtime_error((field + QStringLiteral(": ") + detail).toStdString())
    , kind_(kind)
    , field_(field)
{ }

} // namespace core::domain
