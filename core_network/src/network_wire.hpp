#pragma once

#include "core/api/http_wire.hpp"
#include "tls_policy.hpp"

#include <QNetworkAccessManager>
#include <memory>

namespace core::network {

/// HTTP over one QNetworkAccessManager, made on the calling thread's first exchange.
class NetworkWire final : public api::wire::Wire {
public:
    explicit NetworkWire(const api::wire::Settings& settings);
    ~NetworkWire() override;
    NetworkWire(const NetworkWire&) = delete;
    NetworkWire& operator=(const NetworkWire&) = delete;

    QList<api::wire::Reply> exchange(const QList<api::wire::Request>& requests) override;

private:
    struct Flight;

    QNetworkAccessManager& manager();
    void dropManager();
    void start(Flight& flight, const api::wire::Request& request);
    /// How `flight` ended; `dropConnections` is set when the connections must go.
    api::wire::Reply finish(Flight& flight, bool& dropConnections);

    api::wire::Settings settings_;
    TlsPolicy tls_;
    std::unique_ptr<QNetworkAccessManager> manager_;
};

} // namespace core::network
