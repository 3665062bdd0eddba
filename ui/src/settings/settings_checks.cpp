#include "ui/settings/settings_checks.hpp"

#include "core/api/service_config.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ui {

ServerUrlProblem checkServerUrl(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return ServerUrlProblem::Empty;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return ServerUrlProblem::NotAnAddress;
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return ServerUrlProblem::ExtraParts;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return ServerUrlProblem::None;
    if (scheme == QLatin1String("http") && core::api::isLoopbackHost(url.host()))
        return ServerUrlProblem::None;
    return ServerUrlProblem::NotHttps;
}

QUrl normalizedServerUrl(const QString& text)
{
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    return QUrl(trimmed, QUrl::StrictMode);
}

QString serverUrlProblemText(ServerUrlProblem problem)
{
    switch (problem) {
    case ServerUrlProblem::None:
        return {};
    case ServerUrlProblem::Empty:
        return QCoreApplication::translate("ui::SettingsDialog", "請輸入伺服器網址。");
    case ServerUrlProblem::NotAnAddress:
        return QCoreApplication::translate(
            "ui::SettingsDialog", "這不是網址，請輸入像 https://ecpa.example.gov.tw 的網址。");
    case ServerUrlProblem::NotHttps:
        return QCoreApplication::translate("ui::SettingsDialog",
            "網址必須以 https:// 開頭（http:// 只能用於本機 localhost 或 127.0.0.1）。");
    case ServerUrlProblem::ExtraParts:
        return QCoreApplication::translate(
            "ui::SettingsDialog", "網址中不可含帳號、密碼、查詢字串（?）或錨點（#）。");
    }
    return {};
}

std::optional<QString> normalizedLoginOrigin(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    if (checkServerUrl(trimmed) != ServerUrlProblem::None)
        return std::nullopt;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    QString origin = scheme + QStringLiteral("://") + url.host().toLower();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        origin += QLatin1Char(':') + QString::number(url.port());
    return origin;
}

std::optional<QString> normalizedCertificatePin(const QString& text)
{
    QString digits = text.trimmed().toLower();
    digits.remove(u':');
    digits.remove(u' ');
    if (digits.isEmpty())
        return QString();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(digits).hasMatch())
        return std::nullopt;
    return digits;
}

} // namespace ui
