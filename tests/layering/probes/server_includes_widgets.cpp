#include <QWidget> // forbidden: the server has no widgets
