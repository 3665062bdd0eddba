#include "core/settings/client_settings.hpp"

#include <QSettings>

namespace core::settings {

namespace {
const QString serverUrlKey = QStringLiteral("service/url");
const QString pinKey = QStringLiteral("service/certificateSha256");
const QString originKey = QStringLiteral("service/loginOrigin");
const QString moduleKey = QStringLiteral("card/pkcs11Module");
const QString readerKey = QStringLiteral("card/preferredReader");
const QString logoutKey = QStringLiteral("card/logoutOnRemoval");
const QString languageKey = QStringLiteral("ui/language");
} // namespace

ClientSettings::ClientSettings(QObject* parent)
    : QObject(parent)
    , settings_(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
          QStringLiteral("shiqiuren"), QStringLiteral("shiqiuren")))
    , itDefaults_(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
          QStringLiteral("shiqiuren"), QStringLiteral("shiqiuren")))
{
    // The two files are read apart so that what IT set can be told from what the clerk set.
    settings_->setFallbacksEnabled(false);
}

ClientSettings::ClientSettings(const QString& iniFile, QObject* parent)
    : QObject(parent)
    , settings_(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

ClientSettings::ClientSettings(
    const QString& clerkIniFile, const QString& itDefaultsIniFile, QObject* parent)
    : QObject(parent)
    , settings_(std::make_unique<QSettings>(clerkIniFile, QSettings::IniFormat))
    , itDefaults_(std::make_unique<QSettings>(itDefaultsIniFile, QSettings::IniFormat))
{ }

ClientSettings::~ClientSettings() = default;

QUrl ClientSettings::serverUrl() const
{
    return QUrl(read(serverUrlKey).toString());
}
void ClientSettings::setServerUrl(const QUrl& url)
{
    write(serverUrlKey, url.toString(), QStringLiteral("serverUrl"));
}

QString ClientSettings::pinnedCertificateSha256() const
{
    return read(pinKey).toString();
}
void ClientSettings::setPinnedCertificateSha256(const QString& hex)
{
    write(pinKey, hex.trimmed().toLower(), QStringLiteral("pinnedCertificateSha256"));
}

QString ClientSettings::loginOrigin() const
{
    return read(originKey).toString();
}
void ClientSettings::setLoginOrigin(const QString& origin)
{
    write(originKey, origin, QStringLiteral("loginOrigin"));
}

QString ClientSettings::pkcs11Module() const
{
    return read(moduleKey).toString();
}
void ClientSettings::setPkcs11Module(const QString& path)
{
    write(moduleKey, path, QStringLiteral("pkcs11Module"));
}

QString ClientSettings::preferredReader() const
{
    return read(readerKey).toString();
}
void ClientSettings::setPreferredReader(const QString& reader)
{
    write(readerKey, reader, QStringLiteral("preferredReader"));
}

QString ClientSettings::language() const
{
    return read(languageKey).toString();
}
void ClientSettings::setLanguage(const QString& language)
{
    write(languageKey, language, QStringLiteral("language"));
}

bool ClientSettings::logoutOnCardRemoval() const
{
    return read(logoutKey, true).toBool();
}
void ClientSettings::setLogoutOnCardRemoval(bool on)
{
    write(logoutKey, on, QStringLiteral("logoutOnCardRemoval"));
}

bool ClientSettings::loginOriginSetByIt() const
{
    return !settings_->contains(originKey) && itDefaults_ && itDefaults_->contains(originKey);
}

QVariant ClientSettings::read(const QString& key, const QVariant& fallback) const
{
    if (settings_->contains(key))
        return settings_->value(key);
    if (itDefaults_ && itDefaults_->contains(key))
        return itDefaults_->value(key);
    return fallback;
}

QString ClientSettings::fileName() const
{
    return settings_->fileName();
}
void ClientSettings::sync()
{
    settings_->sync();
}

void ClientSettings::write(const QString& key, const QVariant& value, const QString& signalKey)
{
    if (settings_->value(key) == value)
        return;
    settings_->setValue(key, value);
    emit changed(signalKey);
}

} // namespace core::settings

#include "core/settings/moc_client_settings.cpp"
