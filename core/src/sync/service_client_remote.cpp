#include "sync/service_client_remote.hpp"

#include "core/api/vacancy_record_json.hpp"

#include <QJsonArray>
#include <QJsonDocument>

namespace core::sync {

QString RemoteReply::describe() const
{
    QString text
        = httpStatus == 0 ? QStringLiteral("no answer") : QStringLiteral("HTTP %1").arg(httpStatus);
    if (!errorCode.isEmpty())
        text += u' ' + errorCode;
    if (httpStatus == 0 && !message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

QList<RemoteReply> Remote::createAll(const QList<RemoteCreate>& creates)
{
    QList<RemoteReply> replies;
    for (const RemoteCreate& create : creates)
        replies.append(this->create(create.body, create.key));
    return replies;
}

QList<RemoteReply> Remote::createBatch(const QList<RemoteCreate>& creates)
{
    return createAll(creates);
}

namespace detail {

using Outcome = RemoteReply::Outcome;

Outcome classify(const api::Failure& failure)
{
    // No answer (the network, a timeout, a TLS refusal, an answer cut short or of the wrong
    // shape, a header the client would not send): the same bytes go again under the same key
    // later. The outbox never gives up on a write the server has not answered.
    if (failure.kind != api::ErrorKind::Http || failure.httpStatus == 0)
        return Outcome::Retry;
    if (failure.retriable())
        return Outcome::Retry;
    switch (failure.httpStatus) {
    case 401:
    // 403 is always about the session (person-inactive, account-setup-required,
    // certificate-login-required): a new login settles it, the record is not at fault.
    case 403:
        return Outcome::NeedsLogin;
    case 412:
        return Outcome::PreconditionFailed;
    case 404:
        return Outcome::NotFound;
    default:
        return Outcome::Refused; // 400, 409 vacancy-closed, 413, 415, 422, 428
    }
}

RemoteReply replyFrom(const api::Failure& failure)
{
    RemoteReply reply;
    reply.retryAfterSeconds = failure.retryAfterSeconds;
    switch (failure.kind) {
    case api::ErrorKind::Http:
        reply.httpStatus = failure.httpStatus;
        reply.errorCode = failure.code;
        reply.message = failure.message;
        for (auto it = failure.fields.begin(); it != failure.fields.end(); ++it) {
            const QJsonArray reasons = it.value().toArray();
            for (const QJsonValue& reason : reasons)
                reply.fields.append({ it.key(), reason.toString() });
            if (reasons.isEmpty())
                reply.fields.append({ it.key(), it.value().toString() });
        }
        if (failure.httpStatus == 412) {
            if (const auto current = api::currentRecord(failure)) {
                reply.record = current->vacancy;
                reply.etag = current->etag;
            }
        }
        reply.outcome = classify(failure);
        return reply;
    case api::ErrorKind::None:
    case api::ErrorKind::Network:
    case api::ErrorKind::Timeout:
    case api::ErrorKind::Tls:
    case api::ErrorKind::BadResponse:
        // No usable answer (a 2xx cut short counts): the same bytes go again under the same
        // key, and the server replays what it did. A TLS refusal waits the same way: nothing is
        // sent anywhere until the configuration is right.
        break;
    }
    reply.httpStatus = 0;
    reply.errorCode = failure.kind == api::ErrorKind::Timeout ? QStringLiteral("timeout")
        : failure.kind == api::ErrorKind::Tls                 ? QStringLiteral("tls")
        : failure.kind == api::ErrorKind::BadResponse         ? QStringLiteral("bad-response")
                                                              : QStringLiteral("network");
    reply.message = failure.summary();
    reply.outcome = Outcome::Retry;
    return reply;
}

namespace {

RemoteReply ok(int status, const api::VacancyRecord& record)
{
    RemoteReply reply;
    reply.outcome = Outcome::Ok;
    reply.httpStatus = status;
    reply.record = record.vacancy;
    reply.etag = record.etag;
    reply.rejectionReason = record.rejectionReason;
    return reply;
}

} // namespace

ServiceClientRemote::ServiceClientRemote(api::ServiceClient& client)
    : client_(&client)
{ }

ServiceClientRemote::ServiceClientRemote(std::unique_ptr<api::ServiceClient> client)
    : owned_(std::move(client))
    , client_(owned_.get())
{ }

ServiceClientRemote::~ServiceClientRemote() = default;

RemoteReply ServiceClientRemote::create(const QByteArray& body, const QString& key)
{
    const auto result = client_->createVacancy(key, body);
    if (!result.ok())
        return replyFrom(result.failure);
    return ok(201, result->record);
}

QList<RemoteReply> ServiceClientRemote::createAll(const QList<RemoteCreate>& creates)
{
    QList<api::VacancyCreate> calls;
    for (const RemoteCreate& create : creates)
        calls.append({ create.key, create.body });
    QList<RemoteReply> replies;
    for (const auto& result : client_->createVacancies(calls))
        replies.append(result.ok() ? ok(201, result->record) : replyFrom(result.failure));
    return replies;
}

QList<RemoteReply> ServiceClientRemote::createBatch(const QList<RemoteCreate>& creates)
{
    QList<RemoteReply> replies;
    qsizetype next = 0;
    while (next < creates.size()) {
        if (!batchRoute_)
            return replies + createAll(creates.mid(next));
        QList<api::VacancyCreate> calls;
        qsizetype bytes = 0;
        // Well under the server's default body limit (256 KiB), whatever the bodies' sizes.
        while (next < creates.size() && calls.size() < api::ServiceClient::maxBatchCreates
            && (calls.isEmpty() || bytes + creates[next].body.size() < maxBatchBytes)) {
            bytes += creates[next].body.size() + 80;
            calls.append({ creates[next].key, creates[next].body });
            ++next;
        }
        const auto sent = client_->createVacancyBatch(calls);
        if (sent.ok()) {
            for (const auto& result : *sent)
                replies.append(result.ok() ? ok(201, result->record) : replyFrom(result.failure));
            continue;
        }
        const RemoteReply whole = replyFrom(sent.failure);
        const int status = whole.httpStatus;
        if (status == 404 || status == 405)
            batchRoute_ = false; // an older server: one create per request from now on
        // A refusal of the request as a whole (400, 413, …) is no record's fault: the same
        // creates go one by one, and each gets its own answer.
        if (whole.outcome == Outcome::Refused || whole.outcome == Outcome::NotFound
            || status == 405) {
            QList<RemoteCreate> chunk;
            for (const api::VacancyCreate& call : calls)
                chunk.append({ call.exactBody, call.idempotencyKey });
            replies += createAll(chunk);
            continue;
        }
        // No answer, 5xx, 429, a login needed: nothing is known of any item, all wait alike.
        for (qsizetype i = 0; i < calls.size(); ++i)
            replies.append(whole);
    }
    return replies;
}

RemoteReply ServiceClientRemote::update(
    const QString& id, const QByteArray& body, const QString& etag)
{
    const auto result = client_->replaceVacancy(id, etag, body);
    if (!result.ok())
        return replyFrom(result.failure);
    return ok(200, *result);
}

RemoteReply ServiceClientRemote::remove(const QString& id, const QString& etag)
{
    const auto result = client_->deleteVacancy(id, etag);
    if (!result.ok())
        return replyFrom(result.failure);
    if (result->withdrawn)
        return ok(200, *result->withdrawn);
    RemoteReply reply;
    reply.outcome = Outcome::Ok;
    reply.httpStatus = 204;
    reply.etag = result->etag;
    return reply;
}

RemoteReply ServiceClientRemote::changes(const QString& since, int limit, FeedPage& page)
{
    const auto result = client_->changes(since, limit);
    if (!result.ok())
        return replyFrom(result.failure);
    page = {};
    for (const api::ChangeEntry& change : result->entries) {
        FeedEntry entry;
        entry.id = change.id;
        entry.etag = change.etag;
        entry.deleted = change.deleted;
        if (change.vacancy) {
            entry.record = change.vacancy->vacancy;
            entry.rejectionReason = change.vacancy->rejectionReason;
        }
        page.changes.append(entry);
    }
    page.cursor = result->cursor;
    page.hasMore = result->hasMore;
    RemoteReply reply;
    reply.outcome = Outcome::Ok;
    reply.httpStatus = 200;
    return reply;
}

RemoteReply ServiceClientRemote::codeLists(const QString& ifNoneMatch)
{
    const auto result = client_->codeLists(ifNoneMatch);
    if (!result.ok())
        return replyFrom(result.failure);
    RemoteReply reply;
    reply.etag = result->etag;
    if (result->notModified) {
        reply.outcome = Outcome::NotModified;
        reply.httpStatus = 304;
        return reply;
    }
    reply.outcome = Outcome::Ok;
    reply.httpStatus = 200;
    reply.body = QJsonDocument(result->bundle).toJson(QJsonDocument::Compact);
    return reply;
}

void ServiceClientRemote::setToken(const QString& token)
{
    token_ = token;
    client_->setSessionToken(token);
}

void ServiceClientRemote::setBaseUrl(const QString& baseUrl)
{
    batchRoute_ = true; // another server: it may offer the route

    api::ServiceConfig config = client_->config();
    config.baseUrl = QUrl(baseUrl);
    owned_ = std::make_unique<api::ServiceClient>(std::move(config));
    client_ = owned_.get();
    if (!token_.isEmpty())
        client_->setSessionToken(token_);
}

} // namespace detail

} // namespace core::sync
