#!/usr/bin/env bash
# The docs check refuses what it is there to refuse: a link to a screenshot that is not there, a
# guide showing the other language's picture, and a developer command in the clerk's guide.
# Usage: check-docs-selftest.sh CHECK_DOCS SOURCE_DIR
set -euo pipefail
check=$1
top=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
plant() { # NAME, then a sed expression applied to the English guide
    rm -rf "$work/tree"
    mkdir -p "$work/tree"
    cp "$top/README.md" "$work/tree/"
    cp -r "$top/docs" "$work/tree/"
    sed -i "$2" "$work/tree/docs/user-guide.en.md"
    if "$check" "$work/tree" >/dev/null; then
        echo "not caught: $1"
        status=1
    fi
}
"$check" "$top" >/dev/null || { echo "the real tree fails the check"; exit 1; }
plant "a missing screenshot" 's#screenshots/en/list.png#screenshots/en/no-such.png#'
plant "the other language's screenshot" 's#screenshots/en/list.png#screenshots/zh_TW/list.png#'
plant "a developer command" '$a Run ./scripts/run first.'
plant "a missing section" '0,/^## /s/^## /### /'
exit $status
