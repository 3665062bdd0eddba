// The form from the keyboard alone: Tab walks every field in the order shown and reaches 送出;
// every control has a name; 送出 with errors lands on the first field to fix; the section bar
// jumps between the groups; the 注意事項 folds away.

#include "../accessible_names.hpp"
#include "form_fixture.hpp"
#include "ui/form/form_section.hpp"
#include "ui/form/notice_box.hpp"
#include "ui/form/post_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>

namespace {

/// Whether `focus` is `editor` or inside it (a field's editor is often a box of controls).
bool within(QWidget* focus, QWidget* editor)
{
    return focus && editor && (focus == editor || editor->isAncestorOf(focus));
}

} // namespace

TEST_CASE("Tab walks the form in the order shown, every field and 送出", "[form][keyboard]")
{
    formtest::Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    REQUIRE(QTest::qWaitForWindowActive(&dialog));

    // The fields in the order the groups (as the section bar lists them) and rows show them.
    QList<QPair<QString, QWidget*>> fields;
    QList<ui::FormSection*> shown;
    for (QPushButton* jump : dialog.sectionJumps()) {
        for (ui::FormSection* section : dialog.findChildren<ui::FormSection*>())
            if (section->title() == jump->text())
                shown.append(section);
    }
    REQUIRE(shown.size() == 5);
    for (ui::FormSection* section : shown)
        for (const QString& field : section->fields()) {
            QWidget* editor = section->editor(field);
            if (editor && editor->isVisibleTo(&dialog) && editor->isEnabled()
                && editor->focusPolicy() != Qt::NoFocus)
                fields.append({ field, editor });
        }

    dialog.sectionJumps().first()->setFocus(Qt::TabFocusReason);
    QList<QWidget*> visited;
    for (int i = 0; i < 400; ++i) {
        QWidget* focus = QApplication::focusWidget();
        if (!focus || visited.contains(focus))
            break; // round the whole ring once
        visited.append(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QStringList walk;
    for (QWidget* w : visited)
        walk.append(
            w->objectName() + QLatin1Char(':') + QString::fromLatin1(w->metaObject()->className()));
    INFO("walk: " << walk.join(QStringLiteral(" > ")).toStdString());
    // Each field is reached, and in the order shown.
    int last = -1;
    for (const auto& [field, editor] : fields) {
        int at = -1;
        for (int i = 0; i < visited.size(); ++i)
            if (within(visited.at(i), editor)) {
                at = i;
                break;
            }
        INFO("field " << field.toStdString());
        CHECK(at >= 0);
        CHECK(at > last);
        if (at >= 0)
            last = at;
    }
    // 送出 comes after every field.
    const auto submitAt = visited.indexOf(dialog.submitButton());
    CHECK(submitAt > last);
}

TEST_CASE("Every control of the form has a name a screen reader can say", "[form][keyboard]")
{
    formtest::Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    INFO(uitest::unnamedControls(&dialog).join(QStringLiteral(", ")).toStdString());
    CHECK(uitest::unnamedControls(&dialog).isEmpty());
    // The 約僱 kind shows other rows (其他官職等, 官等類別): named as well.
    core::domain::Vacancy v = dialog.vacancy();
    v.personKind = QStringLiteral("約僱人員");
    v.gender = core::domain::Gender::Female; // and the reason field
    dialog.setVacancy(v);
    INFO(uitest::unnamedControls(&dialog).join(QStringLiteral(", ")).toStdString());
    CHECK(uitest::unnamedControls(&dialog).isEmpty());
}

TEST_CASE(
    "送出 with errors lands on the first field to fix, in the order shown", "[form][keyboard]")
{
    formtest::Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    core::domain::Vacancy v = formtest::validVacancy();
    v.validFrom = QDate::currentDate().addDays(2);
    v.validTo = v.validFrom.addDays(1); // under the 3-day minimum
    v.title.clear(); // and 職稱 missing, which comes first on the form
    dialog.setVacancy(v);
    CHECK_FALSE(dialog.submit());
    CHECK(dialog.firstFieldInError() == QStringLiteral("title"));
    CHECK(
        within(QApplication::focusWidget(), dialog.postSection()->editor(QStringLiteral("title"))));
    // The rules without a star say so beside their fields.
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("periodHint"))
              ->text()
              .contains(QStringLiteral("3")));
    const auto* reserveHint = dialog.findChild<QLabel*>(QStringLiteral("reserveHint"));
    CHECK(reserveHint->isVisibleTo(&dialog));
    CHECK(reserveHint->text().contains(QString::number(2 * v.openings)));
}

TEST_CASE("The section bar jumps to each group; 注意事項 folds away", "[form][keyboard]")
{
    formtest::Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    QPushButton* toPost = nullptr;
    for (QPushButton* jump : dialog.sectionJumps())
        if (jump->text() == dialog.postSection()->title())
            toPost = jump;
    REQUIRE(toPost);
    toPost->click();
    CHECK(within(QApplication::focusWidget(), dialog.postSection()));

    auto* notice = dialog.findChild<ui::NoticeBox*>(QStringLiteral("noticeBox"));
    REQUIRE(notice);
    CHECK(notice->isExpanded());
    notice->toggle()->click();
    CHECK_FALSE(notice->isExpanded());
    notice->toggle()->click();
    CHECK(notice->isExpanded());
}
