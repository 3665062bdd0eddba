#include "smartcard/card_reader.hpp" // allowed: core wraps the card layer
