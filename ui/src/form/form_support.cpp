#include "ui/form/form_support.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"

#include <QJsonDocument>
#include <QJsonObject>

namespace ui::form {

using core::domain::CodeLists;
using core::domain::Vacancy;

CodeLists codeListsFor(const core::store::LocalStore* store)
{
    if (!store)
        return CodeLists::builtin();
    try {
        const auto cached = store->syncState().cachedCodeLists();
        if (cached) {
            const QJsonDocument document = QJsonDocument::fromJson(cached->bundle);
            if (document.isObject())
                return CodeLists::fromJson(document.object(), cached->etag);
        }
    } catch (const core::domain::DomainJsonError&) {
        // A cached copy this build cannot read: the shipped lists still work.
    } catch (const core::store::StoreError&) { }
    return CodeLists::builtin();
}

QString emailDomain(const core::session::SessionState& session)
{
    QString domain = session.agency().value(QLatin1String("emailDomain")).toString().trimmed();
    if (domain.startsWith(QLatin1Char('@')))
        domain.remove(0, 1);
    return domain;
}

void fillFromSession(Vacancy& v, const core::session::SessionState& session)
{
    if (!session.loggedIn())
        return;
    const QJsonObject agency = session.agency();
    const QString code = agency.value(QLatin1String("code")).toString();
    // Another agency's record keeps its own details; only an empty one or the login's own
    // agency is completed from the login.
    if (!v.agencyCode.isEmpty() && v.agencyCode.compare(code, Qt::CaseInsensitive) != 0)
        return;
    const auto fill = [](QString& field, const QString& value) {
        if (field.trimmed().isEmpty())
            field = value;
    };
    fill(v.agencyCode, code);
    fill(v.agencyName, agency.value(QLatin1String("name")).toString());
    fill(v.agencyAddress, agency.value(QLatin1String("address")).toString());
    const QJsonObject account = session.info().account;
    fill(v.fillerName, session.personName());
    const QString personalPhone = account.value(QLatin1String("phone")).toString();
    fill(v.fillerPhone,
        personalPhone.isEmpty() ? agency.value(QLatin1String("phone")).toString() : personalPhone);
    // The seed types the name before the agency's own domain: an address elsewhere is not
    // carried over (the clerk types the agency one).
    const QString email = account.value(QLatin1String("email")).toString();
    const QString domain = emailDomain(session);
    if (!domain.isEmpty() && email.endsWith(QLatin1Char('@') + domain, Qt::CaseInsensitive))
        fill(v.fillerEmail, email);
}

Vacancy prefilledVacancy(const core::session::SessionState& session)
{
    Vacancy v;
    fillFromSession(v, session);
    return v;
}

bool agencyFromLogin(const Vacancy& v, const core::session::SessionState* session)
{
    if (!session || !session->loggedIn() || v.agencyCode.isEmpty())
        return false;
    const QString code = session->agency().value(QLatin1String("code")).toString();
    return v.agencyCode.compare(code, Qt::CaseInsensitive) == 0;
}

} // namespace ui::form
