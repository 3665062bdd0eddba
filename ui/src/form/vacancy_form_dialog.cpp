#include "ui/form/vacancy_form_dialog.hpp"

#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"
#include "form_scroll_area.hpp"
#include "ui/form/agency_section.hpp"
#include "ui/form/class_section.hpp"
#include "ui/form/content_section.hpp"
#include "ui/form/form_support.hpp"
#include "ui/form/notice_box.hpp"
#include "ui/form/post_section.hpp"
#include "ui/form/resume_section.hpp"
#include "ui/preview/preview_dialog.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaMethod>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

using core::domain::Vacancy;
using core::store::RecordState;

VacancyFormDialog::VacancyFormDialog(
    ui::AppContext& context, const QString& localId, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , localId_(localId)
    , codes_(form::codeListsFor(context.store))
    , today_(QDate::currentDate())
{
    setObjectName(QStringLiteral("VacancyFormDialog"));
    build();
    load();
    retranslate();
    refresh();
    updateSubmit();
    if (context_.session) {
        const auto update = [this] { onSessionChanged(); };
        connect(context_.session, &core::session::SessionState::started, this, update);
        connect(context_.session, &core::session::SessionState::ended, this, update);
        connect(context_.session, &core::session::SessionState::accountChanged, this, update);
    }
}

VacancyFormDialog::~VacancyFormDialog() = default;

void VacancyFormDialog::build()
{
    // Created in the order shown: the focus chain (Tab) follows creation.
    auto* bar = new QHBoxLayout;
    bar->setSpacing(2);
    for (int i = 0; i < 5; ++i) {
        auto* jump = new QPushButton(this);
        jump->setObjectName(QStringLiteral("jump-%1").arg(i));
        jump->setFlat(true);
        jump->setAutoDefault(false);
        jump->setFocusPolicy(Qt::TabFocus);
        bar->addWidget(jump);
        sectionJumps_.append(jump);
    }
    bar->addStretch(1);
    notice_ = new NoticeBox(this);
    general_ = new QLabel(this);
    general_->setObjectName(QStringLiteral("generalMessage"));
    general_->setWordWrap(true);
    general_->setTextFormat(Qt::PlainText);
    general_->setStyleSheet(QStringLiteral("color: #b00020;"));
    general_->hide();
    agency_ = new AgencySection(this);
    class_ = new ClassSection(this);
    post_ = new PostSection(codes_, this);
    content_ = new ContentSection(this);
    resume_ = new ResumeSection(this);

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->addWidget(notice_);
    pageLayout->addWidget(general_);
    for (FormSection* section : sections()) {
        pageLayout->addWidget(section);
        connect(section, &FormSection::edited, this, &VacancyFormDialog::onEdited);
    }
    pageLayout->addStretch(1);
    auto* scroll = new FormScrollArea(this);
    scroll->setPage(page);
    scroll_ = scroll;
    const QList<FormSection*> groups = sections();
    for (int i = 0; i < groups.size() && i < sectionJumps_.size(); ++i) {
        FormSection* section = groups.at(i);
        connect(sectionJumps_.at(i), &QPushButton::clicked, this, [this, section] {
            scroll_->verticalScrollBar()->setValue(section->y());
            if (QWidget* first = section->editor(section->fields().value(0)))
                first->setFocus(Qt::OtherFocusReason);
        });
    }

    previewButton_ = new QPushButton(this);
    previewButton_->setObjectName(QStringLiteral("previewButton"));
    submitReason_ = new QLabel(this);
    submitReason_->setObjectName(QStringLiteral("submitReason"));
    submitReason_->setWordWrap(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    saveButton_ = new QPushButton(this);
    saveButton_->setObjectName(QStringLiteral("saveDraftButton"));
    submitButton_ = new QPushButton(this);
    submitButton_->setObjectName(QStringLiteral("submitButton"));
    cancelButton_ = new QPushButton(this);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    submitButton_->setAutoDefault(false);
    saveButton_->setAutoDefault(false);
    previewButton_->setAutoDefault(false);
    cancelButton_->setAutoDefault(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(previewButton_);
    buttons->addStretch(1);
    buttons->addWidget(saveButton_);
    buttons->addWidget(submitButton_);
    buttons->addWidget(cancelButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    layout->addWidget(submitReason_);
    layout->addWidget(status_);
    layout->addLayout(buttons);
    resize(980, 760);

    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the fields, not to the page around them
    orderTabs();

    connect(saveButton_, &QPushButton::clicked, this, [this] { saveDraft(); });
    connect(submitButton_, &QPushButton::clicked, this, [this] { submit(); });
    connect(previewButton_, &QPushButton::clicked, this, &VacancyFormDialog::showPreview);
    connect(cancelButton_, &QPushButton::clicked, this, &VacancyFormDialog::reject);
}

void VacancyFormDialog::orderTabs()
{
    // Tab follows what the clerk reads: the bar, the notice, each group row by row, the buttons.
    QList<QWidget*> chain(sectionJumps_.cbegin(), sectionJumps_.cend());
    chain.append(notice_->toggle());
    for (const FormSection* section : sections())
        chain.append(section->tabStops());
    chain.append({ previewButton_, saveButton_, submitButton_, cancelButton_ });
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
}

QList<FormSection*> VacancyFormDialog::sections() const
{
    // 職缺類別 comes before the post: it decides what else the post must give.
    return { agency_, class_, post_, content_, resume_ };
}

FormSection* VacancyFormDialog::sectionOf(const QString& field) const
{
    for (FormSection* section : sections())
        if (section->hasField(field))
            return section;
    return nullptr;
}

void VacancyFormDialog::load()
{
    loading_ = true;
    const core::session::SessionState* session = context_.session;
    if (localId_.isEmpty()) {
        loaded_ = session ? form::prefilledVacancy(*session) : Vacancy();
    } else {
        std::optional<core::store::LocalVacancy> record;
        try {
            if (context_.store)
                record = context_.store->records().find(localId_);
        } catch (const core::store::StoreError& error) {
            const QString detail = QString::fromUtf8(error.what());
            setStatus([detail] { return tr("無法讀取本機資料：%1").arg(detail); }, true);
        }
        if (record) {
            loaded_ = record->data;
            recordState_ = static_cast<int>(record->state);
            recordDeleted_ = record->deleted;
            if (record->rejectionCode == QLatin1String("vacancy-changed")) {
                // The sync engine's own refusal: said in the clerk's language.
                serverMessages_[QString()].append(tr("此職缺已由他人修改，刪除未執行；"
                                                     "請檢視最新內容後再決定是否刪除。"));
            } else {
                for (const auto& message : record->rejection)
                    serverMessages_[message.field].append(message.message);
            }
            // A draft begun offline gets what the login knows where it is still empty.
            if (session && record->state == RecordState::Draft)
                form::fillFromSession(loaded_, *session, codes_);
        } else {
            recordMissing_ = true;
        }
    }
    // The login's agency and its units are chosen; without a login (offline) or for another
    // agency's record, the agency is typed.
    agency_->setAgencyChoices(form::agencyChoices(session, codes_));
    agency_->setAgencyEditable(!form::agencyFromLogin(loaded_, session, codes_));
    agency_->setEmailDomain(session ? form::emailDomain(*session) : QString());
    for (FormSection* section : sections())
        section->write(loaded_);
    baseline_ = vacancy();
    loading_ = false;
    saveButton_->setEnabled(!recordMissing_ && !recordDeleted_ && context_.store);
}

Vacancy VacancyFormDialog::vacancy() const
{
    Vacancy v = loaded_;
    for (const FormSection* section : sections())
        section->read(v);
    return v;
}

void VacancyFormDialog::setVacancy(const Vacancy& vacancy)
{
    loading_ = true;
    for (FormSection* section : sections())
        section->write(vacancy);
    loading_ = false;
    // Everything counts as touched: the clerk "typed" all of it.
    for (FormSection* section : sections())
        for (const QString& field : section->fields())
            touched_.insert(field);
    refresh();
}

bool VacancyFormDialog::hasUnsavedChanges() const
{
    return vacancy() != baseline_;
}

void VacancyFormDialog::onEdited(const QString& field)
{
    if (loading_)
        return;
    touched_.insert(field);
    // The server's word on a field stands until the clerk changes that field.
    serverMessages_.remove(field);
    refresh();
}

void VacancyFormDialog::refresh()
{
    const Vacancy v = vacancy();
    QHash<QString, QStringList> shown = serverMessages_;
    for (const auto& message : core::domain::validate(v, codes_, today_))
        if ((showAll_ || touched_.contains(message.field))
            && !shown.value(message.field).contains(message.message))
            shown[message.field].append(message.message);
    QStringList general;
    for (auto it = shown.cbegin(); it != shown.cend(); ++it)
        if (!sectionOf(it.key()))
            general.append(it.value());
    // The marks follow the post as it stands: 人員區分, 職缺類別 and 官職等 move them.
    const QSet<QString> required = core::domain::requiredFields(v);
    int captionWidth = 0;
    for (FormSection* section : sections()) {
        section->setMessages(shown);
        section->setRequired(required);
        captionWidth = std::max(captionWidth, section->captionWidth());
    }
    for (FormSection* section : sections())
        section->setCaptionWidth(captionWidth);
    post_->showPostKind(v);
    general_->setText(general.join(QLatin1Char('\n')));
    general_->setVisible(!general.isEmpty());
    setWindowModified(hasUnsavedChanges());
}

void VacancyFormDialog::onSessionChanged()
{
    updateSubmit();
    const core::session::SessionState* session = context_.session;
    const bool draft = localId_.isEmpty()
        || (recordState_ && *recordState_ == static_cast<int>(RecordState::Draft));
    if (!session || !session->loggedIn() || !draft || recordMissing_)
        return;
    // A login while the form is open (it was opened offline): complete what is still empty.
    const bool clean = !hasUnsavedChanges();
    Vacancy v = vacancy();
    form::fillFromSession(v, *session, codes_);
    loading_ = true;
    agency_->setEmailDomain(form::emailDomain(*session));
    agency_->setAgencyChoices(form::agencyChoices(session, codes_));
    agency_->write(v);
    loading_ = false;
    agency_->setAgencyEditable(!form::agencyFromLogin(v, session, codes_));
    if (clean)
        baseline_ = vacancy();
    refresh();
}

void VacancyFormDialog::showPreview()
{
    const Vacancy v = vacancy();
    emit previewRequested(v);
    // Whoever listens opens the preview; alone, the form opens it itself.
    if (isSignalConnected(QMetaMethod::fromSignal(&VacancyFormDialog::previewRequested)))
        return;
    auto* preview = new PreviewDialog(v, codes_, this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->show();
}

void VacancyFormDialog::setStatus(std::function<QString()> text, bool error)
{
    statusText_ = std::move(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    status_->setText(statusText_ ? statusText_() : QString());
}

QString VacancyFormDialog::firstFieldInError() const
{
    for (const FormSection* section : sections()) {
        const QString field = section->firstFieldWithMessage();
        if (!field.isEmpty())
            return field;
    }
    return {};
}

void VacancyFormDialog::focusField(const QString& field)
{
    FormSection* section = sectionOf(field);
    QWidget* editor = section ? section->editor(field) : nullptr;
    if (!editor)
        return;
    scroll_->ensureWidgetVisible(editor, 20, 40);
    editor->setFocus(Qt::OtherFocusReason);
}

QString VacancyFormDialog::fieldMessage(const QString& field) const
{
    const FormSection* section = sectionOf(field);
    return section ? section->message(field) : QString();
}

bool VacancyFormDialog::isMarkedRequired(const QString& field) const
{
    const FormSection* section = sectionOf(field);
    return section && section->isRequired(field);
}

QString VacancyFormDialog::fieldCaption(const QString& field) const
{
    const FormSection* section = sectionOf(field);
    return section ? section->caption(field) : QString();
}

QString VacancyFormDialog::generalMessage() const
{
    return general_->text();
}

QString VacancyFormDialog::statusText() const
{
    return status_->text();
}

void VacancyFormDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh(); // the rules' messages come out in the new language
        updateSubmit();
    }
    QDialog::changeEvent(event);
}

void VacancyFormDialog::retranslate()
{
    setWindowTitle(tr("機關徵才登錄") + QStringLiteral("[*]"));
    saveButton_->setText(tr("儲存草稿"));
    saveButton_->setToolTip(tr("只存在本機，離線也可儲存"));
    submitButton_->setText(tr("送出"));
    previewButton_->setText(tr("預覽"));
    cancelButton_->setText(tr("取消"));
    const QList<FormSection*> groups = sections();
    for (int i = 0; i < groups.size() && i < sectionJumps_.size(); ++i) {
        sectionJumps_.at(i)->setText(groups.at(i)->title());
        sectionJumps_.at(i)->setToolTip(tr("跳到「%1」").arg(groups.at(i)->title()));
        sectionJumps_.at(i)->setAccessibleName(tr("跳到「%1」").arg(groups.at(i)->title()));
    }
    if (statusText_)
        status_->setText(statusText_());
}

} // namespace ui

#include "ui/form/moc_vacancy_form_dialog.cpp"
