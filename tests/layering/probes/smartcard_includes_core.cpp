#include "core/cards/card_report.hpp" // forbidden: smartcard must not see core
