// The server's configuration: the input as a `--config` file (read line by line, then applied
// through the option table as the command line is) and as a `--db` database URL. Problems must
// come out as ConfigError / DatabaseUrlError, and the URL's log form must never show the password.
#include "server/app/config_file.hpp"
#include "server/app/server_config.hpp"
#include "server/storage/database_url.hpp"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace {

/// The file the config readers open: an in-memory file (memfd) rewritten for every input, opened
/// again through /proc by path as the server opens its --config file.
int configFile()
{
    static const int fd = memfd_create("fuzz-server-config", 0);
    if (fd < 0)
        std::abort();
    return fd;
}

const QString& configPath()
{
    static const QString path = QStringLiteral("/proc/self/fd/%1").arg(configFile());
    return path;
}

void writeConfig(const QByteArray& text)
{
    if (ftruncate(configFile(), 0) != 0
        || pwrite(configFile(), text.constData(), static_cast<std::size_t>(text.size()), 0)
            != text.size())
        std::abort();
}

void readDatabaseUrl(const QString& spec)
{
    try {
        const auto target = server::storage::parseDatabaseTarget(spec);
        const QString shown = server::storage::describeForLog(target);
        if (!target.password.isEmpty() && shown.contains(u':' + target.password + u'@'))
            std::abort();
    } catch (const server::storage::DatabaseUrlError&) { }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    readDatabaseUrl(QString::fromUtf8(text));

    writeConfig(text);
    try {
        for (const auto& entry : server::app::readConfigFile(configPath()))
            if (entry.key == QLatin1String("db"))
                readDatabaseUrl(entry.value);
    } catch (const server::app::ConfigError&) { }
    try {
        (void)server::app::parseServerConfig({ QStringLiteral("--config"), configPath() });
    } catch (const server::app::ConfigError&) { }
    return 0;
}
