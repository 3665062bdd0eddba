#!/usr/bin/env bash
# docs/api/openapi.yaml under a linter we did not write: Redocly CLI's built-in `recommended`
# rules, at the version pinned in package-lock.json. Any error, warning or ignored problem fails:
# a clean contract is one with nothing to report, not one whose problems are switched off.
# Usage: lint-openapi.sh <tools folder> <openapi.yaml>
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 <tools folder> <openapi.yaml>" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
tools=$1 spec=$2
[ -r "$spec" ] || { echo "lint-openapi: cannot read $spec" >&2; exit 1; }
spec=$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")

bin=$("$here/install-tools.sh" "$tools")
# No usage reports and no version check: the run must not depend on the network.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

report=$(mktemp) messages=$(mktemp)
trap 'rm -f "$report" "$messages"' EXIT
# Run from the tools folder with the rule set named, so no redocly.yaml or ignore file found
# elsewhere can change the rules. The exit status counts errors only; the totals count the rest.
(cd "$tools" && "$bin/redocly" lint --extends=recommended --format=json "$spec" >"$report" 2>"$messages") || true

totals=$(node -e '
    const fs = require("fs");
    let report;
    try { report = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch (error) {
        console.log("unreadable"); process.exit(0); // the stylish run below shows why
    }
    const t = report.totals || {};
    console.log([t.errors, t.warnings, t.ignored].map(n => Number.isInteger(n) ? n : "?").join(" "));
' "$report")
if [ "$totals" != "0 0 0" ]; then
    echo "lint-openapi: $spec is not clean (errors warnings ignored: $totals):" >&2
    (cd "$tools" && "$bin/redocly" lint --extends=recommended --format=stylish "$spec") >&2 || true
    exit 1
fi
version=$("$bin/redocly" --version 2>/dev/null)
echo "lint-openapi: $(basename "$spec") passes Redocly CLI $version lint (recommended): 0 errors, 0 warnings"
