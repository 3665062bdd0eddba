#include "ui/widgets/code_picker.hpp"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QGridLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>

namespace ui {

using core::domain::Code;

CodePicker::CodePicker(const core::domain::CodeLists& codes, core::domain::CodeListKind kind,
    Mode mode, QWidget* parent)
    : QWidget(parent)
    , codes_(codes)
    , kind_(kind)
    , mode_(mode)
    , combo_(new QComboBox(this))
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(combo_, 0, 0);
    if (mode_ == Mode::Multiple) {
        // Typing part of a code or a name finds it: 57 職系 are too many to scroll through.
        combo_->setEditable(true);
        combo_->setInsertPolicy(QComboBox::NoInsert);
        combo_->completer()->setFilterMode(Qt::MatchContains);
        combo_->completer()->setCompletionMode(QCompleter::PopupCompletion);
        add_ = new QPushButton(this);
        chosen_ = new QListWidget(this);
        chosen_->setMaximumHeight(90);
        remove_ = new QPushButton(this);
        layout->addWidget(add_, 0, 1);
        layout->addWidget(chosen_, 1, 0);
        layout->addWidget(remove_, 1, 1, Qt::AlignTop);
        connect(add_, &QPushButton::clicked, this, &CodePicker::addChosen);
        connect(remove_, &QPushButton::clicked, this, &CodePicker::removeSelected);
    } else {
        connect(combo_, &QComboBox::activated, this, &CodePicker::edited);
    }
    layout->setColumnStretch(0, 1);
    fillCombo();
    retranslate();
}

QString CodePicker::label(const QString& code) const
{
    const auto found = codes_.find(kind_, code);
    if (!found)
        return code;
    if (found->code == found->name)
        return found->name;
    return QStringLiteral("%1 %2").arg(found->code, found->name);
}

void CodePicker::fillCombo()
{
    const QSignalBlocker blocker(combo_);
    const QString current = mode_ == Mode::Single ? code() : QString();
    combo_->clear();
    combo_->addItem(QString(), QString()); // 「請選擇」, set in retranslate()
    for (const Code& c : codes_.items(kind_))
        if (!c.retired)
            combo_->addItem(label(c.code), c.code);
    if (!extra_.isEmpty()) {
        const QString note = codes_.contains(kind_, extra_) ? tr("%1（已停用）").arg(label(extra_))
                                                            : tr("%1（不在代碼表中）").arg(extra_);
        combo_->addItem(note, extra_);
    }
    const int index = combo_->findData(current);
    combo_->setCurrentIndex(index < 0 ? 0 : index);
}

QStringList CodePicker::codes() const
{
    if (mode_ == Mode::Multiple)
        return chosenCodes_;
    const QString chosen = code();
    return chosen.isEmpty() ? QStringList() : QStringList { chosen };
}

void CodePicker::setCodes(const QStringList& codes)
{
    if (mode_ == Mode::Single) {
        setCode(codes.value(0));
        return;
    }
    chosenCodes_ = codes;
    renderChosen();
}

QString CodePicker::code() const
{
    if (mode_ == Mode::Multiple)
        return chosenCodes_.value(0);
    return combo_->currentData().toString();
}

void CodePicker::setCode(const QString& code)
{
    if (mode_ == Mode::Multiple) {
        setCodes(code.isEmpty() ? QStringList() : QStringList { code });
        return;
    }
    const bool offered
        = code.isEmpty() || (codes_.contains(kind_, code) && !codes_.isRetired(kind_, code));
    extra_ = offered ? QString() : code;
    fillCombo();
    const QSignalBlocker blocker(combo_);
    combo_->setCurrentIndex(std::max(0, combo_->findData(code)));
}

bool CodePicker::choose(const QString& code)
{
    const int index = combo_->findData(code);
    if (index < 0)
        return false;
    combo_->setCurrentIndex(index);
    if (mode_ == Mode::Multiple)
        addChosen();
    else
        emit edited();
    return true;
}

void CodePicker::remove(const QString& code)
{
    if (chosenCodes_.removeAll(code) > 0) {
        renderChosen();
        emit edited();
    }
}

void CodePicker::addChosen()
{
    // An editable combo may hold typed text that matches an item without selecting it.
    int index = combo_->currentIndex();
    const int typed = combo_->findText(combo_->currentText());
    if (typed >= 0)
        index = typed;
    const QString code = combo_->itemData(index).toString();
    if (code.isEmpty() || chosenCodes_.contains(code))
        return;
    chosenCodes_.append(code);
    renderChosen();
    emit edited();
}

void CodePicker::removeSelected()
{
    const QListWidgetItem* item = chosen_->currentItem();
    if (item)
        remove(item->data(Qt::UserRole).toString());
}

void CodePicker::renderChosen()
{
    chosen_->clear();
    for (const QString& code : chosenCodes_) {
        QString text = label(code);
        if (!codes_.contains(kind_, code))
            text = tr("%1（不在代碼表中）").arg(text);
        else if (codes_.isRetired(kind_, code))
            text = tr("%1（已停用）").arg(text);
        auto* item = new QListWidgetItem(text, chosen_);
        item->setData(Qt::UserRole, code);
    }
}

void CodePicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CodePicker::retranslate()
{
    combo_->setItemText(0, tr("請選擇"));
    if (mode_ == Mode::Multiple) {
        //: The seed's button beside a drop-down: adds the chosen entry.
        add_->setText(tr("選取"));
        remove_->setText(tr("移除"));
        renderChosen();
    } else if (!extra_.isEmpty()) {
        fillCombo();
    }
}

} // namespace ui

#include "ui/widgets/moc_code_picker.cpp"
