#include <QWidget> // forbidden: core never uses Widgets
