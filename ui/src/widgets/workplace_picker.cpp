#include "ui/widgets/workplace_picker.hpp"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>

namespace ui {

using core::domain::CodeListKind;

WorkplacePicker::WorkplacePicker(const core::domain::CodeLists& codes, QWidget* parent)
    : QWidget(parent)
    , codes_(codes)
    , grid_(new QGridLayout(this))
{
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setHorizontalSpacing(12);
    for (const core::domain::Code& code : codes_.items(CodeListKind::Workplace))
        if (!code.retired)
            addBox(code.code);
    retranslate();
}

QCheckBox* WorkplacePicker::addBox(const QString& code)
{
    auto* box = new QCheckBox(this);
    box->setObjectName(QStringLiteral("workplace-") + code);
    const auto index = static_cast<int>(order_.size());
    grid_->addWidget(box, index / columns, index % columns);
    order_.append(code);
    boxes_.insert(code, box);
    connect(box, &QCheckBox::clicked, this, &WorkplacePicker::edited);
    return box;
}

QStringList WorkplacePicker::codes() const
{
    QStringList result;
    for (const QString& code : setOrder_)
        if (boxes_.value(code)->isChecked())
            result.append(code);
    for (const QString& code : order_)
        if (boxes_.value(code)->isChecked() && !result.contains(code))
            result.append(code);
    return result;
}

void WorkplacePicker::setCodes(const QStringList& codes)
{
    for (const QString& code : codes)
        if (!boxes_.contains(code))
            addBox(code);
    for (auto it = boxes_.cbegin(); it != boxes_.cend(); ++it)
        it.value()->setChecked(codes.contains(it.key()));
    setOrder_ = codes;
    retranslate();
}

QCheckBox* WorkplacePicker::checkBox(const QString& code) const
{
    return boxes_.value(code, nullptr);
}

void WorkplacePicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WorkplacePicker::retranslate()
{
    // The place names are data (the code list's own spelling); only the notes are translated.
    for (const QString& code : order_) {
        const auto found = codes_.find(CodeListKind::Workplace, code);
        QString text = found ? QStringLiteral("%1-%2").arg(code, found->name) : code;
        if (!found)
            text = tr("%1（不在代碼表中）").arg(text);
        else if (found->retired)
            text = tr("%1（已停用）").arg(text);
        boxes_.value(code)->setText(text);
    }
}

} // namespace ui

#include "ui/widgets/moc_workplace_picker.cpp"
