#include "server/app/config_file.hpp"

#include "server/app/server_config.hpp"

#include <QFile>
#include <QRegularExpression>

namespace server::app {
namespace {

[[noreturn]] void failAt(const QString& path, int line, const QString& problem)
{
    throw ConfigError(QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(problem).toStdString());
}

} // namespace

std::vector<ConfigFileEntry> readConfigFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw ConfigError(QStringLiteral("%1: cannot read the configuration file: %2")
                              .arg(path, file.errorString())
                              .toStdString());
    // Keys are long option names: lower-case words joined by '-'.
    static const QRegularExpression keyShape(QStringLiteral("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"));
    std::vector<ConfigFileEntry> entries;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            failAt(path, lineNumber, QStringLiteral("expected \"key = value\" or a # comment"));
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key.startsWith(QLatin1String("--")))
            failAt(path, lineNumber, QStringLiteral("write the key without the leading --"));
        if (!keyShape.match(key).hasMatch())
            failAt(path, lineNumber,
                QStringLiteral("expected \"key = value\" with a key such as db or tls-cert"));
        if (value.isEmpty())
            failAt(path, lineNumber, QStringLiteral("%1 needs a value").arg(key));
        entries.push_back({ key, value, lineNumber });
    }
    return entries;
}

} // namespace server::app
