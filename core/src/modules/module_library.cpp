#include "core/modules/module_library.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLibrary>
#include <QMutex>
#include <QMutexLocker>

namespace core::modules {

namespace {

QString programDirectory()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath(); // a program without one
}

} // namespace

QStringList candidates(const QString& baseName)
{
    const QString file = QStringLiteral(SHIQIUREN_MODULE_PREFIX) + baseName
        + QStringLiteral(SHIQIUREN_MODULE_SUFFIX);
    const QDir beside(programDirectory());
    return { QDir::cleanPath(beside.filePath(QStringLiteral(SHIQIUREN_MODULE_DIR_FROM_BIN))) + u'/'
        + file };
}

QFunctionPointer resolve(const QStringList& candidates, const char* symbol, QString& why)
{
    static QMutex mutex;
    static QHash<QString, QFunctionPointer> found; // by path and symbol
    const QMutexLocker lock(&mutex);
    QStringList problems;
    for (const QString& path : candidates) {
        const QString key = path + u'#' + QLatin1String(symbol);
        if (const auto known = found.constFind(key); known != found.constEnd())
            return *known;
        // Never unloaded: QLibrary leaves the library loaded when it goes out of scope.
        QLibrary library(path);
        if (!library.load()) {
            problems.append(library.errorString());
            continue;
        }
        const QFunctionPointer entry = library.resolve(symbol);
        if (!entry) {
            problems.append(QStringLiteral("%1 has no %2").arg(path, QLatin1String(symbol)));
            continue;
        }
        found.insert(key, entry);
        return entry;
    }
    why = problems.isEmpty() ? QStringLiteral("nowhere to look") : problems.join(u"; ");
    return nullptr;
}

} // namespace core::modules
