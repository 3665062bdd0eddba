#include "core/cards/card_service.hpp" // forbidden: the server never reaches a card
