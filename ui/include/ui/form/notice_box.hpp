#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace ui {

/// The seed's 注意事項 box at the top of 機關徵才登錄; its heading folds the five points away.
class NoticeBox : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBox(QWidget* parent = nullptr);
    QString text() const;
    void setExpanded(bool expanded);
    bool isExpanded() const;
    /// The heading that folds and unfolds the points.
    QToolButton* toggle() const { return toggle_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QToolButton* toggle_ = nullptr;
    QLabel* body_ = nullptr;
};

} // namespace ui
