// A vacancy as JSON, the way the client's drafts, the server's bodies and the stored records are
// read: the strict reader, the form's rules over what it accepted, and the writer. What the reader
// accepts must survive a write and a second read unchanged, and the rules must never throw.
#include "core/domain/code_lists.hpp"
#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/domain/vacancy_rules.hpp"

#include <QByteArray>
#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!document.isObject())
        return 0;
    core::domain::Vacancy vacancy;
    try {
        vacancy = core::domain::vacancyFromJson(document.object());
    } catch (const core::domain::DomainJsonError&) {
        return 0;
    }
    const auto& codes = core::domain::CodeLists::builtin();
    (void)core::domain::validate(vacancy, codes, QDate(2026, 3, 1));
    (void)core::domain::requiredFields(vacancy);
    // The writer's output is what the client stores and sends: it must read back as the same
    // record.
    const QJsonObject written = core::domain::toJson(vacancy);
    try {
        if (!(core::domain::vacancyFromJson(written) == vacancy))
            std::abort();
    } catch (const core::domain::DomainJsonError&) {
        std::abort();
    }
    return 0;
}
