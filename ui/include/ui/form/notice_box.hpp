#pragma once

#include <QFrame>

class QLabel;

namespace ui {

/// The seed's 「* 注意事項」 box at the top of 機關徵才登錄.
class NoticeBox : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBox(QWidget* parent = nullptr);
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QLabel* title_ = nullptr;
    QLabel* body_ = nullptr;
};

} // namespace ui
