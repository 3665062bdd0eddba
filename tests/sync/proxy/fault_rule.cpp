// FaultRule: the builders the tests chain, request matching, and the command-line form the
// fault-proxy program reads.
#include "fault_proxy.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace synctest {

FaultRule FaultRule::respond(int status, QByteArray body, HeaderList headers)
{
    return {
        .kind = Respond, .status = status, .body = std::move(body), .headers = std::move(headers)
    };
}

FaultRule FaultRule::respondError(int status, const QString& code, HeaderList headers)
{
    const QJsonObject body { { "error", code },
        { "message", QStringLiteral("injected by the fault proxy") } };
    return respond(status, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(headers));
}

FaultRule FaultRule::respondAfterForward(int status, QByteArray body, HeaderList headers)
{
    return { .kind = RespondAfterForward,
        .status = status,
        .body = std::move(body),
        .headers = std::move(headers) };
}

FaultRule FaultRule::on(QByteArray onMethod, QString onPathPrefix) const
{
    FaultRule copy = *this;
    copy.method = std::move(onMethod);
    copy.pathPrefix = std::move(onPathPrefix);
    return copy;
}

FaultRule FaultRule::times(int n) const
{
    FaultRule copy = *this;
    copy.count = n;
    return copy;
}

FaultRule FaultRule::afterSkipping(int n) const
{
    FaultRule copy = *this;
    copy.skip = n;
    return copy;
}

FaultRule FaultRule::delayedBy(int ms) const
{
    FaultRule copy = *this;
    copy.delayMs = ms;
    return copy;
}

bool FaultRule::matches(const QByteArray& requestMethod, const QString& path) const
{
    return (method.isEmpty() || method == requestMethod)
        && (pathPrefix.isEmpty() || path.startsWith(pathPrefix));
}

QString FaultRule::kindName(Kind kind)
{
    switch (kind) {
    case Pass:
        return QStringLiteral("pass");
    case DropBeforeForward:
        return QStringLiteral("drop-before");
    case DropAfterForward:
        return QStringLiteral("drop-after");
    case CutResponse:
        return QStringLiteral("cut");
    case Delay:
        return QStringLiteral("delay");
    case Respond:
        return QStringLiteral("respond");
    case RespondAfterForward:
        return QStringLiteral("respond-after");
    }
    return QStringLiteral("?");
}

std::optional<FaultRule> FaultRule::parse(const QString& spec, QString* error)
{
    const auto fail = [error](const QString& message) -> std::optional<FaultRule> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString head = spec.trimmed();
    FaultRule rule;
    if (const qsizetype at = head.indexOf(QLatin1String(",body=")); at >= 0) {
        rule.body = head.mid(at + 6).toUtf8();
        head.truncate(at);
    }
    const QStringList parts = head.split(QLatin1Char(','));
    const auto number = [](const QString& text, int& out) {
        bool ok = false;
        out = text.toInt(&ok);
        return ok && out >= -1;
    };
    const QString first = parts.first();
    const QString kindText = first.section(QLatin1Char('='), 0, 0).trimmed();
    const QString argument = first.section(QLatin1Char('='), 1);
    bool found = false;
    for (const Kind kind : { Pass, DropBeforeForward, DropAfterForward, CutResponse, Delay, Respond,
             RespondAfterForward })
        if (kindName(kind) == kindText) {
            rule.kind = kind;
            found = true;
        }
    if (!found)
        return fail(QStringLiteral("unknown fault kind \"%1\"").arg(kindText));
    const bool needsArgument = rule.kind == CutResponse || rule.kind == Delay
        || rule.kind == Respond || rule.kind == RespondAfterForward;
    if (needsArgument != !argument.isEmpty())
        return fail(needsArgument ? QStringLiteral("%1 needs =N").arg(kindText)
                                  : QStringLiteral("%1 takes no =argument").arg(kindText));
    int value = 0;
    if (needsArgument && (!number(argument, value) || value < 0))
        return fail(QStringLiteral("bad number \"%1\"").arg(argument));
    if (rule.kind == CutResponse)
        rule.cutBytes = value;
    else if (rule.kind == Delay)
        rule.delayMs = value;
    else if (needsArgument)
        rule.status = value;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString key = parts[i].section(QLatin1Char('='), 0, 0).trimmed();
        const QString text = parts[i].section(QLatin1Char('='), 1);
        if (key == QLatin1String("count") && number(text, rule.count))
            continue;
        if (key == QLatin1String("skip") && number(text, rule.skip) && rule.skip >= 0)
            continue;
        if (key == QLatin1String("delay") && number(text, rule.delayMs) && rule.delayMs >= 0)
            continue;
        if (key == QLatin1String("method") && !text.isEmpty()) {
            rule.method = text.toLatin1();
            continue;
        }
        if (key == QLatin1String("path") && !text.isEmpty()) {
            rule.pathPrefix = text;
            continue;
        }
        if (key == QLatin1String("header") && text.indexOf(QLatin1Char(':')) > 0) {
            rule.headers.append({ text.section(QLatin1Char(':'), 0, 0).trimmed().toLatin1(),
                text.section(QLatin1Char(':'), 1).trimmed().toUtf8() });
            continue;
        }
        return fail(QStringLiteral("bad option \"%1\"").arg(parts[i]));
    }
    return rule;
}

} // namespace synctest
