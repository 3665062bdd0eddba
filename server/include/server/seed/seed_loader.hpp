#pragma once

#include "server/service_context.hpp"

#include <QString>
#include <stdexcept>

namespace server::seed {

class SeedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Loads a seed file (server/seed/demo.json's shape) in one transaction: agencies and persons are
/// inserted or updated by code / ID number (name, agency, serving or retired), applicants and
/// their applications likewise. Accounts, passwords and bindings made here are never touched, so
/// restarting with the same seed is safe. Throws SeedError naming the entry that is wrong.
void loadSeed(const ServiceContext& context, const QString& path);

} // namespace server::seed
