#pragma once

#include "core/api/service_client.hpp"
#include "core/sync/remote.hpp"

#include <memory>

namespace core::sync::detail {

/// Remote over core::api::ServiceClient: the engine's view of the central service. Borrows the
/// caller's client, or owns one (the engine made from a URL and a token); a new base URL makes
/// a new client with the same configuration and token.
class ServiceClientRemote : public Remote {
public:
    explicit ServiceClientRemote(api::ServiceClient& client);
    explicit ServiceClientRemote(std::unique_ptr<api::ServiceClient> client);
    ~ServiceClientRemote() override;

    RemoteReply create(const QByteArray& body, const QString& key) override;
    QList<RemoteReply> createAll(const QList<RemoteCreate>& creates) override;
    /// Batches of at most api::ServiceClient::maxBatchCreates and about maxBatchBytes; after a
    /// 404/405 (a server without the route) createAll() for the rest of this server's life.
    QList<RemoteReply> createBatch(const QList<RemoteCreate>& creates) override;
    RemoteReply update(const QString& id, const QByteArray& body, const QString& etag) override;
    RemoteReply remove(const QString& id, const QString& etag) override;
    RemoteReply changes(const QString& since, int limit, FeedPage& page) override;
    RemoteReply codeLists(const QString& ifNoneMatch) override;
    void setToken(const QString& token) override;
    void setBaseUrl(const QString& baseUrl) override;

private:
    std::unique_ptr<api::ServiceClient> owned_;
    api::ServiceClient* client_;
    QString token_;
    bool batchRoute_ = true;
};

/// A batch request's body stays below this many bytes (unless one create alone is larger).
inline constexpr qsizetype maxBatchBytes = 192 * 1024;

/// Sorts a failed call into what the engine does about it; whether an answer is worth
/// retrying is api::Failure::retriable()'s to say.
RemoteReply::Outcome classify(const api::Failure& failure);

/// A failed call as the engine sees it.
RemoteReply replyFrom(const api::Failure& failure);

} // namespace core::sync::detail
