#include "smartcard/card_reader.hpp" // allowed: core_cards wraps the card layer
