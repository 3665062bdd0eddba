#include "ui/main/vacancy_table_model.hpp"

#include "core/domain/roc_date.hpp"
#include "ui/preview/vacancy_text.hpp"

#include <QBrush>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>
#include <optional>

namespace ui {

using core::domain::VacancyStatus;
using core::store::ListRow;
using core::store::RecordState;

namespace {

/// The stored bundle parsed once per process, not on every reload: it changes only when a sync
/// brings a new one, and the list reloads on every page, sort and search.
const core::domain::CodeLists& parsedCodeLists(const core::store::CachedCodeLists& c)
{
    static QByteArray parsedBundle;
    static QString parsedEtag;
    static std::optional<core::domain::CodeLists> parsed;
    if (!parsed || parsedBundle != c.bundle || parsedEtag != c.etag) {
        parsed
            = core::domain::CodeLists::fromJson(QJsonDocument::fromJson(c.bundle).object(), c.etag);
        parsedBundle = c.bundle;
        parsedEtag = c.etag;
    }
    return *parsed;
}

} // namespace

VacancyTableModel::VacancyTableModel(core::store::LocalStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , store_(store)
{ }

void VacancyTableModel::setQuery(const core::store::ListQuery& query)
{
    query_ = query;
    reload();
}

void VacancyTableModel::reload()
{
    beginResetModel();
    loadCodeLists();
    try {
        page_ = store_.records().list(query_);
    } catch (const core::store::StoreError&) {
        page_ = {}; // the status area reports the database; the list shows nothing rather than junk
    }
    query_.page = page_.page; // clamped
    records_.clear();
    for (const ListRow& r : page_.rows) {
        try {
            records_.append(store_.records().find(r.localId));
        } catch (const core::store::StoreError&) {
            records_.append(std::nullopt);
        }
    }
    endResetModel();
}

void VacancyTableModel::loadCodeLists()
{
    // The server's lists once synced (new 職系 names), the built-in ones before.
    try {
        if (const auto cached = store_.syncState().cachedCodeLists()) {
            codeLists_ = parsedCodeLists(*cached);
            return;
        }
    } catch (const std::exception&) {
        // fall back to the built-in lists
    }
    codeLists_ = core::domain::CodeLists::builtin();
}

int VacancyTableModel::pageCount() const
{
    if (page_.total <= 0 || page_.pageSize <= 0)
        return 0;
    return (page_.total + page_.pageSize - 1) / page_.pageSize;
}

void VacancyTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!page_.rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int VacancyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(page_.rows.size());
}

int VacancyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool VacancyTableModel::actionEnabled(int row, Column column) const
{
    if (row < 0 || row >= page_.rows.size())
        return false;
    const ListRow& r = page_.rows.at(row);
    // An ended or withdrawn posting stays in the history as it was.
    const bool closed = r.serverStatus
        && (*r.serverStatus == VacancyStatus::Ended || *r.serverStatus == VacancyStatus::Withdrawn);
    switch (column) {
    case Edit:
    case Delete:
        return !r.deleted && !closed;
    case Preview:
        return true;
    case Applicants:
        return resumesCanExist(row);
    default:
        return false;
    }
}

bool VacancyTableModel::resumesCanExist(int row) const
{
    const ListRow& r = page_.rows.at(row);
    const auto& record = records_.at(row);
    if (r.serverId.isEmpty() || !r.serverStatus || !record)
        return false;
    // Applicants apply to a posting that has been public, and only when it opened 調閱履歷.
    const bool wasPublic = *r.serverStatus == VacancyStatus::Published
        || *r.serverStatus == VacancyStatus::Ended || *r.serverStatus == VacancyStatus::Withdrawn;
    const core::domain::Vacancy& v = record->data;
    return wasPublic && v.resumeAccess.enabled
        && v.vacancyClass != core::domain::VacancyClass::NoResumeAccess;
}

QString VacancyTableModel::verdictText(
    const ListRow& row, const std::optional<core::store::LocalVacancy>& record)
{
    // The service's verdict only. A record it has not seen has none; how far the record got on
    // its way there is 同步狀態's business.
    if (row.state == RecordState::Rejected) {
        const QString reason = record && !record->rejection.isEmpty()
            ? record->rejection.first().message
            : QString();
        return reason.isEmpty() ? tr("退回") : tr("退回：%1").arg(reason);
    }
    if (!row.serverStatus)
        return {};
    switch (*row.serverStatus) {
    case VacancyStatus::Scheduled:
        return tr("待刊登");
    case VacancyStatus::Published:
        return tr("刊登中");
    case VacancyStatus::Ended:
        return tr("已結束");
    case VacancyStatus::Withdrawn:
        return tr("已撤銷");
    case VacancyStatus::Rejected:
        return tr("審核未通過");
    }
    return {};
}

QString VacancyTableModel::verdictReason(const ListRow& row)
{
    // A local refusal (退回) is shown instead of the service's verdict, and so is its reason.
    if (row.state == RecordState::Rejected || row.serverStatus != VacancyStatus::Rejected)
        return {};
    return row.serverRejectionReason;
}

QString VacancyTableModel::syncStateText(const ListRow& row)
{
    if (row.deleted)
        return tr("待刪除");
    if (row.serverDeleted)
        return tr("徵才系統上已刪除");
    switch (row.state) {
    case RecordState::Draft:
        return tr("草稿（未送出）");
    case RecordState::Pending:
        return tr("待上傳");
    case RecordState::Synced:
        return tr("已同步");
    case RecordState::Conflict:
        return tr("衝突，待處理");
    case RecordState::Rejected:
        return tr("被退回，待修正");
    }
    return {};
}

QString VacancyTableModel::text(int row, int column) const
{
    const ListRow& r = page_.rows.at(row);
    const auto& record = records_.at(row);
    switch (column) {
    case Number:
        return QString::number((page_.page - 1) * page_.pageSize + row + 1);
    case ServerId:
        return r.serverId; // the service assigns it; a draft has none yet
    case PublishedOn:
        return record ? core::domain::rocDateDisplay(record->data.publishedOn) : QString();
    case Title:
        return r.title;
    case Agency:
        // Always the name: a row without one borrows the record's, never shows the code.
        return r.agencyName.isEmpty() && record ? record->data.agencyName : r.agencyName;
    case Series:
        return record ? vacancytext::series(record->data.seriesCodes, codeLists_) : QString();
    case Grade:
        return record ? vacancytext::grade(record->data) : QString();
    case Workplace:
        return record ? vacancytext::workplaces(record->data.workplaceCodes, codeLists_)
                      : QString();
    case Period:
        return core::domain::rocPeriodDisplay(r.validFrom, r.validTo);
    case Status:
        return verdictText(r, record);
    case SyncState:
        return syncStateText(r);
    case Edit:
        return actionEnabled(row, Edit) ? tr("修改") : QString();
    case Delete:
        return actionEnabled(row, Delete) ? tr("刪除") : QString();
    case Preview:
        return tr("預覽");
    case Applicants:
        return actionEnabled(row, Applicants) ? tr("調閱履歷") : QString();
    default:
        return {};
    }
}

QVariant VacancyTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= page_.rows.size())
        return {};
    const ListRow& r = page_.rows.at(index.row());
    const int column = index.column();
    const bool action = column >= Edit && column <= Applicants;
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), column);
    case Qt::ToolTipRole:
        // 審核未通過 says why on hover; the cell stays short.
        if (column == Status && !verdictReason(r).isEmpty())
            return tr("未通過原因：%1").arg(verdictReason(r));
        return text(index.row(), column);
    case Qt::AccessibleTextRole:
        // A screen reader reads the reason with the verdict: it has no hover.
        if (column == Status && !verdictReason(r).isEmpty())
            return tr("%1，未通過原因：%2").arg(text(index.row(), column), verdictReason(r));
        return {};
    case LocalIdRole:
        return r.localId;
    case ServerIdRole:
        return r.serverId;
    case StateRole:
        return int(r.state);
    case ActionEnabledRole:
        return actionEnabled(index.row(), Column(column));
    case Qt::ForegroundRole:
        if (action)
            return QBrush(QPalette().color(QPalette::Link));
        if (column == SyncState
            && (r.state == RecordState::Conflict || r.state == RecordState::Rejected))
            return QBrush(Qt::darkRed);
        return {};
    case Qt::FontRole:
        if (action) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Number || action)
            return int(Qt::AlignCenter);
        return {};
    default:
        return {};
    }
}

QVariant VacancyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("序號");
    case ServerId:
        return tr("職缺編號");
    case PublishedOn:
        return tr("刊登日期");
    case Title:
        return tr("職稱");
    case Agency:
        return tr("機關名稱");
    case Series:
        return tr("職系");
    case Grade:
        return tr("官職等");
    case Workplace:
        return tr("工作地點");
    case Period:
        return tr("有效期間");
    case Status:
        return tr("審核結果");
    case SyncState:
        return tr("同步狀態");
    case Edit:
        return tr("修改");
    case Delete:
        return tr("刪除");
    case Preview:
        return tr("預覽");
    case Applicants:
        return tr("調閱履歷");
    default:
        return {};
    }
}

} // namespace ui

#include "ui/main/moc_vacancy_table_model.cpp"
