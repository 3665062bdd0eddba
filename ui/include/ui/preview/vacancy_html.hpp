#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QString>

namespace ui {

/// The vacancy as the public detail page (機關徵才項目明細) shows it: 職稱 on top, then 徵才機關,
/// 人員區分, 官職等, 職系, 名額, 性別 (only when limited, as the page does), 工作地點, 有效期間
/// (ROC, 112/08/25~112/09/14), 資格條件, 工作項目, 工作地址, 聯絡E-Mail, 聯絡方式, 職缺類別 and
/// 履歷調閱資料. A whole HTML document for QTextDocument; the clerk's text is escaped.
QString vacancyHtml(const core::domain::Vacancy& vacancy, const core::domain::CodeLists& codes);

} // namespace ui
