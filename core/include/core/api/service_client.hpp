#pragma once

#include "core/api/application_types.hpp"
#include "core/api/login_types.hpp"
#include "core/api/reference_types.hpp"
#include "core/api/result.hpp"
#include "core/api/service_config.hpp"
#include "core/api/vacancy_types.hpp"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace core::api {

namespace detail {
class HttpExchange;
struct HttpRequest;
} // namespace detail

/// The client of the central service (docs/api/openapi.yaml), one method per route.
///
/// Every call BLOCKS until the answer, a failure or ServiceConfig::timeout: it runs a local
/// event loop, so it works in any thread, also one without an event loop of its own (the sync
/// engine's worker) — but do not call it from the GUI thread. Use one client from one thread at
/// a time: its connections belong to the thread that called it first (a call from another
/// thread opens new ones). Nothing throws; every outcome is a Result.
///
/// A successful login (certificateLogin with a session, activate, passwordLogin) makes its
/// token this client's session; logout() forgets it. The token lives only in memory and is
/// never logged (category `shiqiuren.api`: method, path, status, duration — no query strings,
/// headers or bodies).
class ServiceClient {
public:
    explicit ServiceClient(ServiceConfig config);
    ~ServiceClient();
    ServiceClient(const ServiceClient&) = delete;
    ServiceClient& operator=(const ServiceClient&) = delete;

    const ServiceConfig& config() const { return config_; }

    /// The bearer token for the routes that need a session.
    void setSessionToken(const QString& token);
    void clearSession();
    bool hasSession() const { return !token_.isEmpty(); }

    // Login (public routes: no token is sent).

    /// `POST /auth/challenge`.
    Result<Challenge> challenge();
    /// `POST /auth/certificate` with `request` as built by core::auth::certificateLoginRequest.
    /// A session, or activationRequired with the ticket for activate().
    Result<LoginOutcome> certificateLogin(const QJsonObject& request);
    /// `POST /auth/activate` (首次啟用): the clerk's custom account or national ID number.
    Result<LoginOutcome> activate(
        const QString& activationTicket, const QString& accountOrIdNumber);
    /// `POST /auth/password`.
    Result<LoginOutcome> passwordLogin(const QString& account, const QString& password);

    // Account (session routes).

    /// `PUT /account`, once after the first card login. An empty `phone` is not sent.
    Result<QJsonObject> setUpAccount(const QString& account, const QString& email,
        const QString& phone, const QString& password);
    /// `PATCH /account`.
    Result<QJsonObject> changeAccount(const AccountChange& change);
    /// `GET /account`: the person's Account, or the agency for an agency certificate's session.
    Result<QJsonObject> account();
    /// `POST /auth/logout`. The token is forgotten when the server ends the session, and also
    /// when it answers 401 (the session was gone already).
    Result<Empty> logout();

    // Vacancies.

    /// `GET /vacancies`. `id` and `q` are sent only when not empty.
    Result<VacancyPage> listVacancies(VacancyScope scope = VacancyScope::Current,
        const QString& id = {}, const QString& q = {}, int page = 1, int pageSize = 20);
    /// `GET /vacancies/{id}`.
    Result<VacancyRecord> getVacancy(const QString& id);
    /// `POST /vacancies`: `exactBody` (a Vacancy's JSON) goes out byte for byte. Resending the
    /// same bytes with the same key answers the stored record (`replayed`).
    Result<CreateOutcome> createVacancy(const QString& idempotencyKey, const QByteArray& exactBody);
    /// Several createVacancy() calls with their requests on the wire together (the sync
    /// engine's pipeline); the results in the order of `creates`, each as createVacancy()
    /// would give it.
    QList<Result<CreateOutcome>> createVacancies(const QList<VacancyCreate>& creates);
    /// `POST /vacancy-batches`: the creates in one request (at most maxBatchCreates), each
    /// `exactBody` embedded byte for byte as its item's `vacancy`. Ok: one result per create,
    /// each as createVacancy() would give it. A failure is the whole request's (404/405 from a
    /// server without the route; 401, 403, 5xx, no answer): no item's outcome is known then.
    Result<QList<Result<CreateOutcome>>> createVacancyBatch(const QList<VacancyCreate>& creates);
    /// The most creates createVacancyBatch() may send at once (the contract's limit).
    static constexpr int maxBatchCreates = 100;
    /// `PUT /vacancies/{id}` with `If-Match`; `exactBody` byte for byte.
    Result<VacancyRecord> replaceVacancy(
        const QString& id, const QString& ifMatchEtag, const QByteArray& exactBody);
    /// `DELETE /vacancies/{id}` with `If-Match`: withdrawn (the record) or deleted.
    Result<DeleteOutcome> deleteVacancy(const QString& id, const QString& ifMatchEtag);
    /// `GET /changes?since=&limit=`; an empty cursor starts from the beginning. Sent as
    /// background work (`Shiqiuren-Activity: background`): it does not keep the session alive.
    Result<ChangePage> changes(const QString& cursor = {}, int limit = 100);

    // 調閱履歷.

    /// `GET /vacancies/{id}/applications`: the applicants with the sections the vacancy opens
    /// (403 resume-access-disabled when it does not use 調閱履歷, 404 not-found).
    Result<ApplicationList> applications(const QString& vacancyId, int page = 1, int pageSize = 20);

    // Public reference data.

    /// `GET /reference` with `If-None-Match` when `ifNoneMatchEtag` is not empty.
    Result<CodeListsOutcome> codeLists(const QString& ifNoneMatchEtag = {});
    /// `GET /health`.
    Result<Health> health();

private:
    detail::HttpRequest authorised(detail::HttpRequest request) const;
    detail::HttpRequest createRequest(
        const QString& idempotencyKey, const QByteArray& exactBody) const;

    ServiceConfig config_;
    QString token_;
    std::unique_ptr<detail::HttpExchange> exchange_;
};

} // namespace core::api
