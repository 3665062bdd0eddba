#!/usr/bin/env python3
"""Fails when a visible string in the UI skips tr().

Usage: check-tr-usage.py FILE_OR_DIR...   (the test passes core/, ui/ and app/; the server's
messages are not tr() strings by design, docs/decisions.md)

Two rules, on C++ sources with comments removed:
 1. A string literal given straight to a call that shows text (setText, setWindowTitle,
    setToolTip, setPlaceholderText, addItem, setTabText, QMessageBox::warning, new QLabel(...),
    ...) and holding words (letters outside HTML tags and %1 placeholders) must sit inside
    tr() / QCoreApplication::translate() / QT_TR_NOOP() / QT_TRANSLATE_NOOP().
 2. Any literal holding CJK characters must sit inside one of those as well.
 3. No translate() wrapper: a function taking the text as a parameter and returning
    QCoreApplication::translate("Context", text). lupdate files the texts given to such a
    wrapper under the enclosing namespace, not under "Context", so at run time nothing is found.
    Use a class with Q_DECLARE_TR_FUNCTIONS(Context) and Context::tr("…") instead.
 4. No template argument list (static_cast<int>(…), std::max<int>(…)) inside a tr() or
    translate() call: Qt 6.4's lupdate silently skips such a call, so its text never reaches the
    catalogue and the English UI shows Chinese. Compute the value into a variable first.
A literal that is not UI text (a code list, an endonym, HTML scaffolding) is allowed when its
line, or the line before, carries the comment `i18n-ok: <why>` (the reason is required).
"""
import os
import re
import sys

VISIBLE_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setTitle", "setLabelText", "setInformativeText", "setDetailedText",
    "setTabText", "setTabToolTip", "addTab", "insertTab", "setItemText", "addItem", "insertItem",
    "addItems", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels",
    "setHeaderLabel", "showMessage", "addAction", "addMenu", "setAccessibleName",
    "setAccessibleDescription", "setSpecialValueText", "setSuffix", "setPrefix", "setFormat",
    "setButtonText", "setWindowIconText", "setHtml", "setPlainText", "addRow", "setCheckBoxText",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QGroupBox", "QRadioButton", "QMenu",
    "QCommandLinkButton", "QDockWidget", "QToolBar", "QTreeWidgetItem", "QListWidgetItem",
    "QTableWidgetItem", "QStandardItem",
}
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}
# Calls whose later arguments are data, not text: only the first (or the one after an icon).
FIRST_ARGUMENT_ONLY = {"addItem", "insertItem", "addItems", "QListWidgetItem", "QStandardItem"}
WRAPPERS = {"QStringLiteral", "QLatin1String", "QLatin1StringView", "QString", "fromUtf8",
            "fromLatin1", "QStringView", "u"}
TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TR_N_NOOP",
               "QT_TRANSLATE_N_NOOP", "qtTrId", "QT_TRID_NOOP", "trUtf8"}
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
                 r"\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
WRAPPER = re.compile(r"QString\s+(\w+)\s*\(\s*const\s+char\s*\*\s*(\w+)\s*\)\s*\{\s*"
                     r"return\s+(?:QCoreApplication|QApplication|QObject)::translate\s*\(\s*"
                     r"\"[^\"]*\"\s*,\s*\2\s*\)", re.DOTALL)
MARK = re.compile(r"i18n-ok:\s*\S")
TOKEN = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>(?:u8|u|U|L)?R"(?P<delim>[^()\\\s]{0,16})\((?P<rawbody>.*?)\)(?P=delim)")
  | (?P<string>(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])+')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<punct>::|[(){}\[\],;])
  | (?P<other>\S)
