#include "core/cards/card_service.hpp" // forbidden: PC/SC is core_cards, one layer up
