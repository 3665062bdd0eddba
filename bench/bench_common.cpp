#include "bench_common.hpp"

#include <QFile>
#include <cstdio>
#include <cstdlib>

namespace bench {

void (*beforeExit)() = nullptr;

void die(const QString& message)
{
    std::fprintf(stderr, "bench-store: %s\n", qPrintable(message));
    if (beforeExit)
        beforeExit();
    std::exit(1);
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

} // namespace bench
