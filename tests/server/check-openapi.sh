#!/usr/bin/env bash
# Keeps docs/api/openapi.yaml complete against the server it documents:
#   - the YAML parses and is an OpenAPI 3.0 document whose local $refs all resolve;
#   - every route `shiqiuren-server --print-routes` lists is a path key with that method under it;
#   - every path + method in the YAML is a route the server serves (no stale or invented ones);
#   - every error code of server/src/http/error_catalogue.cpp is in the `Error` schema's enum and
#     named by at least one response's `x-error-codes`, and the YAML names no code the catalogue
#     does not have.
# Usage: check-openapi.sh <shiqiuren-server binary> <openapi.yaml> <error_catalogue.cpp>
# Needs python3 with PyYAML (Debian: python3-yaml, installed by scripts/lib/deps.sh).
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 <shiqiuren-server binary> <openapi.yaml> <error_catalogue.cpp>" >&2
    exit 2
fi
server=$1 spec=$2 catalogue=$3

for file in "$spec" "$catalogue"; do
    [ -r "$file" ] || { echo "check-openapi: cannot read $file" >&2; exit 1; }
done
[ -x "$server" ] || { echo "check-openapi: $server is not an executable" >&2; exit 1; }

# The first python3 that has PyYAML: the one on PATH, else Debian's own.
python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "check-openapi: no python3 with PyYAML (apt-get install python3-yaml; scripts/lib/deps.sh lists it)" >&2
    exit 1
fi

routes=$(mktemp)
trap 'rm -f "$routes"' EXIT
if ! "$server" --print-routes >"$routes"; then
    echo "check-openapi: '$server --print-routes' failed" >&2
    exit 1
fi

"$python" - "$routes" "$spec" "$catalogue" <<'PY'
import re
import sys

import yaml

routes_file, spec_file, catalogue_file = sys.argv[1:4]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
problems = []


def problem(text):
    problems.append(text)


# --- the server's routes -------------------------------------------------------------------
served = set()
with open(routes_file, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        line = line.strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Z]+) (/\S*)", line)
        if not match:
            print(f"check-openapi: --print-routes line {number} is not 'METHOD /path': {line!r}")
            sys.exit(1)
        served.add((match.group(2), match.group(1).lower()))
if not served:
    print("check-openapi: --print-routes listed no route")
    sys.exit(1)

# --- the catalogue's error codes -----------------------------------------------------------
with open(catalogue_file, encoding="utf-8") as f:
    source = f.read()
# Entries are `{ "code", "zh-TW sentence" }`, the sentence possibly on the next line.
codes = re.findall(r'\{\s*"([a-z][a-z0-9-]*)"\s*,\s*"', source)
if len(codes) < 5:
    print(f"check-openapi: found only {len(codes)} error codes in {catalogue_file}; "
          "has the catalogue's shape changed?")
    sys.exit(1)
if len(set(codes)) != len(codes):
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    problem(f"error_catalogue.cpp lists these codes twice: {', '.join(dupes)}")
codes = set(codes)

# --- the OpenAPI document ------------------------------------------------------------------
try:
    with open(spec_file, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
except yaml.YAMLError as error:
    print(f"check-openapi: {spec_file} is not valid YAML:\n{error}")
    sys.exit(1)
if not isinstance(spec, dict) or not str(spec.get("openapi", "")).startswith("3.0"):
    print(f"check-openapi: {spec_file} is not an OpenAPI 3.0 document (no 'openapi: 3.0.x')")
    sys.exit(1)
for key in ("info", "paths", "components"):
    if not isinstance(spec.get(key), dict):
        print(f"check-openapi: {spec_file} has no '{key}' mapping")
        sys.exit(1)


def walk(node, where):
    """Yields (where, node) for every mapping in the document."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{where}[{index}]")


def resolve(reference):
    node = spec
    for part in reference[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


documented = set()
for path, item in spec["paths"].items():
    if not isinstance(item, dict):
        problem(f"paths '{path}' is not a mapping")
        continue
    path_params = {p.get("name") for p in item.get("parameters", []) if isinstance(p, dict)}
    for method in METHODS:
        if method not in item:
            continue
        documented.add((path, method))
        operation = item[method]
        if not isinstance(operation, dict) or not isinstance(operation.get("responses"), dict):
            problem(f"{method.upper()} {path} has no responses")
            continue
        # Each {placeholder} must be declared as a path parameter (inline or by $ref).
        names = set(path_params)
        for parameter in operation.get("parameters", []) + item.get("parameters", []):
            if isinstance(parameter, dict) and "$ref" in parameter:
                parameter = resolve(parameter["$ref"]) or {}
            if isinstance(parameter, dict) and parameter.get("in") == "path":
                names.add(parameter.get("name"))
        for placeholder in re.findall(r"\{([^}]+)\}", path):
            if placeholder not in names:
                problem(f"{method.upper()} {path} does not declare the path parameter '{placeholder}'")

for where, node in walk(spec, "#"):
    reference = node.get("$ref")
    if isinstance(reference, str):
        if not reference.startswith("#/"):
            problem(f"{where}: only local $refs are expected, not {reference}")
        elif resolve(reference) is None:
            problem(f"{where}: $ref {reference} does not resolve")

for path, method in sorted(served - documented):
    problem(f"route served but not documented: {method.upper()} {path}")
for path, method in sorted(documented - served):
    problem(f"documented but not served: {method.upper()} {path}")

try:
    enum = spec["components"]["schemas"]["Error"]["properties"]["error"]["enum"]
except (KeyError, TypeError):
    enum = None
if not isinstance(enum, list):
    problem("components/schemas/Error/properties/error has no enum of error codes")
    enum = []
named = set()
for where, node in walk(spec, "#"):
    listed = node.get("x-error-codes")
    if listed is None:
        continue
    if not isinstance(listed, list):
        problem(f"{where}: x-error-codes is not a list")
        continue
    for code in listed:
        if code not in codes:
            problem(f"{where}: x-error-codes names '{code}', which error_catalogue.cpp does not have")
        named.add(code)
for code in sorted(codes - set(enum)):
    problem(f"error code missing from the Error schema's enum: {code}")
for code in sorted(set(enum) - codes):
    problem(f"the Error schema's enum has '{code}', which error_catalogue.cpp does not have")
for code in sorted(codes - named):
    problem(f"error code named by no response's x-error-codes: {code}")

if problems:
    print(f"check-openapi: {spec_file} does not match the server ({len(problems)} problems):")
    for text in problems:
        print(f"  - {text}")
    sys.exit(1)
print(f"check-openapi: {len(served)} routes and {len(codes)} error codes documented")
PY
