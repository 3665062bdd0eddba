#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <catch2/catch.hpp>

// Widget tests need a QApplication; without a display they draw offscreen.
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
