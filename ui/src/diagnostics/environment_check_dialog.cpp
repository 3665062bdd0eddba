#include "ui/diagnostics/environment_check_dialog.hpp"

#include "core/api/http_wire.hpp"
#include "core/diagnostics/environment_check.hpp"
#include "core/session/service_runner.hpp"
#include "core/settings/client_settings.hpp"
#include "ui/preview/print_module.hpp"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using core::diagnostics::CheckId;
using core::diagnostics::CheckResult;
using core::diagnostics::CheckStatus;

namespace {

QString statusColour(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Ok:
        return QStringLiteral("color: #1b7a1b; font-weight: bold;");
    case CheckStatus::Warning:
        return QStringLiteral("color: #a66b00; font-weight: bold;");
    case CheckStatus::Failed:
        return QStringLiteral("color: #a11; font-weight: bold;");
    case CheckStatus::Pending:
    case CheckStatus::Running:
    case CheckStatus::Skipped:
        break;
    }
    return QStringLiteral("color: #555;");
}

} // namespace

EnvironmentCheckDialog::EnvironmentCheckDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , check_(new core::diagnostics::EnvironmentCheck(this))
    , intro_(new QLabel(this))
    , rerun_(new QPushButton(this))
    , copy_(new QPushButton(this))
    , close_(new QPushButton(this))
    , copied_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
    auto* grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    int line = 0;
    for (const CheckId id : core::diagnostics::allChecks()) {
        Row row;
        row.title = new QLabel(this);
        row.title->setStyleSheet(QStringLiteral("font-weight: bold;"));
        row.status = new QLabel(this);
        row.found = new QLabel(this);
        row.advice = new QLabel(this);
        for (QLabel* label : { row.found, row.advice }) {
            label->setWordWrap(true);
            label->setTextFormat(Qt::PlainText);
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        }
        grid->addWidget(row.title, line, 0, Qt::AlignTop);
        grid->addWidget(row.status, line, 1, Qt::AlignTop);
        grid->addWidget(row.found, line, 2);
        grid->addWidget(row.advice, line + 1, 2);
        line += 2;
        rows_.insert(id, row);
    }
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addWidget(copied_);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(rerun_, QDialogButtonBox::ActionRole);
    buttons->addButton(copy_, QDialogButtonBox::ActionRole);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    resize(760, 520);

    connect(check_, &core::diagnostics::EnvironmentCheck::checkUpdated, this,
        &EnvironmentCheckDialog::showResult);
    connect(check_, &core::diagnostics::EnvironmentCheck::started, this,
        [this] { rerun_->setEnabled(false); });
    connect(check_, &core::diagnostics::EnvironmentCheck::finished, this,
        [this] { rerun_->setEnabled(true); });
    connect(rerun_, &QPushButton::clicked, this, &EnvironmentCheckDialog::rerun);
    connect(copy_, &QPushButton::clicked, this, &EnvironmentCheckDialog::copyReport);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);
    retranslate();
    rerun();
}

EnvironmentCheckDialog::~EnvironmentCheckDialog() = default;

void EnvironmentCheckDialog::rerun()
{
    core::diagnostics::EnvironmentCheckOptions options;
    options.modules = {
        { core::diagnostics::ProgramPart::Network, QLatin1String(core::api::wire::moduleName),
            QByteArray(core::api::wire::createWireSymbol) },
        { core::diagnostics::ProgramPart::Printing, QLatin1String(print::moduleName),
            QByteArray(print::openDialogSymbol) },
    };
    if (context_.settings)
        options.pkcs11Module = context_.settings->pkcs11Module();
    if (context_.service)
        options.service = context_.service->config();
    else if (context_.settings)
        options.service.baseUrl = context_.settings->serverUrl();
    check_->setOptions(options);
    copied_->clear();
    if (check_->start())
        for (const CheckResult& result : check_->results())
            showResult(result);
}

QString EnvironmentCheckDialog::reportText() const
{
    return core::diagnostics::supportReport(check_->results());
}

QLabel* EnvironmentCheckDialog::statusLabel(CheckId id) const
{
    return rows_.value(id).status;
}
QLabel* EnvironmentCheckDialog::foundLabel(CheckId id) const
{
    return rows_.value(id).found;
}
QLabel* EnvironmentCheckDialog::adviceLabel(CheckId id) const
{
    return rows_.value(id).advice;
}

void EnvironmentCheckDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void EnvironmentCheckDialog::retranslate()
{
    setWindowTitle(tr("環境檢測"));
    intro_->setText(tr("檢查這台電腦能否以憑證卡登入人事服務網。有問題的項目會說明處理方式；"
                       "需要資訊人員協助時，請按「複製結果」後貼給他們。"));
    rerun_->setText(tr("重新檢測"));
    copy_->setText(tr("複製結果"));
    close_->setText(tr("關閉"));
    if (!copied_->text().isEmpty())
        copied_->setText(tr("檢測結果已複製。"));
    // The results' words come from core in the language of now.
    for (const CheckResult& result : check_->results())
        showResult(result);
}

void EnvironmentCheckDialog::showResult(const CheckResult& result)
{
    const Row row = rows_.value(result.id);
    if (!row.title)
        return;
    row.title->setText(core::diagnostics::checkTitle(result.id));
    row.status->setText(core::diagnostics::statusText(result.status));
    row.status->setStyleSheet(statusColour(result.status));
    row.found->setText(core::diagnostics::findingText(result));
    const QString advice = core::diagnostics::adviceText(result);
    row.advice->setText(advice.isEmpty() ? QString() : tr("處理方式：%1").arg(advice));
    row.advice->setVisible(!advice.isEmpty());
}

void EnvironmentCheckDialog::copyReport()
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(reportText());
    copied_->setText(tr("檢測結果已複製。"));
}

} // namespace ui

#include "ui/diagnostics/moc_environment_check_dialog.cpp"
