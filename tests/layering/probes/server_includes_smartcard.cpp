#include "smartcard/pcsc.hpp" // forbidden: the server never touches cards
