#include "network_module.hpp"

#include "core/modules/module_library.hpp"

namespace core::api::detail {

QStringList networkModuleCandidates()
{
    return modules::candidates(QLatin1String(wire::moduleName));
}

std::unique_ptr<wire::Wire> openWire(
    const wire::Settings& settings, const QStringList& candidates, QString& why)
{
    const auto create = reinterpret_cast<wire::CreateWire>(
        modules::resolve(candidates, wire::createWireSymbol, why));
    if (!create) {
        why = QStringLiteral("the network module could not be loaded: %1").arg(why);
        return nullptr;
    }
    std::unique_ptr<wire::Wire> made(create(wire::interfaceVersion, settings));
    if (!made)
        why = QStringLiteral("the network module is of another version than this program");
    return made;
}

} // namespace core::api::detail
