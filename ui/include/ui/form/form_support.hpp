#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QList>
#include <QString>

namespace core::store {
class LocalStore;
}
namespace core::session {
class SessionState;
}

namespace ui::form {

/// The code lists the form offers: the server's copy cached in the store when there is one that
/// parses, else the built-in lists.
core::domain::CodeLists codeListsFor(const core::store::LocalStore* store);

/// A new vacancy with what the login knows: the agency (code, name, address) and the filler
/// (name, phone, e-mail when it is in the agency's domain).
core::domain::Vacancy prefilledVacancy(const core::session::SessionState& session);

/// The agencies the login posts for, as 徵才機關 offers them: its own first (name and address
/// from the login), then its units from the register in `codes` (the cached bundle, so this
/// works offline). Empty when nobody is logged in.
QList<core::domain::Agency> agencyChoices(
    const core::session::SessionState* session, const core::domain::CodeLists& codes);

/// Completes the empty agency and filler fields of `vacancy` from the login (a record drafted
/// offline, then opened after a login): the agency it names when that is one of
/// agencyChoices, else the login's own. Nothing when nobody is logged in or the record is
/// another agency's.
void fillFromSession(core::domain::Vacancy& vacancy, const core::session::SessionState& session,
    const core::domain::CodeLists& codes);

/// Whether the record's agency is one of agencyChoices: then it is chosen, not typed.
bool agencyFromLogin(const core::domain::Vacancy& vacancy,
    const core::session::SessionState* session, const core::domain::CodeLists& codes);

/// The agency's e-mail domain from the login, without the 「@」; empty when unknown.
QString emailDomain(const core::session::SessionState& session);

} // namespace ui::form
