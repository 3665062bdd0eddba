#include <QPrinter> // forbidden: ui prints through the print module
