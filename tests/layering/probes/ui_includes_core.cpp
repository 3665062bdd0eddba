#include "core/cards/card_report.hpp" // allowed: ui sits on core
