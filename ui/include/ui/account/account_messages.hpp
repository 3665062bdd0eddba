#pragma once

#include "core/api/failure.hpp"

#include <QString>

namespace ui {

/// A failed account call in words for the clerk (password-policy, current-password-invalid,
/// too-many-attempts, an e-mail refused, no connection, …). Context ui::AccountDialog.
QString accountFailureText(const core::api::Failure& failure);

/// A failure any service call can have (no connection, session ended, server trouble) in words;
/// empty when the failure is specific to the call and the caller must word it.
QString commonServiceFailureText(const core::api::Failure& failure);

} // namespace ui
