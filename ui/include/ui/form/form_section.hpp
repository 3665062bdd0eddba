#pragma once

#include "core/domain/vacancy.hpp"

#include <QGroupBox>
#include <QHash>
#include <QSet>
#include <QStringList>

class QGridLayout;
class QLabel;

namespace ui {

/// One group of the vacancy form (機關基本資料, 機關徵才資料, …). Every field row has a caption
/// (「* 」 in front when the rules require it) and a message line under its editor, addressed by
/// the field's JSON key — the key the rules (core/domain/vacancy_rules.hpp) and the server's 422
/// use, so a message lands beside the field it is about.
class FormSection : public QGroupBox {
    Q_OBJECT
public:
    explicit FormSection(QWidget* parent = nullptr);

    /// Copies the section's fields into `vacancy`; the others stay as they are.
    virtual void read(core::domain::Vacancy& vacancy) const = 0;
    /// Shows the section's fields of `vacancy`.
    virtual void write(const core::domain::Vacancy& vacancy) = 0;

    /// The JSON keys this section has a message line for.
    QStringList fields() const { return order_; }
    bool hasField(const QString& field) const { return rows_.contains(field); }
    void setRequired(const QSet<QString>& required);
    bool isRequired(const QString& field) const;
    /// Messages by field; fields missing from `messages` are cleared.
    void setMessages(const QHash<QString, QStringList>& messages);
    /// The message shown under `field` (lines joined by \n), empty when none.
    QString message(const QString& field) const;
    /// The caption as shown, e.g. 「* 職稱」.
    QString caption(const QString& field) const;
    /// The widget to focus for `field`.
    QWidget* editor(const QString& field) const;
    /// Shows or hides a field's row (a field that does not apply to the post as it stands).
    void setFieldVisible(const QString& field, bool visible);
    bool isFieldVisible(const QString& field) const;
    /// The first field, in the order shown, with a message under it; empty when none.
    QString firstFieldWithMessage() const;
    /// The widest caption of the first column, and that column's width: the form gives every
    /// group the same, so the captions of all groups line up.
    int captionWidth() const;
    void setCaptionWidth(int width);
    /// The controls Tab stops at, in the order the rows show them (each field's own controls
    /// in their focus order).
    QList<QWidget*> tabStops() const;

signals:
    /// The clerk changed `field`.
    void edited(const QString& field);

protected:
    /// A caption in column 2×`column` and the editor with its message line under it in the next
    /// column of `grid`'s `row`. The editor is named after the field (tests find it so).
    void addField(QGridLayout* grid, int row, int column, const QString& field, QWidget* editor,
        int columnSpan = 1);
    /// A field without a row of its own (有效期間's end date, 性別's reason): returns its
    /// message line for the caller to place under `editor`.
    QLabel* addMessageLine(const QString& field, QWidget* editor);
    /// The caption's text without the mark; call from retranslate().
    void setCaption(const QString& field, const QString& text);
    virtual void retranslate() = 0;
    /// Names `control` and the controls inside it for a screen reader, where one caption holds
    /// several of them (有效期間's two dates, 分機 beside 電話).
    static void nameControl(QWidget* control, const QString& name);
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        QLabel* caption = nullptr;
        QLabel* message = nullptr;
        QWidget* editor = nullptr;
        QWidget* cell = nullptr; ///< the editor with its message line
        QString text;
        bool required = false;
    };
    void render(Row& row);

    QHash<QString, Row> rows_;
    QGridLayout* grid_ = nullptr;
    QStringList order_;
};

} // namespace ui
