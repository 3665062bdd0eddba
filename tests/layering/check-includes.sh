#!/usr/bin/env bash
# Fails when a layer's sources include something above them or a forbidden Qt module.
set -uo pipefail
top=$1
status=0
forbid() { # layer-dir, extended regex over #include lines, reason
    local hits
    hits=$(grep -rnE --include='*.cpp' --include='*.hpp' --include='*.h' "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" "$top/$1" 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "$3:"; echo "$hits"; status=1
    fi
}
forbid smartcard 'Q|core/|ui/|server/' "smartcard/ is plain C++ below everything"
forbid core 'QtWidgets|QWidget|QApplication|QDialog|QMainWindow|ui/|server/' "core/ must not use Widgets, ui or server"
forbid core 'QtNetwork|QNetwork|QSsl|QTcp|QHostAddress' "core/ sends through core_network, the module it opens"
forbid core_cards 'QtWidgets|QWidget|QApplication|QDialog|QMainWindow|ui/|server/' "core_cards/ must not use Widgets, ui or server"
forbid ui 'smartcard/|server/' "ui/ reaches cards only through core"
forbid ui 'QtPrintSupport|QPrint|QAbstractPrintDialog|QPageSetupDialog' "ui/ prints through ui_print, the module it opens"
forbid server 'smartcard/|ui/|QtWidgets|QWidget|QApplication' "server/ sits on core only"
exit $status
