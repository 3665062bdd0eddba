#pragma once

// Opens the network module (core_network) that carries core's HTTP wire, once per process.

#include "core/api/http_wire.hpp"

#include <QString>
#include <QStringList>
#include <memory>

namespace core::api::detail {

/// Where the module is looked for: beside the program's own directory, as installed
/// (`<bindir>/<relative path>/libshiqiuren-network.so`), the build tree having the same shape.
QStringList networkModuleCandidates();

/// A new wire from the first candidate that loads and has the entry point, or null with
/// `why` saying what was tried. The library stays loaded for the process's life.
std::unique_ptr<wire::Wire> openWire(
    const wire::Settings& settings, const QStringList& candidates, QString& why);

} // namespace core::api::detail
