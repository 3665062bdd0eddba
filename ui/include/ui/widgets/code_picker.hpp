#pragma once

#include "core/domain/code_lists.hpp"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QListWidget;
class QPushButton;

namespace ui {

/// Picks from one code list (人員區分, 職系) with the codes shown beside the names, e.g.
/// 「A101 綜合行政」 (人員區分 has no codes of its own: its names are shown alone).
/// Single: a drop-down. Multiple: the seed's drop-down plus 「選取」, which adds the chosen code to
/// the list below it (「移除」 takes the selected one off). Retired codes are never offered; a
/// record that holds one (or an unknown code) still shows it, marked.
class CodePicker : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Single, Multiple };

    CodePicker(const core::domain::CodeLists& codes, core::domain::CodeListKind kind, Mode mode,
        QWidget* parent = nullptr);

    /// Multiple: the chosen codes in order. Single: the chosen code, or nothing.
    QStringList codes() const;
    void setCodes(const QStringList& codes);
    /// Single: the chosen code or empty.
    QString code() const;
    void setCode(const QString& code);

    /// What the clerk would do: choose `code` in the drop-down and (Multiple) press 「選取」.
    /// False for a code the list does not offer.
    bool choose(const QString& code);
    /// Multiple: takes `code` off the list.
    void remove(const QString& code);

    QComboBox* comboBox() const { return combo_; }
    QListWidget* chosenList() const { return chosen_; }
    /// How a code reads in this picker: 「A101 綜合行政」, 「一般人員」, or the code alone.
    QString label(const QString& code) const;

signals:
    /// The clerk changed the choice.
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillCombo();
    void addChosen();
    void removeSelected();
    void renderChosen();

    core::domain::CodeLists codes_;
    core::domain::CodeListKind kind_;
    Mode mode_;
    QComboBox* combo_ = nullptr;
    QPushButton* add_ = nullptr;
    QListWidget* chosen_ = nullptr;
    QPushButton* remove_ = nullptr;
    QStringList chosenCodes_; ///< Multiple
    QString extra_; ///< Single: a retired or unknown code of the record, offered only for it
};

} // namespace ui
