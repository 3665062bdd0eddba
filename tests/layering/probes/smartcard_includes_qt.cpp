#include <QString> // forbidden: smartcard is plain C++
