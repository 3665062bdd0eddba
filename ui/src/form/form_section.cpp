#include "ui/form/form_section.hpp"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {

QLabel* newMessageLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

/// Gives `editor`, and each control inside it that takes focus without words of its own, the
/// field's name: a screen reader then says which field the focus is in.
void nameControls(QWidget* editor, const QString& name)
{
    const char* const named = "shiqiurenFieldName";
    QList<QWidget*> controls = editor->findChildren<QWidget*>();
    controls.prepend(editor);
    for (QWidget* control : controls) {
        if (control->focusPolicy() == Qt::NoFocus && control != editor)
            continue;
        const auto* button = qobject_cast<QAbstractButton*>(control);
        if (button && !button->text().isEmpty())
            continue; // a check box or button says what it is itself
        if (!control->accessibleName().isEmpty() && !control->property(named).toBool())
            continue; // named more precisely by its own widget
        control->setAccessibleName(name);
        control->setProperty(named, true);
    }
}

} // namespace

FormSection::FormSection(QWidget* parent)
    : QGroupBox(parent)
{ }

void FormSection::addField(
    QGridLayout* grid, int row, int column, const QString& field, QWidget* editor, int columnSpan)
{
    auto* caption = new QLabel(this);
    caption->setTextFormat(Qt::RichText);
    // As tall as a one-line field and centred in it: the caption sits on the field's first line.
    caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    caption->setMinimumHeight(QLineEdit().sizeHint().height());
    caption->setBuddy(editor);
    grid_ = grid;
    auto* cell = new QWidget(this);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    editor->setObjectName(field);
    grid->addWidget(caption, row, column * 2, Qt::AlignTop);
    grid->addWidget(cell, row, column * 2 + 1, 1, columnSpan * 2 - 1);
    Row entry;
    entry.caption = caption;
    entry.cell = cell;
    entry.editor = editor;
    entry.message = newMessageLabel(cell);
    cellLayout->addWidget(entry.message);
    rows_.insert(field, entry);
    order_.append(field);
}

QLabel* FormSection::addMessageLine(const QString& field, QWidget* editor)
{
    Row entry;
    entry.editor = editor;
    editor->setObjectName(field);
    entry.message = newMessageLabel(this);
    rows_.insert(field, entry);
    order_.append(field);
    return entry.message;
}

void FormSection::setCaption(const QString& field, const QString& text)
{
    auto it = rows_.find(field);
    if (it == rows_.end())
        return;
    it->text = text;
    render(*it);
}

void FormSection::render(Row& row)
{
    if (!row.caption)
        return;
    const QString mark
        = row.required ? QStringLiteral("<span style=\"color:#b00020\">*</span> ") : QString();
    row.caption->setText(mark + row.text.toHtmlEscaped());
    nameControls(row.editor, row.required ? tr("%1（必填）").arg(row.text) : row.text);
}

void FormSection::nameControl(QWidget* control, const QString& name)
{
    control->setAccessibleName(name);
    for (QWidget* inner : control->findChildren<QWidget*>())
        if (inner->focusPolicy() != Qt::NoFocus)
            inner->setAccessibleName(name);
}

void FormSection::setFieldVisible(const QString& field, bool visible)
{
    const auto it = rows_.constFind(field);
    if (it == rows_.cend() || !it->caption)
        return;
    it->caption->setVisible(visible);
    it->cell->setVisible(visible);
}

bool FormSection::isFieldVisible(const QString& field) const
{
    const auto it = rows_.constFind(field);
    return it != rows_.cend() && (!it->cell || !it->cell->isHidden());
}

int FormSection::captionWidth() const
{
    int width = 0;
    for (const Row& row : rows_)
        if (row.caption && grid_ && grid_->indexOf(row.caption) >= 0) {
            int r = 0, column = 0, rs = 0, cs = 0;
            grid_->getItemPosition(grid_->indexOf(row.caption), &r, &column, &rs, &cs);
            if (column == 0)
                width = std::max(width, row.caption->sizeHint().width());
        }
    return width;
}

void FormSection::setCaptionWidth(int width)
{
    if (grid_)
        grid_->setColumnMinimumWidth(0, width);
}

QList<QWidget*> FormSection::tabStops() const
{
    const auto insideControl = [](const QWidget* w, const QWidget* top) {
        // A combo box's line edit, a spin box's, a text view's viewport: the outer one counts.
        if (w == top)
            return false;
        for (const QWidget* p = w->parentWidget(); p && p != top; p = p->parentWidget())
            if (qobject_cast<const QComboBox*>(p) || qobject_cast<const QAbstractSpinBox*>(p)
                || qobject_cast<const QAbstractScrollArea*>(p))
                return true;
        return false;
    };
    QList<QWidget*> stops;
    for (const QString& field : order_) {
        const Row& row = rows_[field];
        if (!row.caption)
            continue; // a field inside another row's editor (有效期間's end, 性別's reason)
        QList<QWidget*> controls = row.editor->findChildren<QWidget*>();
        controls.prepend(row.editor);
        QList<QWidget*> own;
        for (QWidget* w : controls)
            if ((w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() && w->window() == window()
                && !insideControl(w, row.editor))
                own.append(w);
        // Inside one field, the order its widget built them in.
        for (QWidget* w = row.editor->nextInFocusChain(); !own.isEmpty() && w != row.editor;
             w = w->nextInFocusChain())
            if (own.removeOne(w))
                stops.append(w);
        stops.append(own); // the editor itself, when it is the control
    }
    return stops;
}

QString FormSection::firstFieldWithMessage() const
{
    for (const QString& field : order_) {
        const Row& row = rows_[field];
        if (!row.message->text().isEmpty() && isFieldVisible(field))
            return field;
    }
    return {};
}

void FormSection::setRequired(const QSet<QString>& required)
{
    for (auto it = rows_.begin(); it != rows_.end(); ++it) {
        const bool now = required.contains(it.key());
        if (now != it->required) {
            it->required = now;
            render(*it);
        }
    }
}

bool FormSection::isRequired(const QString& field) const
{
    return rows_.value(field).required;
}

void FormSection::setMessages(const QHash<QString, QStringList>& messages)
{
    for (auto it = rows_.begin(); it != rows_.end(); ++it) {
        const QString text = messages.value(it.key()).join(QLatin1Char('\n'));
        it->message->setText(text);
        it->message->setVisible(!text.isEmpty());
    }
}

QString FormSection::message(const QString& field) const
{
    const auto it = rows_.constFind(field);
    return it == rows_.cend() ? QString() : it->message->text();
}

QString FormSection::caption(const QString& field) const
{
    const auto it = rows_.constFind(field);
    if (it == rows_.cend())
        return {};
    return it->required ? QStringLiteral("* ") + it->text : it->text;
}

QWidget* FormSection::editor(const QString& field) const
{
    return rows_.value(field).editor;
}

void FormSection::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

} // namespace ui

#include "ui/form/moc_form_section.cpp"
