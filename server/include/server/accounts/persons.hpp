#pragma once

#include "server/service_context.hpp"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace server::accounts {

/// One person of the personnel database (公務人力資料庫) as the seed loads it, plus the account
/// the person set up here.
struct Person {
    qint64 id = 0;
    QString idNumber;
    QString name;
    QString agencyCode;
    bool active = false;
    QString account, email, phone, passwordHash;
};

std::optional<Person> findPersonById(const ServiceContext& context, qint64 id);

/// By custom account (any case) or by national ID number (any case), as the login form allows.
std::optional<Person> findPersonByLogin(const ServiceContext& context, const QString& identifier);

/// The agency as the vacancy form fills it in: code, name, address, phone, emailDomain.
/// Empty when the agency is unknown.
QJsonObject agencyJson(const ServiceContext& context, const QString& agencyCode);

/// What the client shows about the caller: never the ID number, never a hash.
QJsonObject accountJson(const ServiceContext& context, const Person& person);

} // namespace server::accounts
