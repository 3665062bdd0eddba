#pragma once

#include "core/api/failure.hpp"

#include <optional>
#include <utility>

namespace core::api {

/// The value of a call that answers nothing but success (logout, …).
struct Empty {
    friend bool operator==(const Empty&, const Empty&) = default;
};

/// A call's outcome: the value, or the failure (`failure.kind` is None exactly when `value` is
/// set).
template <typename T> struct Result {
    std::optional<T> value;
    Failure failure;

    bool ok() const { return value.has_value(); }
    /// The value; only when ok().
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }

    static Result success(T v)
    {
        Result result;
        result.value = std::move(v);
        return result;
    }
    static Result fail(Failure f)
    {
        Result result;
        result.failure = std::move(f);
        return result;
    }
};

} // namespace core::api
