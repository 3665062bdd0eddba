#!/usr/bin/env bash
# Runs a Windows program under Wine, headless: the cross build's CMAKE_CROSSCOMPILING_EMULATOR.
# Usage: wine-run.sh WINEPREFIX PROGRAM.exe [ARGS...] — exits with the program's status.
set -euo pipefail
export WINEPREFIX=${1:?usage: wine-run.sh WINEPREFIX PROGRAM [ARGS...]}
shift
# No display: Wine must not try X (or Wayland); no debug chatter; and no offer to install Mono
# or Gecko, which these programs never use.
export DISPLAY='' WAYLAND_DISPLAY='' WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
exec /usr/lib/wine/wine64 "$@"
