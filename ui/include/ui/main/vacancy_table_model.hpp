#pragma once

#include "core/domain/code_lists.hpp"
#include "core/store/local_store.hpp"
#include "core/store/vacancy_list.hpp"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace ui {

/// One page of the vacancy list (Records::list, paged in SQL) in the seed's columns, with the
/// 職缺編號 and the record's sync state beside them, and the row actions as link cells.
class VacancyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Number, ///< 序號 (counted over all pages)
        ServerId, ///< 職缺編號, empty until the server assigned one
        PublishedOn, ///< 刊登日期
        Title, ///< 職稱
        Agency, ///< 機關名稱
        Series, ///< 職系
        Grade, ///< 官職等
        Workplace, ///< 工作地點
        Period, ///< 有效期間
        Status, ///< 審核結果: the service's verdict, empty for a record it has not seen
        SyncState, ///< 同步狀態
        Edit, ///< 修改
        Delete, ///< 刪除
        Preview, ///< 預覽
        Applicants, ///< 調閱履歷
        ColumnCount
    };
    enum Role {
        LocalIdRole = Qt::UserRole + 1,
        ServerIdRole,
        StateRole, ///< core::store::RecordState as int
        ActionEnabledRole, ///< for the action columns: whether the action applies to the row
    };

    explicit VacancyTableModel(core::store::LocalStore& store, QObject* parent = nullptr);

    /// Runs `query` (page, scope, 職缺編號 …) and shows its page.
    void setQuery(const core::store::ListQuery& query);
    const core::store::ListQuery& query() const { return query_; }
    /// Runs the query again (after a sync or a local change).
    void reload();
    const core::store::ListPage& page() const { return page_; }
    int pageCount() const;
    /// The row's record as the list read it.
    const core::store::ListRow& row(int row) const { return page_.rows.at(row); }
    /// Whether `column` (an action column) applies to `row`.
    bool actionEnabled(int row, Column column) const;
    /// Re-reads the texts (the language changed).
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// 審核結果: the service's verdict (a refusal with its reason); empty when it has none.
    static QString verdictText(
        const core::store::ListRow& row, const std::optional<core::store::LocalVacancy>& record);
    /// The service's reason when the verdict shown is 審核未通過; empty otherwise.
    static QString verdictReason(const core::store::ListRow& row);
    static QString syncStateText(const core::store::ListRow& row);

private:
    QString text(int row, int column) const;
    /// 調閱履歷 applies: the posting has been public and opened its applicants' 履歷.
    bool resumesCanExist(int row) const;
    void loadCodeLists();

    core::store::LocalStore& store_;
    core::store::ListQuery query_;
    core::store::ListPage page_;
    /// The full records of the page (the list row lacks 職系, 官職等, 工作地點, 刊登日期).
    QList<std::optional<core::store::LocalVacancy>> records_;
    core::domain::CodeLists codeLists_ = core::domain::CodeLists::builtin();
};

} // namespace ui
