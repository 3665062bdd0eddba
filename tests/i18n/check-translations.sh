#!/usr/bin/env bash
# Fails when the committed .ts files are stale (lupdate would change them) or an English
# translation is missing. Usage: check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
top=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$top"/translations/shiqiuren_*.ts; do
    cp "$ts" "$work/"
done
(cd "$top" && "$lupdate" -silent -locations none -no-obsolete -source-language zh_TW \
    core core_cards ui app server -ts "$work"/shiqiuren_*.ts) >/dev/null
for ts in "$top"/translations/shiqiuren_*.ts; do
    if ! diff -u "$ts" "$work/$(basename "$ts")"; then
        echo "$(basename "$ts") is stale: run 'cmake --build build --target update_translations'"
        status=1
    fi
done
# Every context the code looks texts up in by name must be one the catalogue has: a lookup in a
# context lupdate filed nowhere finds nothing, and the English UI silently shows Chinese.
known=$(grep -o '<name>[^<]*</name>' "$top/translations/shiqiuren_en.ts" | sed 's/<[^>]*>//g' | sort -u)
used=$(cd "$top" && grep -rhoE '(translate|QT_TRANSLATE_NOOP|QT_TRANSLATE_N_NOOP)\(\s*"[^"]+"|Q_DECLARE_TR_FUNCTIONS\([A-Za-z_:]+\)' \
    core core_cards ui app server --include='*.cpp' --include='*.hpp' \
    | sed -E 's/.*\(\s*"?([^")]+)"?\)?$/\1/' | sort -u)
for context in $used; do
    if ! grep -qxF -- "$context" <<<"$known"; then
        echo "the code looks texts up in context \"$context\", which shiqiuren_en.ts does not have"
        status=1
    fi
done
unfinished=$(grep -c 'type="unfinished"' "$top/translations/shiqiuren_en.ts" || true)
if [ "$unfinished" != "0" ]; then
    echo "shiqiuren_en.ts has $unfinished untranslated entries"
    status=1
fi
exit $status
