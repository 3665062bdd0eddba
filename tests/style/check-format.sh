#!/usr/bin/env bash
# Fails when a C++ file in the tree differs from what clang-format (the project's .clang-format)
# makes of it. Fix with: git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
set -euo pipefail
top=$1
cd "$top"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' '*.h')
else
    mapfile -t files < <(find app core smartcard ui server tests -name '*.cpp' -o -name '*.hpp' -o -name '*.h')
fi
clang-format --dry-run --Werror "${files[@]}"
