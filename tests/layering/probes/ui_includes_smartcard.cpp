#include "smartcard/pcsc.hpp" // forbidden: ui reaches cards only through core
