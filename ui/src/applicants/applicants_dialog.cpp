#include "ui/applicants/applicants_dialog.hpp"

#include "core/api/service_client.hpp"
#include "core/domain/roc_date.hpp"
#include "core/session/service_runner.hpp"
#include "ui/account/account_messages.hpp"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ui {

using core::api::ApplicationList;
using core::api::Result;
using core::api::ServiceClient;

namespace {
constexpr int pageSize = 20;
}

ApplicantsDialog::ApplicantsDialog(AppContext& context, const QString& serverId, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , vacancyId_(serverId)
    , heading_(new QLabel(this))
    , sectionsLabel_(new QLabel(this))
    , list_(new QListWidget(this))
    , resume_(new QTextBrowser(this))
    , message_(new QLabel(this))
    , previous_(new QPushButton(this))
    , next_(new QPushButton(this))
    , pageLabel_(new QLabel(this))
    , close_(new QPushButton(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    sectionsLabel_->setWordWrap(true);
    layout->addWidget(sectionsLabel_);
    message_->setWordWrap(true);
    layout->addWidget(message_);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(list_);
    splitter->addWidget(resume_);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    auto* paging = new QHBoxLayout;
    paging->addWidget(previous_);
    paging->addWidget(pageLabel_);
    paging->addWidget(next_);
    paging->addStretch(1);
    layout->addLayout(paging);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    resume_->setOpenLinks(false);
    resize(820, 560);

    connect(list_, &QListWidget::currentRowChanged, this, &ApplicantsDialog::showApplicant);
    connect(previous_, &QPushButton::clicked, this, [this] { load(page_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] { load(page_ + 1); });
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);
    retranslate();
    load(1);
}

ApplicantsDialog::~ApplicantsDialog() = default;

QList<core::api::ResumeSection> ApplicantsDialog::sections() const
{
    return listData_ ? listData_->sections : QList<core::api::ResumeSection> {};
}

void ApplicantsDialog::reload()
{
    load(page_);
}

void ApplicantsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ApplicantsDialog::retranslate()
{
    setWindowTitle(tr("調閱履歷"));
    heading_->setText(tr("職缺編號：%1").arg(vacancyId_));
    list_->setAccessibleName(tr("應徵者"));
    resume_->setAccessibleName(tr("應徵者的履歷"));
    previous_->setText(tr("上一頁"));
    next_->setText(tr("下一頁"));
    close_->setText(tr("關閉"));
    if (failure_)
        message_->setText(failureText(*failure_));
    showList();
}

void ApplicantsDialog::load(int page)
{
    if (!context_.service || page < 1)
        return;
    page_ = page;
    previous_->setEnabled(false);
    next_->setEnabled(false);
    message_->setText(tr("讀取中…"));
    const QString id = vacancyId_;
    context_.service->run<ApplicationList>(
        this, [id, page](ServiceClient& client) { return client.applications(id, page, pageSize); },
        [this](const Result<ApplicationList>& result) {
            if (!result.ok()) {
                failure_ = result.failure;
                listData_.reset();
                message_->setText(failureText(*failure_));
                showList();
                emit failed(message_->text());
                return;
            }
            failure_.reset();
            listData_ = *result;
            message_->clear();
            showList();
            emit loaded();
        });
}

void ApplicantsDialog::showList()
{
    const int row = list_->currentRow();
    QSignalBlocker block(list_);
    list_->clear();
    if (!listData_) {
        sectionsLabel_->clear();
        pageLabel_->clear();
        resume_->clear();
        return;
    }
    QStringList titles;
    for (const core::api::ResumeSection section : listData_->sections)
        titles << resumeSectionTitle(section);
    sectionsLabel_->setText(tr("本職缺開放調閱：%1").arg(titles.join(tr("、"))));
    for (const core::api::Application& applicant : listData_->items)
        list_->addItem(tr("%1（%2 應徵）")
                           .arg(applicant.name, core::domain::rocDateDisplay(applicant.appliedOn)));
    const int pages = qMax(1, (listData_->total + listData_->pageSize - 1) / listData_->pageSize);
    pageLabel_->setText(tr("第 %1 頁，共 %2 頁（%n 人）", nullptr, listData_->total)
                            .arg(listData_->page)
                            .arg(pages));
    previous_->setEnabled(listData_->page > 1);
    next_->setEnabled(listData_->page < pages);
    if (listData_->items.isEmpty()) {
        message_->setText(tr("這個職缺目前沒有應徵者。"));
        resume_->clear();
        return;
    }
    list_->setCurrentRow(qBound(0, row, static_cast<int>(listData_->items.size()) - 1));
    showApplicant(list_->currentRow());
}

void ApplicantsDialog::showApplicant(int row)
{
    if (!listData_ || row < 0 || row >= listData_->items.size()) {
        resume_->clear();
        return;
    }
    const core::api::Application& applicant = listData_->items.at(row);
    QString html = QStringLiteral("<h2>%1</h2>").arg(applicant.name.toHtmlEscaped());
    bool any = false;
    // Only the opened sections, in the server's order; the answer was checked to hold no more.
    for (const core::api::ResumeSection section : listData_->sections) {
        const QJsonValue value = applicant.resume.value(core::api::codeOf(section));
        if (value.isUndefined())
            continue;
        html += resumeSectionHtml(section, value);
        any = true;
    }
    if (!any)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("這位應徵者沒有開放調閱項目的資料。").toHtmlEscaped());
    resume_->setHtml(html);
}

QString ApplicantsDialog::failureText(const core::api::Failure& failure) const
{
    if (failure.kind == core::api::ErrorKind::Http) {
        if (failure.error == core::api::ServiceError::ResumeAccessDisabled)
            return tr("這個職缺沒有啟用應徵人員調閱履歷，無法調閱。");
        if (failure.error == core::api::ServiceError::NotFound)
            return tr("找不到這個職缺（可能已刪除，或不是貴機關的職缺）。");
    }
    const QString common = commonServiceFailureText(failure);
    if (!common.isEmpty())
        return common;
    return tr("無法調閱履歷（%1）。")
        .arg(failure.code.isEmpty() ? QString::number(failure.httpStatus) : failure.code);
}

} // namespace ui

#include "ui/applicants/moc_applicants_dialog.cpp"
