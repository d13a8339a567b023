#!/usr/bin/env python3
"""Checks that data did not become markup in DiploGraph's HTML and SVG output.

Usage: check_markup_safety.py FILE.html|FILE.svg ... [--expect-text TEXT ...]

With an HTML parser it checks that: the only <script> is DiploGraph's own (one, in
report.html); no element is one that loads or embeds content (img, iframe, object, embed,
foreignObject, image, use, link, base, form); no attribute is an event handler (on*), a link
(href, xlink:href, src, action, formaction) or a style sheet; and that every TEXT given after
--expect-text appears verbatim in the text of each file.
"""
import re
import sys
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"img", "iframe", "object", "embed", "foreignobject", "image", "use", "link", "base", "form", "input", "meta-refresh"}
SAFE_HREF = re.compile(r"#[A-Za-z][A-Za-z0-9_-]*|[A-Za-z0-9_][A-Za-z0-9._-]*\.svg")
LINK_ATTRIBUTES = {"href", "xlink:href", "src", "action", "formaction", "srcset", "stylesheet"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.scripts, self.text = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            # The report's own links: to an anchor of the page, or to a figure in its folder
            # (a file name DiploGraph makes: letters, digits, '.', '_', '-', ending in .svg).
            if tag == "a" and name == "href" and value and SAFE_HREF.fullmatch(value):
                continue
            if name in LINK_ATTRIBUTES:
                self.problems.append(f"link attribute {name}={value!r} on <{tag}>")
            if name == "style" and value and ("url(" in value or "expression(" in value):
                self.problems.append(f"style with url() on <{tag}>")
            if name == "http-equiv" and value and value.lower() == "refresh":
                self.problems.append("meta refresh")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def main(argv):
    files, expected = [], []
    if "--expect-text" in argv:
        at = argv.index("--expect-text")
        files, expected = argv[:at], argv[at + 1:]
    else:
        files = argv
    failures = 0
    for path in files:
        checker = Checker()
        checker.feed(open(path, encoding="utf-8").read())
        checker.close()
        allowed_scripts = 1 if path.endswith(".html") else 0
        if checker.scripts != allowed_scripts:
            checker.problems.append(f"{checker.scripts} <script> elements (expected {allowed_scripts})")
        text = "".join(checker.text).replace("\u00a0", " ")
        for item in expected:
            if item not in text:
                checker.problems.append(f"text {item!r} not found verbatim")
        for problem in checker.problems:
            print(f"{path}: {problem}", file=sys.stderr)
        failures += len(checker.problems)
    if failures == 0:
        print(f"{len(files)} files: no data became markup")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
