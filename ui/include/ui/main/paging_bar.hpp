#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace ui {

/// The seed's paging line: 第一頁 | 前一頁 | 下一頁 | 最後一頁 (共N筆 / 計M頁), then 目前頁數 and
/// 每頁筆數 as drop-downs.
class PagingBar : public QWidget {
    Q_OBJECT
public:
    explicit PagingBar(QWidget* parent = nullptr);

    /// What the list shows now; `page` is 1-based, `pages` 0 for an empty list.
    void setState(int page, int pages, int total, int pageSize);
    int page() const { return page_; }

    QToolButton* firstButton() const { return first_; }
    QToolButton* previousButton() const { return previous_; }
    QToolButton* nextButton() const { return next_; }
    QToolButton* lastButton() const { return last_; }
    QComboBox* pageBox() const { return pageBox_; }
    /// "(共N筆 / 計M頁)"
    QString summaryText() const;

    void retranslate();

signals:
    void pageRequested(int page);
    void pageSizeRequested(int pageSize);

protected:
    void changeEvent(QEvent* event) override;

private:
    QToolButton* first_ = nullptr;
    QToolButton* previous_ = nullptr;
    QToolButton* next_ = nullptr;
    QToolButton* last_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* pageLabel_ = nullptr;
    QLabel* sizeLabel_ = nullptr;
    QComboBox* pageBox_ = nullptr;
    QComboBox* sizeBox_ = nullptr;
    int page_ = 1;
    int pages_ = 0;
    int total_ = 0;
    int pageSize_ = 10;
};

} // namespace ui
