#include "ui/conflict/conflict_dialog.hpp"

#include "core/domain/code_lists.hpp"
#include "core/domain/roc_date.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/conflict/conflict_fields.hpp"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ui {

using core::sync::Side;

namespace {

enum Column { FieldColumn, BaseColumn, MineColumn, ServerColumn, ChoiceColumn };

core::domain::CodeLists codeLists(core::store::LocalStore& store)
{
    try {
        if (const auto cached = store.syncState().cachedCodeLists())
            return core::domain::CodeLists::fromJson(
                QJsonDocument::fromJson(cached->bundle).object(), cached->etag);
    } catch (const std::exception&) {
        // the built-in lists name the codes as well
    }
    return core::domain::CodeLists::builtin();
}

/// A value as the clerk reads it; `html` marks what changed against the text before.
QLabel* valueLabel(const QString& html, const QString& name, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus); // long texts are read from the keyboard too
    label->setTextFormat(Qt::RichText);
    label->setAccessibleName(name);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMinimumWidth(160);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

ConflictDialog::ConflictDialog(AppContext& context, const QString& localId, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , localId_(localId)
{
    setObjectName(QStringLiteral("conflictDialog"));
    try {
        if (context_.store)
            conflict_ = context_.store->syncState().conflict(localId_);
    } catch (const core::store::StoreError&) {
        conflict_.reset();
    }
    build();
    retranslate();
    resize(900, 520);
}

void ConflictDialog::build()
{
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
    changedBy_ = new QLabel(this);
    changedBy_->setObjectName(QStringLiteral("changedBy"));
    changedBy_->setWordWrap(true);
    layout->addWidget(changedBy_);

    fields_ = new QScrollArea(this);
    fields_->setWidgetResizable(true);
    auto* table = new QWidget(fields_);
    grid_ = new QGridLayout(table);
    for (int column = FieldColumn; column <= ChoiceColumn; ++column) {
        auto* header = new QLabel(table);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        grid_->addWidget(header, 0, column);
        headers_.append(header);
    }
    if (conflict_) {
        const core::domain::CodeLists lists = codeLists(*context_.store);
        int row = 1;
        for (const QString& key : conflict_->fields) {
            auto* name = new QLabel(table);
            fieldLabels_.insert(key, name);
            grid_->addWidget(name, row, FieldColumn, Qt::AlignTop);
            const QString before = conflictfields::value(conflict_->base, key, lists);
            const QString edited = conflictfields::value(conflict_->mine, key, lists);
            const QString theirs = conflictfields::value(conflict_->server, key, lists);
            const QString label = conflictfields::label(key);
            // Each value is named for a screen reader: the field and whose version it is.
            grid_->addWidget(valueLabel(before.toHtmlEscaped().replace(
                                            QLatin1Char('\n'), QStringLiteral("<br>")),
                                 tr("%1：修改前").arg(label), table),
                row, BaseColumn);
            grid_->addWidget(valueLabel(conflictfields::changesHtml(before, edited),
                                 tr("%1：我的修改").arg(label), table),
                row, MineColumn);
            grid_->addWidget(valueLabel(conflictfields::changesHtml(before, theirs),
                                 tr("%1：徵才系統上的版本").arg(label), table),
                row, ServerColumn);
            auto* choice = new QWidget(table);
            auto* choiceLayout = new QVBoxLayout(choice);
            choiceLayout->setContentsMargins(0, 0, 0, 0);
            auto* group = new QButtonGroup(choice);
            auto* mine = new QRadioButton(choice);
            mine->setObjectName(key + QStringLiteral("-mine"));
            auto* server = new QRadioButton(choice);
            server->setObjectName(key + QStringLiteral("-server"));
            group->addButton(mine, int(Side::Mine));
            group->addButton(server, int(Side::Server));
            choiceLayout->addWidget(mine);
            choiceLayout->addWidget(server);
            grid_->addWidget(choice, row, ChoiceColumn, Qt::AlignTop);
            choices_.insert(key, group);
            connect(group, &QButtonGroup::idClicked, this, &ConflictDialog::updateApply);
            ++row;
        }
        grid_->setRowStretch(row, 1);
    }
    grid_->setColumnStretch(BaseColumn, 1);
    grid_->setColumnStretch(MineColumn, 1);
    grid_->setColumnStretch(ServerColumn, 1);
    fields_->setWidget(table);
    layout->addWidget(fields_, 1);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c62828"));
    error_->hide();
    layout->addWidget(error_);

    auto* buttons = new QDialogButtonBox(this);
    keepMine_ = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    keepMine_->setObjectName(QStringLiteral("keepMine"));
    keepServer_ = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    keepServer_->setObjectName(QStringLiteral("keepServer"));
    apply_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    apply_->setObjectName(QStringLiteral("applyChoices"));
    cancel_ = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    const bool usable = conflict_.has_value() && context_.sync;
    keepMine_->setEnabled(usable);
    keepServer_->setEnabled(usable);
    apply_->setDefault(false);
    updateApply();
    connect(keepMine_, &QPushButton::clicked, this, &ConflictDialog::keepMine);
    connect(keepServer_, &QPushButton::clicked, this, &ConflictDialog::keepServer);
    connect(apply_, &QPushButton::clicked, this, &ConflictDialog::applyChoices);
    connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
}

QStringList ConflictDialog::fields() const
{
    return conflict_ ? conflict_->fields : QStringList();
}

std::optional<Side> ConflictDialog::choice(const QString& key) const
{
    const QButtonGroup* group = choices_.value(key);
    if (!group || group->checkedId() == -1)
        return std::nullopt;
    return group->checkedId() == int(Side::Server) ? Side::Server : Side::Mine;
}

void ConflictDialog::setChoice(const QString& key, Side side)
{
    if (QButtonGroup* group = choices_.value(key))
        group->button(int(side))->setChecked(true);
    updateApply();
}

void ConflictDialog::updateApply()
{
    bool allChosen = conflict_.has_value() && context_.sync;
    for (const QString& key : choices_.keys())
        allChosen = allChosen && choice(key).has_value();
    apply_->setEnabled(allChosen);
}

void ConflictDialog::keepMine()
{
    settle([this] { context_.sync->keepMine(localId_); });
}

void ConflictDialog::keepServer()
{
    settle([this] { context_.sync->keepServer(localId_); });
}

void ConflictDialog::applyChoices()
{
    QHash<QString, Side> chosen;
    for (auto it = choices_.cbegin(); it != choices_.cend(); ++it) {
        const auto side = choice(it.key());
        if (!side)
            return; // every field is decided by the clerk, none by default
        chosen.insert(it.key(), *side);
    }
    settle([this, chosen] { context_.sync->resolvePerField(localId_, chosen); });
}

void ConflictDialog::settle(const std::function<void()>& work)
{
    if (!conflict_ || !context_.sync)
        return;
    try {
        work();
    } catch (const core::store::StoreError&) {
        // Settled elsewhere meanwhile (another window), or the database failed: say so, keep
        // the dialog open so nothing looks done that is not.
        error_->setText(tr("此筆衝突已無法處理（可能已在別處處理），請關閉後重新整理清單。"));
        error_->show();
        keepMine_->setEnabled(false);
        keepServer_->setEnabled(false);
        apply_->setEnabled(false);
        return;
    }
    emit resolved(localId_);
    accept();
}

void ConflictDialog::retranslate()
{
    setWindowTitle(tr("兩處修改了同一筆職缺"));
    fields_->setAccessibleName(tr("兩邊都改過的欄位"));
    const QString title = conflict_ ? conflict_->mine.title : QString();
    if (!conflict_)
        intro_->setText(tr("這筆職缺目前沒有待處理的衝突。"));
    else
        intro_->setText(
            tr("您修改職缺「%1」的期間，有人在徵才系統上也修改了它，下列欄位兩邊都改過。"
               "請逐欄選擇要留下哪一個版本，或全部保留您的修改、全部採用徵才系統上的"
               "版本。黃底是各自改動的部分。")
                .arg(title));
    changedBy_->setText(changedByText());
    changedBy_->setVisible(!changedBy_->text().isEmpty());
    const QStringList headers { tr("欄位"), tr("修改前"), tr("我的修改"), tr("徵才系統上的版本"),
        tr("採用") };
    for (int i = 0; i < headers_.size(); ++i)
        headers_[i]->setText(headers.at(i));
    for (auto it = fieldLabels_.cbegin(); it != fieldLabels_.cend(); ++it)
        it.value()->setText(conflictfields::label(it.key()));
    for (auto it = choices_.cbegin(); it != choices_.cend(); ++it) {
        it.value()->button(int(Side::Mine))->setText(tr("我的"));
        it.value()->button(int(Side::Server))->setText(tr("徵才系統上的"));
        const QString label = conflictfields::label(it.key());
        it.value()->button(int(Side::Mine))->setAccessibleName(tr("%1：採用我的修改").arg(label));
        it.value()
            ->button(int(Side::Server))
            ->setAccessibleName(tr("%1：採用徵才系統上的版本").arg(label));
    }
    keepMine_->setText(tr("全部保留我的修改"));
    keepServer_->setText(tr("全部採用徵才系統上的版本"));
    apply_->setText(tr("依所選套用"));
    cancel_->setText(tr("取消"));
}

QString ConflictDialog::changedByText() const
{
    if (!conflict_)
        return {};
    // The service says when; it names nobody, so neither does this line.
    const QDate on = conflict_->server.updatedOn;
    if (!on.isValid())
        return {};
    return tr("徵才系統上的版本最後修改於 %1。").arg(core::domain::rocDateDisplay(on));
}

void ConflictDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace ui

#include "ui/conflict/moc_conflict_dialog.cpp"
