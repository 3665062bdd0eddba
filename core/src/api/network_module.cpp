#include "network_module.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLibrary>
#include <QMutex>
#include <QMutexLocker>

namespace core::api::detail {

namespace {

QString programDirectory()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath(); // a program without one
}

/// The entry point of the first candidate that loads. A module that loaded once is not
/// loaded again (and never unloaded: QLibrary leaves it loaded when it goes out of scope).
wire::CreateWire entryPoint(const QStringList& candidates, QString& why)
{
    static QMutex mutex;
    static QHash<QString, wire::CreateWire> loaded;
    QMutexLocker lock(&mutex);
    QStringList problems;
    for (const QString& path : candidates) {
        if (const auto known = loaded.constFind(path); known != loaded.constEnd())
            return *known;
        QLibrary library(path);
        if (!library.load()) {
            problems.append(library.errorString());
            continue;
        }
        const auto found
            = reinterpret_cast<wire::CreateWire>(library.resolve(wire::createWireSymbol));
        if (!found) {
            problems.append(
                QStringLiteral("%1 has no %2").arg(path, QLatin1String(wire::createWireSymbol)));
            continue;
        }
        loaded.insert(path, found);
        return found;
    }
    why = QStringLiteral("the network module could not be loaded: %1")
              .arg(problems.isEmpty() ? QStringLiteral("nowhere to look")
                                      : problems.join(QStringLiteral("; ")));
    return nullptr;
}

} // namespace

QStringList networkModuleCandidates()
{
    const QString name = QStringLiteral(SHIQIUREN_NETWORK_MODULE_NAME);
    const QDir beside(programDirectory());
    return { QDir::cleanPath(beside.filePath(QStringLiteral(SHIQIUREN_NETWORK_MODULE_FROM_BIN)))
        + u'/' + name };
}

std::unique_ptr<wire::Wire> openWire(
    const wire::Settings& settings, const QStringList& candidates, QString& why)
{
    const wire::CreateWire create = entryPoint(candidates, why);
    if (!create)
        return nullptr;
    std::unique_ptr<wire::Wire> made(create(wire::interfaceVersion, settings));
    if (!made)
        why = QStringLiteral("the network module is of another version than this program");
    return made;
}

} // namespace core::api::detail
