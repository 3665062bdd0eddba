#include "ui/form/notice_box.hpp"

#include <QEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

NoticeBox::NoticeBox(QWidget* parent)
    : QFrame(parent)
    , toggle_(new QToolButton(this))
    , body_(new QLabel(this))
{
    setObjectName(QStringLiteral("noticeBox"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    // The clerk reads the five points once; after that they fold away and the form comes up.
    toggle_->setObjectName(QStringLiteral("noticeToggle"));
    toggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle_->setAutoRaise(true);
    toggle_->setCheckable(true);
    toggle_->setChecked(true);
    QFont bold = toggle_->font();
    bold.setBold(true);
    toggle_->setFont(bold);
    body_->setTextFormat(Qt::RichText);
    body_->setWordWrap(true);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(toggle_);
    layout->addWidget(body_);
    connect(toggle_, &QToolButton::toggled, this, &NoticeBox::setExpanded);
    retranslate();
}

void NoticeBox::setExpanded(bool expanded)
{
    if (toggle_->isChecked() != expanded)
        toggle_->setChecked(expanded); // toggled() comes back here
    toggle_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    body_->setVisible(expanded);
}

bool NoticeBox::isExpanded() const
{
    return toggle_->isChecked();
}

QString NoticeBox::text() const
{
    return toggle_->text() + QLatin1Char('\n') + body_->text();
}

void NoticeBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void NoticeBox::retranslate()
{
    toggle_->setText(tr("注意事項"));
    toggle_->setToolTip(tr("按此收合或展開注意事項"));
    toggle_->setArrowType(toggle_->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    // The seed's five points, in its words (the law it cites was renamed 性別平等工作法 in 2023).
    const QString points[] = {
        tr("自102年1月15日起本系統僅得以自然人憑證或機關憑證方式登錄職缺資料，系統將自動於職缺"
           "有效期間內公告。"),
        tr("本系統係提供各機關登錄公開徵才職缺資料之服務平台，各機關應對登錄之內容負責審核之責，"
           "衍生之相關責任，亦由各機關自行負責。"),
        tr("各機關如對性別等徵才條件設有限制，應符合性別平等工作法第7條（雇主對求職者或受僱者之"
           "招募、甄試、進用、分發、配置、考績或陞遷等，不得因性別或性傾向而有差別待遇。但工作性質"
           "僅適合特定性別者，不在此限。）及其他相關法令規定，不得與法令牴觸。性別平等工作法第7條所"
           "稱「差別待遇」及「工作性質僅適合特定性別者」，請參見該法施行細則第2條及第3條"),
        tr("若對本系統操作有疑義，請洽本總處人事資訊客服專線(02)-2397-9108。"),
        tr("本系統之聯絡人資料僅供作必要聯絡之用，台端利用本系統之聯絡人資料時，請留意遵守個人資料"
           "保護法等相關規定。"),
    };
    QString html = QStringLiteral("<ul style=\"margin-left:0\">");
    for (const QString& point : points)
        html += QStringLiteral("<li>%1</li>").arg(point.toHtmlEscaped());
    body_->setText(html + QStringLiteral("</ul>"));
}

} // namespace ui

#include "ui/form/moc_notice_box.cpp"
