"""HTML fragments (feed summaries and contents) to plain text, with the standard library.

Block elements (``p``, ``div``, ``li``, headings, ``br`` ...) become paragraph breaks (a blank
line), ``script``/``style`` are dropped, character references are decoded, and runs of spaces
inside a paragraph are folded.  Whole pages go through trafilatura instead (see ``pages``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP = frozenset(("script", "style", "noscript", "template", "head"))
_INLINE_SPACE = re.compile(r"[ \t\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return _tidy("".join(collector.parts))


def _tidy(text: str) -> str:
    paragraphs = (_INLINE_SPACE.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
