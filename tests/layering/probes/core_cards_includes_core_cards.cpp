#include "core/cards/card_service.hpp" // allowed: its own header
