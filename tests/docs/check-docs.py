#!/usr/bin/env python3
"""Fails when the documentation points at nothing, or the two user guides drift apart.

Usage: check-docs.py SOURCE_DIR

1. Every relative link and image in README.md and docs/**/*.md names a file that exists (the
   screenshots are redrawn, and their names may change).
2. The clerk's guide exists in Traditional Chinese (docs/user-guide.md) and English
   (docs/user-guide.en.md); each links the other, both have the same sections, and they show the
   same screenshots, each from its own language's folder.
3. The guides are for clerks: no developer commands (scripts/, cmake, ctest) and no IT settings
   files (/etc/xdg); those live in README.md and docs/install.md.
"""
import pathlib
import re
import sys

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
SCREENSHOT = re.compile(r"screenshots/([A-Za-z_]+)/([^)\s]+\.png)")
FOR_DEVELOPERS = re.compile(r"scripts/|\bcmake\b|\bctest\b|/etc/xdg")


def code_free(text):
    """The text without fenced code blocks, where a link-like string is only an example."""
    return re.sub(r"```.*?```", "", text, flags=re.DOTALL)


def broken_links(top):
    problems = []
    files = [top / "README.md", *sorted((top / "docs").rglob("*.md"))]
    for md in files:
        for target in LINK.findall(code_free(md.read_text(encoding="utf-8"))):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # a web address or an anchor in the same page
            path = (md.parent / target.split("#", 1)[0]).resolve()
            if not path.exists():
                problems.append(f"{md.relative_to(top)}: the link {target} names nothing")
    return problems


def guide_problems(top):
    zh_path, en_path = top / "docs/user-guide.md", top / "docs/user-guide.en.md"
    problems = []
    for path in (zh_path, en_path):
        if not path.exists():
            return [f"{path.relative_to(top)} is missing"]
    zh, en = zh_path.read_text(encoding="utf-8"), en_path.read_text(encoding="utf-8")
    if "(user-guide.en.md)" not in zh:
        problems.append("docs/user-guide.md does not link its English copy")
    if "(user-guide.md)" not in en:
        problems.append("docs/user-guide.en.md does not link the Chinese guide")
    sections = [len(re.findall(r"^## ", text, flags=re.MULTILINE)) for text in (zh, en)]
    if sections[0] != sections[1]:
        problems.append(f"the guides have {sections[0]} and {sections[1]} sections")
    shown = {}
    for name, text, language in (("user-guide.md", zh, "zh_TW"), ("user-guide.en.md", en, "en")):
        pictures = SCREENSHOT.findall(text)
        shown[name] = sorted(picture for _, picture in pictures)
        for folder, picture in pictures:
            if folder != language:
                problems.append(f"docs/{name} shows screenshots/{folder}/{picture}, "
                                f"not the {language} one")
        for line in code_free(text).splitlines():
            if FOR_DEVELOPERS.search(line):
                problems.append(f"docs/{name} is for clerks, but says: {line.strip()}")
    if shown["user-guide.md"] != shown["user-guide.en.md"]:
        problems.append(f"the guides show different screenshots: {shown['user-guide.md']} "
                        f"and {shown['user-guide.en.md']}")
    return problems


def main():
    top = pathlib.Path(sys.argv[1]).resolve()
    problems = broken_links(top) + guide_problems(top)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