''', re.VERBOSE | re.DOTALL)


def tokens(text):
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("comment", "delim", "rawbody"):
            if kind == "comment":
                yield ("comment", match.group(), match.start())
            continue
        if kind == "raw":
            yield ("string", match.group("rawbody"), match.start())
        elif kind == "string":
            body = match.group()
            yield ("string", body[body.index('"') + 1:-1], match.start())
        else:
            yield (kind, match.group(), match.start())


def has_words(literal):
    stripped = re.sub(r"<[^>]*>", "", literal)          # HTML tags are scaffolding
    stripped = re.sub(r"&\w+;", "", stripped)           # entities
    stripped = re.sub(r"%L?\d+|%n", "", stripped)       # placeholders
    stripped = re.sub(r"\\[ntr\\\"']", "", stripped)    # escapes
    return any(c.isalpha() for c in stripped)


def marked(lines, line_number):
    for n in (line_number, line_number - 1):
        if 1 <= n <= len(lines) and MARK.search(lines[n - 1]):
            return True
    return False


def check_file(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    lines = text.split("\n")
    toks = [t for t in tokens(text) if t[0] != "comment"]
    line_of = lambda offset: text.count("\n", 0, offset) + 1
    problems = []

    def call_arguments(i):
        """Token indexes from the call's "(" to its matching ")", for a call named at toks[i]."""
        depth = 0
        for j in range(i + 1, len(toks)):
            yield j
            if toks[j][1] == "(":
                depth += 1
            elif toks[j][1] == ")":
                depth -= 1
                if depth == 0:
                    return

    def is_call(i, names):
        return toks[i][0] == "ident" and toks[i][1] in names and i + 1 < len(toks) \
            and toks[i + 1][1] == "("

    # Spans (token index ranges) inside a translating call.
    translated = set()
    for i in range(len(toks)):
        if is_call(i, TRANSLATING):
            translated.update(call_arguments(i))

    reported = set()

    def report(index, why):
        if index in reported:
            return
        offset = toks[index][2]
        number = line_of(offset)
        if marked(lines, number):
            return
        reported.add(index)
        problems.append(f"{path}:{number}: {why}: \"{toks[index][1]}\"")

    # Rule 1: literals given straight to a call that shows text.
    for i, (kind, value, _) in enumerate(toks):
        if kind != "ident" or i + 1 >= len(toks) or toks[i + 1][1] != "(":
            continue
        visible = value in VISIBLE_CALLS or (
            value in MESSAGE_BOX and i >= 2 and toks[i - 1][1] == "::" and toks[i - 2][1] == "QMessageBox")
        if not visible:
            continue
        # Callee of each open parenthesis: a literal counts only when every call between it
        # and the visible one merely wraps a string (QStringLiteral("…").arg(…) and the like).
        stack = []
        argument = 0
        first_is_icon = False
        for j in range(i + 1, len(toks)):
            tk, tv, _ = toks[j]
            if tv in ("(", "[", "{"):
                callee = toks[j - 1][1] if tv == "(" and toks[j - 1][0] == "ident" else ""
                stack.append(callee if j > i + 1 else value)
                continue
            if tv in (")", "]", "}"):
                stack.pop()
                if not stack:
                    break
                continue
            if len(stack) == 1 and tv == ",":
                argument += 1
                continue
            if len(stack) == 1 and tk == "ident" and tv == "QIcon" and argument == 0:
                first_is_icon = True
            if value in FIRST_ARGUMENT_ONLY:
                wanted = 1 if first_is_icon else 0
                if argument != wanted:
                    continue
            if tk != "string" or j in translated or not has_words(tv):
                continue
            if all(callee in WRAPPERS for callee in stack[1:]):
                report(j, f"text given to {value}() without tr()")

    # Rule 3: a translate() wrapper.
    code = re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), text,
                  flags=re.DOTALL)
    for match in WRAPPER.finditer(code):
        number = line_of(match.start())
        if not marked(lines, number):
            problems.append(f"{path}:{number}: a translate() wrapper hides its texts' context "
                            f"from lupdate: \"{match.group(1)}\"")

    # Rule 4: a template argument list inside tr()/translate(), which lupdate skips.
    for i in range(len(toks)):
        if not is_call(i, ("tr", "translate")):
            continue
        for j in call_arguments(i):
            if toks[j][1] == "<" and toks[j - 1][0] == "ident":
                number = line_of(toks[i][2])
                if not marked(lines, number):
                    problems.append(f"{path}:{number}: lupdate skips a {toks[i][1]}() call holding "
                                    f"\"{toks[j - 1][1]}<…>\"; compute it into a variable first")
                break

    # Rule 2: CJK outside a translating call.
    for i, (kind, value, _) in enumerate(toks):
        if kind == "string" and i not in translated and CJK.search(value):
            report(i, "CJK text outside tr()")
    return problems


def sources(arguments):
    for argument in arguments:
        if os.path.isfile(argument):
            yield argument
            continue
        for root, _, files in os.walk(argument):
            for name in sorted(files):
                if name.endswith((".cpp", ".hpp", ".h", ".cc")):
                    yield os.path.join(root, name)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    problems = []
    for path in sources(sys.argv[1:]):
        problems.extend(check_file(path))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} visible string(s) skip tr(); wrap them, or mark a non-UI literal "
              "with // i18n-ok: <why>")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
