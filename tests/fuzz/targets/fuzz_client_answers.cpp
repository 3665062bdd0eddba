// The service's answers as the client reads them: every success shape of the contract (challenge,
// session, account, a vacancy record, a page of the list, the change feed, the 調閱履歷 list, the
// health answer) and the server's code-list bundle. Each reader either returns a value or throws
// its ShapeError / DomainJsonError; nothing else may happen, whatever the bytes.
#include "answers.hpp"
#include "application_answers.hpp"
#include "core/api/vacancy_record_json.hpp"
#include "core/domain/code_lists.hpp"
#include "core/domain/domain_json_error.hpp"
#include "json_shapes.hpp"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace {

using core::api::detail::ShapeError;

template <typename Read> void tryRead(Read read)
{
    try {
        read();
    } catch (const ShapeError&) {
    } catch (const core::domain::DomainJsonError&) { }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace api = core::api::detail;
    QJsonObject body;
    try {
        body = api::jsonObject(QByteArray::fromRawData(
            reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    } catch (const ShapeError&) {
        return 0;
    }
    tryRead([&] { (void)api::challengeFrom(body); });
    tryRead([&] { (void)api::loginOutcomeFrom(body, true); });
    tryRead([&] { (void)api::accountFrom(body); });
    tryRead([&] { (void)api::vacancyRecordFrom(body); });
    tryRead([&] { (void)api::vacancyPageFrom(body); });
    tryRead([&] { (void)api::changePageFrom(body); });
    tryRead([&] { (void)api::healthFrom(body); });
    tryRead([&] { (void)api::applicationListFrom(body); });
    (void)core::api::vacancyRecordFromJson(body); // documented never to throw
    tryRead([&] { (void)core::domain::CodeLists::fromJson(body, QStringLiteral("\"1\"")); });
    return 0;
}
