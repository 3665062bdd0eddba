#include "ui/form/form_section.hpp"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

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

} // namespace

FormSection::FormSection(QWidget* parent)
    : QGroupBox(parent)
{ }

void FormSection::addField(
    QGridLayout* grid, int row, int column, const QString& field, QWidget* editor, int columnSpan)
{
    auto* caption = new QLabel(this);
    caption->setTextFormat(Qt::RichText);
    caption->setAlignment(Qt::AlignRight | Qt::AlignTop);
    caption->setBuddy(editor);
    auto* cell = new QWidget(this);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    editor->setObjectName(field);
    grid->addWidget(caption, row, column * 2);
    grid->addWidget(cell, row, column * 2 + 1, 1, columnSpan * 2 - 1);
    Row entry;
    entry.caption = caption;
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
