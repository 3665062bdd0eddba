#include "ui/main/paging_bar.hpp"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace ui {

namespace {

const QList<int> pageSizes { 10, 20, 50, 100 };

QToolButton* linkButton(QWidget* parent, const char* name)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

QLabel* bar(QWidget* parent)
{
    return new QLabel(QStringLiteral("|"), parent);
}

} // namespace

PagingBar::PagingBar(QWidget* parent)
    : QWidget(parent)
{
    first_ = linkButton(this, "firstPage");
    previous_ = linkButton(this, "previousPage");
    next_ = linkButton(this, "nextPage");
    last_ = linkButton(this, "lastPage");
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("pagingSummary"));
    pageLabel_ = new QLabel(this);
    sizeLabel_ = new QLabel(this);
    pageBox_ = new QComboBox(this);
    pageBox_->setObjectName(QStringLiteral("currentPage"));
    sizeBox_ = new QComboBox(this);
    sizeBox_->setObjectName(QStringLiteral("pageSize"));
    for (int size : pageSizes)
        sizeBox_->addItem(QString::number(size), size);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(first_);
    layout->addWidget(bar(this));
    layout->addWidget(previous_);
    layout->addWidget(bar(this));
    layout->addWidget(next_);
    layout->addWidget(bar(this));
    layout->addWidget(last_);
    layout->addWidget(summary_);
    layout->addStretch(1);
    layout->addWidget(pageLabel_);
    layout->addWidget(pageBox_);
    layout->addSpacing(12);
    layout->addWidget(sizeLabel_);
    layout->addWidget(sizeBox_);

    connect(first_, &QToolButton::clicked, this, [this] { emit pageRequested(1); });
    connect(previous_, &QToolButton::clicked, this, [this] { emit pageRequested(page_ - 1); });
    connect(next_, &QToolButton::clicked, this, [this] { emit pageRequested(page_ + 1); });
    connect(last_, &QToolButton::clicked, this, [this] { emit pageRequested(pages_); });
    connect(pageBox_, &QComboBox::activated, this,
        [this](int index) { emit pageRequested(pageBox_->itemData(index).toInt()); });
    connect(sizeBox_, &QComboBox::activated, this,
        [this](int index) { emit pageSizeRequested(sizeBox_->itemData(index).toInt()); });

    retranslate();
    setState(1, 0, 0, pageSize_);
}

void PagingBar::setState(int page, int pages, int total, int pageSize)
{
    page_ = page;
    pages_ = pages;
    total_ = total;
    pageSize_ = pageSize;
    first_->setEnabled(page_ > 1);
    previous_->setEnabled(page_ > 1);
    next_->setEnabled(page_ < pages_);
    last_->setEnabled(page_ < pages_);
    {
        const QSignalBlocker block(pageBox_);
        pageBox_->clear();
        for (int p = 1; p <= std::max(pages_, 1); ++p)
            pageBox_->addItem(QString::number(p), p);
        pageBox_->setCurrentIndex(std::clamp(page_, 1, std::max(pages_, 1)) - 1);
        pageBox_->setEnabled(pages_ > 1);
    }
    {
        const QSignalBlocker block(sizeBox_);
        int index = sizeBox_->findData(pageSize_);
        if (index < 0) {
            sizeBox_->addItem(QString::number(pageSize_), pageSize_);
            index = sizeBox_->count() - 1;
        }
        sizeBox_->setCurrentIndex(index);
    }
    summary_->setText(summaryText());
}

QString PagingBar::summaryText() const
{
    return tr("(共%1筆 / 計%2頁)").arg(total_).arg(pages_);
}

void PagingBar::retranslate()
{
    first_->setText(tr("第一頁"));
    previous_->setText(tr("前一頁"));
    next_->setText(tr("下一頁"));
    last_->setText(tr("最後一頁"));
    pageLabel_->setText(tr("目前頁數"));
    sizeLabel_->setText(tr("每頁筆數:"));
    summary_->setText(summaryText());
}

void PagingBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace ui

#include "ui/main/moc_paging_bar.cpp"
