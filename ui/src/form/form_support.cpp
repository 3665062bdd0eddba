#include "ui/form/form_support.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

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

namespace {

std::optional<core::domain::Agency> choiceFor(
    const QList<core::domain::Agency>& choices, const QString& code)
{
    for (const core::domain::Agency& agency : choices)
        if (agency.code.compare(code, Qt::CaseInsensitive) == 0)
            return agency;
    return std::nullopt;
}

} // namespace

QList<core::domain::Agency> agencyChoices(
    const core::session::SessionState* session, const CodeLists& codes)
{
    if (!session || !session->loggedIn())
        return {};
    const QJsonObject own = session->agency();
    const QString code = own.value(QLatin1String("code")).toString().trimmed();
    if (code.isEmpty())
        return {};
    QList<core::domain::Agency> choices { { code, own.value(QLatin1String("name")).toString(),
        own.value(QLatin1String("address")).toString(), QString() } };
    choices += codes.unitsOf(code);
    return choices;
}

void fillFromSession(Vacancy& v, const core::session::SessionState& session, const CodeLists& codes)
{
    const QList<core::domain::Agency> choices = agencyChoices(&session, codes);
    if (choices.isEmpty())
        return;
    // Another agency's record keeps its own details; only an empty one or one of the login's
    // agencies is completed from the login.
    const std::optional<core::domain::Agency> chosen
        = v.agencyCode.isEmpty() ? choices.first() : choiceFor(choices, v.agencyCode);
    if (!chosen)
        return;
    const QJsonObject agency = session.agency();
    const auto fill = [](QString& field, const QString& value) {
        if (field.trimmed().isEmpty())
            field = value;
    };
    fill(v.agencyCode, chosen->code);
    fill(v.agencyName, chosen->name);
    fill(v.agencyAddress, chosen->address);
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
    // A new vacancy starts as the login's own agency's; the units are chosen on the form.
    fillFromSession(v, session, CodeLists::builtin());
    return v;
}

bool agencyFromLogin(
    const Vacancy& v, const core::session::SessionState* session, const CodeLists& codes)
{
    return !v.agencyCode.isEmpty() && choiceFor(agencyChoices(session, codes), v.agencyCode);
}

} // namespace ui::form
