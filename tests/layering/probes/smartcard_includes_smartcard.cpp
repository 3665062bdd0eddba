#include "smartcard/apdu.hpp" // allowed: a layer sees itself
