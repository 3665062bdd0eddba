// The style that reads the menu bar's overflow arrow only when it is drawn: the arrow still
// draws as the style's own, and every other standard icon is the style's, untouched.
#include "ui/widgets/deferred_icon_style.hpp"

#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <catch2/catch.hpp>

namespace {

QImage drawn(const QIcon& icon)
{
    return icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

TEST_CASE("the deferred overflow arrows draw as the base style's", "[ui][style]")
{
    ui::DeferredIconStyle style;
    QStyle* base = style.baseStyle();
    REQUIRE(base != nullptr);
    for (const auto which : { QStyle::SP_ToolBarHorizontalExtensionButton,
             QStyle::SP_ToolBarVerticalExtensionButton }) {
        const QImage expected = drawn(base->standardIcon(which));
        REQUIRE_FALSE(expected.isNull());
        const QIcon deferred = style.standardIcon(which);
        CHECK(drawn(deferred) == expected);
        CHECK(deferred.actualSize(QSize(16, 16))
            == base->standardIcon(which).actualSize(QSize(16, 16)));
        CHECK(drawn(QIcon(deferred)) == expected); // a copy draws too
    }
}

TEST_CASE("other standard icons come from the base style unchanged", "[ui][style]")
{
    ui::DeferredIconStyle style;
    const QImage expected = drawn(style.baseStyle()->standardIcon(QStyle::SP_DialogOkButton));
    CHECK(drawn(style.standardIcon(QStyle::SP_DialogOkButton)) == expected);
}
