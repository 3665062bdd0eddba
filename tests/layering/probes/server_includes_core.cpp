#include "core/cards/card_report.hpp" // allowed: the server uses core
