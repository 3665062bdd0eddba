#!/usr/bin/env python3
"""Fills English translations into shiqiuren_en.ts from tab-separated files.

Each line of a TSV file: context<TAB>zh-TW source<TAB>English, with a newline inside a string
written as \\n and a tab as \\t; a plural (%n) string may give "singular|||plural".
Run `cmake --build build --target update_translations` first, so every source string is in
the .ts file, and again after, so the file is in lupdate's own layout. This fills only entries
that are still unfinished (or all matching ones with --overwrite), and prints the unfinished entries it had nothing for.

Usage: apply-english.py [--overwrite] shiqiuren_en.ts FILE.tsv...
"""
import sys
import xml.etree.ElementTree as ET


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load(paths):
    table, by_source = {}, {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) != 3:
                    sys.exit(f"{path}:{number}: expected 3 tab-separated fields")
                context, source, english = (unescape(p) for p in parts)
                table[(context, source)] = english
                by_source.setdefault(source, english)
    return table, by_source


def main():
    args = sys.argv[1:]
    overwrite = "--overwrite" in args
    args = [a for a in args if a != "--overwrite"]
    if len(args) < 2:
        sys.exit(__doc__)
    ts_path, tsv_paths = args[0], args[1:]
    table, by_source = load(tsv_paths)
    tree = ET.parse(ts_path)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            unfinished = translation.get("type") == "unfinished"
            if not unfinished and not overwrite:
                continue
            english = table.get((name, source), by_source.get(source))
            if english is None:
                if unfinished:
                    missing.append((name, source))
                continue
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                # "one|||many" gives both forms; a single text serves for both.
                forms = english.split("|||") if "|||" in english else [english, english]
                for text in forms[:2]:
                    form = ET.SubElement(translation, "numerusform")
                    form.text = text
                translation.text = None
            else:
                translation.text = english
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(ts_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    print(f"filled {filled}; {len(missing)} unfinished without a translation")
    for name, source in missing:
        print(f"  {name}\t{source!r}")


if __name__ == "__main__":
    main()
