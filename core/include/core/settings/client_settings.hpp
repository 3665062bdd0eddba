#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <QVariant>
#include <memory>

class QSettings;

namespace core::settings {

/// The client's settings (設定): where the service is, how to reach the card, the language.
/// Kept with QSettings: per user in ~/.config/shiqiuren/shiqiuren.conf, with defaults an IT
/// administrator can put in /etc/xdg/shiqiuren/shiqiuren.conf. Never holds a secret.
class ClientSettings : public QObject {
    Q_OBJECT
public:
    /// The user's settings (QSettings' native place for organisation and application
    /// "shiqiuren").
    explicit ClientSettings(QObject* parent = nullptr);
    /// An INI file of its own (tests, `--settings FILE`).
    explicit ClientSettings(const QString& iniFile, QObject* parent = nullptr);
    /// The clerk's INI file over IT's defaults in another (tests of where a value came from).
    ClientSettings(
        const QString& clerkIniFile, const QString& itDefaultsIniFile, QObject* parent = nullptr);
    ~ClientSettings() override;

    /// The central service's origin; empty until configured (`--server` overrides it).
    QUrl serverUrl() const;
    void setServerUrl(const QUrl& url);
    /// SHA-256 of the service's certificate, 64 hex digits; empty = the system's CA store.
    QString pinnedCertificateSha256() const;
    void setPinnedCertificateSha256(const QString& hex);
    /// The card vendor's PKCS#11 module for HiCOS cards; empty = look in the usual places.
    /// The origin card logins are signed for ("https://host[:port]"), when the service's public
    /// address differs from serverUrl (a proxy in between); empty: serverUrl's own origin.
    QString loginOrigin() const;
    void setLoginOrigin(const QString& origin);
    /// The loginOrigin comes from IT's defaults file, not from the clerk's own settings: only
    /// then may it differ from serverUrl's origin without the clerk confirming it.
    bool loginOriginSetByIt() const;

    QString pkcs11Module() const;
    void setPkcs11Module(const QString& path);
    /// The reader to use when several hold a card; empty = the first with a card.
    QString preferredReader() const;
    void setPreferredReader(const QString& reader);
    /// "zh_TW" or "en"; empty = from the environment (core::i18n::languageFromEnvironment).
    QString language() const;
    void setLanguage(const QString& language);
    /// Removing the card ends a card session (default on).
    bool logoutOnCardRemoval() const;
    void setLogoutOnCardRemoval(bool on);

    /// Where the settings are kept (for the environment check and support).
    QString fileName() const;
    void sync();

signals:
    /// `key` is the setter's name without "set", lower camel case: "serverUrl", "language", …
    void changed(const QString& key);

private:
    void write(const QString& key, const QVariant& value, const QString& signalKey);
    /// The clerk's value, else IT's default, else `fallback`.
    QVariant read(const QString& key, const QVariant& fallback = {}) const;

    std::unique_ptr<QSettings> settings_; ///< the clerk's own (written to)
    std::unique_ptr<QSettings> itDefaults_; ///< IT's defaults (/etc/xdg/…); none for `--settings`
};

} // namespace core::settings
