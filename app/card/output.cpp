#include "output.hpp"

#include <cstdio>

namespace card_cli {

namespace {
void write(std::FILE* stream, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stream);
    std::fflush(stream);
}
} // namespace

void printOut(const QString& text)
{
    write(stdout, text);
}

void printErr(const QString& text)
{
    write(stderr, text);
}

void printJson(const QJsonDocument& document)
{
    write(stdout, QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}

} // namespace card_cli
