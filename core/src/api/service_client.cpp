#include "core/api/service_client.hpp"

#include "answers.hpp"
#include "api_log.hpp"
#include "application_answers.hpp"
#include "batch_shapes.hpp"
#include "error_body.hpp"
#include "http_exchange.hpp"
#include "json_shapes.hpp"

#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <QUrl>
#include <algorithm>
#include <exception>
#include <initializer_list>

namespace core::api {

using detail::HttpAnswer;
using detail::HttpRequest;

namespace {

const QString apiRoot = QStringLiteral("/api/v1");

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpRequest request(const char* method, const QString& path)
{
    HttpRequest r;
    r.method = method;
    r.path = apiRoot + path;
    return r;
}

HttpRequest jsonRequest(const char* method, const QString& path, QByteArray body)
{
    HttpRequest r = request(method, path);
    r.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    r.body = std::move(body);
    return r;
}

QString vacancyPath(const QString& id)
{
    return QStringLiteral("/vacancies/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110), as UTC; nothing otherwise.
std::optional<QDateTime> httpDate(const QByteArray& value)
{
    QDateTime time = QLocale::c().toDateTime(
        QString::fromLatin1(value).trimmed(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone::utc());
    return time;
}

QString describe(const HttpRequest& r)
{
    return QString::fromLatin1(r.method) + u' ' + r.path;
}

Failure badResponse(const HttpRequest& r, int status, const QString& detail)
{
    Failure failure;
    failure.kind = ErrorKind::BadResponse;
    failure.httpStatus = status;
    failure.detail = detail;
    qCWarning(lcApi).noquote() << describe(r) << "bad answer:" << failure.summary();
    return failure;
}

/// What `sent` (the exchange's result for `r`) means: an answer with a status in `accepted` goes
/// to `read`, any other one is the Http failure its error body describes. Nothing `read`
/// throws escapes.
template <typename T, typename Read>
Result<T> answerOf(const HttpRequest& r, const Result<HttpAnswer>& sent,
    std::initializer_list<int> accepted, Read read)
{
    int status = 0;
    try {
        if (!sent.ok())
            return Result<T>::fail(sent.failure);
        const HttpAnswer& answer = *sent.value;
        status = answer.status;
        if (std::find(accepted.begin(), accepted.end(), answer.status) == accepted.end()) {
            Failure failure = detail::failureFromAnswer(answer);
            qCInfo(lcApi).noquote()
                << describe(r) << answer.status << QStringLiteral("%1 ms").arg(answer.elapsedMs)
                << (failure.code.isEmpty() ? QStringLiteral("-") : failure.code);
            return Result<T>::fail(std::move(failure));
        }
        qCInfo(lcApi).noquote() << describe(r) << answer.status
                                << QStringLiteral("%1 ms").arg(answer.elapsedMs);
        return Result<T>::success(read(answer));
    } catch (const std::exception& error) {
        return Result<T>::fail(badResponse(r, status, QString::fromUtf8(error.what())));
    } catch (...) {
        return Result<T>::fail(badResponse(r, status, QStringLiteral("unexpected failure")));
    }
}

/// Sends `r` and reads its answer as answerOf() does. Nothing the transport throws escapes.
template <typename T, typename Read>
Result<T> perform(detail::HttpExchange& exchange, const HttpRequest& r,
    std::initializer_list<int> accepted, Read read)
{
    Result<HttpAnswer> sent;
    try {
        sent = exchange.send(r);
    } catch (const std::exception& error) {
        return Result<T>::fail(badResponse(r, 0, QString::fromUtf8(error.what())));
    } catch (...) {
        return Result<T>::fail(badResponse(r, 0, QStringLiteral("unexpected failure")));
    }
    return answerOf<T>(r, sent, accepted, read);
}

CreateOutcome createOutcomeFrom(const HttpAnswer& a)
{
    return CreateOutcome { detail::vacancyRecordFrom(detail::jsonObject(a.body)),
        a.header("Idempotent-Replayed").trimmed().compare("true", Qt::CaseInsensitive) == 0 };
}

QJsonObject bodyObject(const HttpAnswer& answer)
{
    return detail::jsonObject(answer.body);
}

} // namespace

ServiceClient::ServiceClient(ServiceConfig config)
    : config_(std::move(config))
    , exchange_(std::make_unique<detail::HttpExchange>(config_))
{ }

ServiceClient::~ServiceClient() = default;

void ServiceClient::setSessionToken(const QString& token)
{
    token_ = token;
}

void ServiceClient::clearSession()
{
    token_.clear();
}

HttpRequest ServiceClient::authorised(HttpRequest r) const
{
    if (!token_.isEmpty())
        r.headers.append({ QByteArray("Authorization"), "Bearer " + token_.toLatin1() });
    return r;
}

Result<Challenge> ServiceClient::challenge()
{
    return perform<Challenge>(*exchange_,
        jsonRequest("POST", QStringLiteral("/auth/challenge"), "{}"), { 200 },
        [](const HttpAnswer& a) { return detail::challengeFrom(bodyObject(a)); });
}

Result<LoginOutcome> ServiceClient::certificateLogin(const QJsonObject& request)
{
    auto result = perform<LoginOutcome>(*exchange_,
        jsonRequest("POST", QStringLiteral("/auth/certificate"), compact(request)), { 200 },
        [](const HttpAnswer& a) { return detail::loginOutcomeFrom(bodyObject(a), true); });
    if (result.ok() && !result.value->activationRequired)
        token_ = result.value->session.token;
    return result;
}

Result<LoginOutcome> ServiceClient::activate(
    const QString& activationTicket, const QString& accountOrIdNumber)
{
    const QJsonObject body { { QStringLiteral("activationTicket"), activationTicket },
        { QStringLiteral("accountOrIdNumber"), accountOrIdNumber } };
    auto result = perform<LoginOutcome>(*exchange_,
        jsonRequest("POST", QStringLiteral("/auth/activate"), compact(body)), { 200 },
        [](const HttpAnswer& a) { return detail::loginOutcomeFrom(bodyObject(a), false); });
    if (result.ok())
        token_ = result.value->session.token;
    return result;
}

Result<LoginOutcome> ServiceClient::passwordLogin(const QString& account, const QString& password)
{
    const QJsonObject body { { QStringLiteral("account"), account },
        { QStringLiteral("password"), password } };
    auto result = perform<LoginOutcome>(*exchange_,
        jsonRequest("POST", QStringLiteral("/auth/password"), compact(body)), { 200 },
        [](const HttpAnswer& a) { return detail::loginOutcomeFrom(bodyObject(a), false); });
    if (result.ok())
        token_ = result.value->session.token;
    return result;
}

Result<QJsonObject> ServiceClient::setUpAccount(
    const QString& account, const QString& email, const QString& phone, const QString& password)
{
    QJsonObject body { { QStringLiteral("account"), account }, { QStringLiteral("email"), email },
        { QStringLiteral("password"), password } };
    if (!phone.isEmpty())
        body.insert(QStringLiteral("phone"), phone);
    return perform<QJsonObject>(*exchange_,
        authorised(jsonRequest("PUT", QStringLiteral("/account"), compact(body))), { 200 },
        [](const HttpAnswer& a) { return detail::accountFrom(bodyObject(a)); });
}

Result<QJsonObject> ServiceClient::changeAccount(const AccountChange& change)
{
    QJsonObject body;
    const auto put = [&body](const char* key, const std::optional<QString>& value) {
        if (value)
            body.insert(QLatin1String(key), *value);
    };
    put("email", change.email);
    put("phone", change.phone);
    put("newPassword", change.newPassword);
    put("currentPassword", change.currentPassword);
    return perform<QJsonObject>(*exchange_,
        authorised(jsonRequest("PATCH", QStringLiteral("/account"), compact(body))), { 200 },
        [](const HttpAnswer& a) { return detail::accountFrom(bodyObject(a)); });
}

Result<QJsonObject> ServiceClient::account()
{
    return perform<QJsonObject>(*exchange_, authorised(request("GET", QStringLiteral("/account"))),
        { 200 }, [](const HttpAnswer& a) { return detail::accountFrom(bodyObject(a)); });
}

Result<Empty> ServiceClient::logout()
{
    auto result
        = perform<Empty>(*exchange_, authorised(request("POST", QStringLiteral("/auth/logout"))),
            { 204 }, [](const HttpAnswer&) { return Empty {}; });
    if (result.ok() || result.failure.httpStatus == 401)
        token_.clear();
    return result;
}

Result<VacancyPage> ServiceClient::listVacancies(
    VacancyScope scope, const QString& id, const QString& q, int page, int pageSize)
{
    HttpRequest r = authorised(request("GET", QStringLiteral("/vacancies")));
    r.query.append({ QStringLiteral("scope"),
        scope == VacancyScope::History ? QStringLiteral("history") : QStringLiteral("current") });
    if (!id.isEmpty())
        r.query.append({ QStringLiteral("id"), id });
    if (!q.isEmpty())
        r.query.append({ QStringLiteral("q"), q });
    r.query.append({ QStringLiteral("page"), QString::number(page) });
    r.query.append({ QStringLiteral("pageSize"), QString::number(pageSize) });
    return perform<VacancyPage>(*exchange_, r, { 200 },
        [](const HttpAnswer& a) { return detail::vacancyPageFrom(bodyObject(a)); });
}

Result<VacancyRecord> ServiceClient::getVacancy(const QString& id)
{
    return perform<VacancyRecord>(*exchange_, authorised(request("GET", vacancyPath(id))), { 200 },
        [](const HttpAnswer& a) { return detail::vacancyRecordFrom(bodyObject(a)); });
}

HttpRequest ServiceClient::createRequest(
    const QString& idempotencyKey, const QByteArray& exactBody) const
{
    HttpRequest r = authorised(jsonRequest("POST", QStringLiteral("/vacancies"), exactBody));
    r.headers.append({ QByteArray("Idempotency-Key"), idempotencyKey.toLatin1() });
    return r;
}

Result<CreateOutcome> ServiceClient::createVacancy(
    const QString& idempotencyKey, const QByteArray& exactBody)
{
    return perform<CreateOutcome>(
        *exchange_, createRequest(idempotencyKey, exactBody), { 201 }, createOutcomeFrom);
}

QList<Result<CreateOutcome>> ServiceClient::createVacancies(const QList<VacancyCreate>& creates)
{
    QList<HttpRequest> requests;
    for (const VacancyCreate& create : creates)
        requests.append(createRequest(create.idempotencyKey, create.exactBody));
    QList<Result<HttpAnswer>> sent;
    try {
        sent = exchange_->sendAll(requests);
    } catch (...) {
        sent.clear();
    }
    QList<Result<CreateOutcome>> results;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (i >= sent.size()) {
            results.append(Result<CreateOutcome>::fail(
                badResponse(requests[i], 0, QStringLiteral("unexpected failure"))));
            continue;
        }
        results.append(answerOf<CreateOutcome>(requests[i], sent[i], { 201 }, createOutcomeFrom));
    }
    return results;
}

Result<QList<Result<CreateOutcome>>> ServiceClient::createVacancyBatch(
    const QList<VacancyCreate>& creates)
{
    using Results = QList<Result<CreateOutcome>>;
    const HttpRequest r = authorised(
        jsonRequest("POST", QStringLiteral("/vacancy-batches"), detail::batchBody(creates)));
    Result<Results> sent = perform<Results>(*exchange_, r, { 200 }, [&](const HttpAnswer& a) {
        const QList<HttpAnswer> items = detail::batchAnswers(a, creates.size());
        Results results;
        for (qsizetype i = 0; i < items.size(); ++i) {
            // Each item is read (and logged) as the single POST it stands for.
            HttpRequest single = createRequest(creates[i].idempotencyKey, {});
            single.path += QStringLiteral(" (batch item %1)").arg(i + 1);
            results.append(answerOf<CreateOutcome>(
                single, Result<HttpAnswer>::success(items[i]), { 201 }, createOutcomeFrom));
        }
        return results;
    });
    return sent;
}

Result<VacancyRecord> ServiceClient::replaceVacancy(
    const QString& id, const QString& ifMatchEtag, const QByteArray& exactBody)
{
    HttpRequest r = authorised(jsonRequest("PUT", vacancyPath(id), exactBody));
    r.headers.append({ QByteArray("If-Match"), ifMatchEtag.toLatin1() });
    return perform<VacancyRecord>(*exchange_, r, { 200 },
        [](const HttpAnswer& a) { return detail::vacancyRecordFrom(bodyObject(a)); });
}

Result<DeleteOutcome> ServiceClient::deleteVacancy(const QString& id, const QString& ifMatchEtag)
{
    HttpRequest r = authorised(request("DELETE", vacancyPath(id)));
    r.headers.append({ QByteArray("If-Match"), ifMatchEtag.toLatin1() });
    return perform<DeleteOutcome>(*exchange_, r, { 200, 204 }, [](const HttpAnswer& a) {
        DeleteOutcome outcome;
        if (a.status == 204) {
            outcome.deleted = true;
            outcome.etag = QString::fromLatin1(a.header("ETag"));
        } else {
            outcome.withdrawn = detail::vacancyRecordFrom(bodyObject(a));
            outcome.etag = outcome.withdrawn->etag;
        }
        return outcome;
    });
}

Result<ChangePage> ServiceClient::changes(const QString& cursor, int limit)
{
    HttpRequest r = authorised(request("GET", QStringLiteral("/changes")));
    // Only background sync polls the feed: it must not keep an idle clerk's session alive.
    r.headers.append({ QByteArray("Shiqiuren-Activity"), QByteArray("background") });
    if (!cursor.isEmpty())
        r.query.append({ QStringLiteral("since"), cursor });
    r.query.append({ QStringLiteral("limit"), QString::number(limit) });
    return perform<ChangePage>(*exchange_, r, { 200 },
        [](const HttpAnswer& a) { return detail::changePageFrom(bodyObject(a)); });
}

Result<CodeListsOutcome> ServiceClient::codeLists(const QString& ifNoneMatchEtag)
{
    HttpRequest r = request("GET", QStringLiteral("/reference"));
    if (!ifNoneMatchEtag.isEmpty())
        r.headers.append({ QByteArray("If-None-Match"), ifNoneMatchEtag.toLatin1() });
    return perform<CodeListsOutcome>(*exchange_, r, { 200, 304 }, [&](const HttpAnswer& a) {
        CodeListsOutcome outcome;
        outcome.etag = QString::fromLatin1(a.header("ETag"));
        if (a.status == 304) {
            outcome.notModified = true;
            if (outcome.etag.isEmpty())
                outcome.etag = ifNoneMatchEtag;
            return outcome;
        }
        if (!detail::isSendableTag(outcome.etag))
            throw detail::ShapeError(QStringLiteral("no usable ETag"));
        outcome.bundle = bodyObject(a);
        outcome.lists = core::domain::CodeLists::fromJson(outcome.bundle, outcome.etag);
        return outcome;
    });
}

Result<ApplicationList> ServiceClient::applications(
    const QString& vacancyId, int page, int pageSize)
{
    HttpRequest r
        = authorised(request("GET", vacancyPath(vacancyId) + QStringLiteral("/applications")));
    r.query.append({ QStringLiteral("page"), QString::number(page) });
    r.query.append({ QStringLiteral("pageSize"), QString::number(pageSize) });
    return perform<ApplicationList>(*exchange_, r, { 200 },
        [](const HttpAnswer& a) { return detail::applicationListFrom(bodyObject(a)); });
}

Result<Health> ServiceClient::health()
{
    const HttpRequest r = request("GET", QStringLiteral("/health"));
    Result<Health> result = perform<Health>(*exchange_, r, { 200 }, [](const HttpAnswer& a) {
        Health health = detail::healthFrom(bodyObject(a));
        health.serverTime = httpDate(a.header("Date"));
        return health;
    });
    // 503 with the Health body is an answer too: up, but the database does not answer.
    if (!result.ok() && result.failure.kind == ErrorKind::Http && result.failure.httpStatus == 503
        && result.failure.code.isEmpty()) {
        try {
            return Result<Health>::success(detail::healthFrom(result.failure.body));
        } catch (const std::exception&) {
            // not a Health body: the Http failure stands
        }
    }
    return result;
}

} // namespace core::api
