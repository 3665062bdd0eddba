#pragma once

#include "server/service_context.hpp"

#include <QString>

namespace server::accounts {

/// Password guessing protection, per login key (a person, or the hash of an unknown name):
/// from the third consecutive failure each try must wait 1, 2, 4 … s (at most 60), and after
/// `passwordLockoutAfter` failures the key is locked for `passwordLockoutSeconds`. A try that is
/// refused for waiting does not count. Success clears the record. The record of a name that
/// belongs to nobody is dropped once it has been quiet for `passwordLockoutSeconds`.
class LoginThrottle {
public:
    LoginThrottle(const ServiceContext& context, QString key);

    /// Throws 429 `too-many-attempts` with `Retry-After` while the key must wait.
    void checkAllowed() const;
    void recordFailure() const;
    void recordSuccess() const;

private:
    const ServiceContext& context_;
    QString key_;
};

} // namespace server::accounts
