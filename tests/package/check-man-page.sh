#!/usr/bin/env bash
# Checks one man page against its program: the page renders without a groff or man warning, every
# long option the program's --help prints is in the page, and every long option the page's
# OPTIONS section describes is in --help (so neither can drift from the other).
# Usage: check-man-page.sh MAN_PAGE(.1 or .1.gz) PROGRAM [ARG...]   (PROGRAM ARG... --help)
# Exit 0 when all holds, 1 otherwise, naming each problem.
set -uo pipefail
page=$1
shift
status=0
problem() { echo "$page: $*" >&2; status=1; }

# lintian runs man the same way; any message on stderr is a defect of the page.
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] || problem "man reports: $warnings"

# The page as text, with the typographic hyphens and minus signs groff may print made ASCII.
rendered=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -E UTF-8 -l "$page" 2>/dev/null | col -b \
    | sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g')
[ -n "$rendered" ] || problem "renders to nothing"

help=$("$@" --help 2>&1) || problem "'$* --help' failed"
long_options() { grep -oE -- '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u; }
help_options=$(printf '%s\n' "$help" | long_options)
[ -n "$help_options" ] || problem "'$* --help' prints no long option"
page_options=$(printf '%s\n' "$rendered" | long_options)
# The OPTIONS section: from its heading to the next heading (a line starting with a capital).
section_options=$(printf '%s\n' "$rendered" | awk '/^OPTIONS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' \
    | long_options)
[ -n "$section_options" ] || problem "has no OPTIONS section naming long options"

for option in $help_options; do
    grep -qxF -- "$option" <<<"$page_options" || problem "does not describe $option (in --help)"
done
for option in $section_options; do
    grep -qxF -- "$option" <<<"$help_options" || problem "describes $option, which --help does not list"
done
exit $status
