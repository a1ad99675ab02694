"""Full-text queries written in FTS5 syntax, translated for PostgreSQL's ``to_tsquery``.

Users (``--search``, the web app's ``q``) write one query language whatever the backend: the
FTS5 subset of words, ``"quoted phrases"``, prefixes (``rall*``), ``AND`` (or nothing), ``OR``,
``NOT`` (binary: ``a NOT b``) and parentheses; ``NOT`` binds tighter than ``AND``, which binds
tighter than ``OR``.  ``to_tsquery_text`` parses that and writes the equivalent ``tsquery`` text,
every lexeme quoted, so no user input reaches ``to_tsquery``'s own syntax.  A query it cannot
parse (an unbalanced quote or parenthesis, a dangling operator, no word at all) is a
``StoreError``, as FTS5 reports it on SQLite.

Words are split as FTS5's ``unicode61`` tokenizer splits them (letters and digits; everything
else separates), so ``"left-wing"`` is the phrase ``left <-> wing`` on both backends.
"""

from __future__ import annotations

import re

from protestwatch.errors import StoreError

_TOKEN = re.compile(r'\s*(?:(")|(\()|(\))|([^\s"()]+))')
_WORD = re.compile(r"[^\W_]+")
_OPERATORS = ("AND", "OR", "NOT")
_MAX_LENGTH = 2000
_MAX_NESTING = 50


def _lexeme(word: str, prefix: bool = False) -> str:
    quoted = "'" + word.casefold().replace("'", "''").replace("\\", "\\\\") + "'"
    return quoted + (":*" if prefix else "")


def _phrase(text: str, prefix: bool = False) -> str | None:
    words = _WORD.findall(text)
    if not words:
        return None
    parts = [_lexeme(w) for w in words[:-1]] + [_lexeme(words[-1], prefix)]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: ``phrase``, ``(``, ``)``, ``op`` or ``word``."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if m is None:  # pragma: no cover - the pattern matches any non-blank rest
            raise StoreError(f"bad full-text query {query!r}")
        if m.group(1):
            end = query.find('"', m.end())
            if end < 0:
                raise StoreError(f"bad full-text query {query!r}: unterminated string")
            star = query.startswith("*", end + 1)
            tokens.append(("phrase*" if star else "phrase", query[m.end() : end]))
            pos = end + 1 + int(star)
            continue
        if m.group(2) or m.group(3):
            tokens.append((m.group(2) or m.group(3), ""))
        else:
            word = m.group(4)
            tokens.append(("op", word) if word in _OPERATORS else ("word", word))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.pos = 0
        self.depth = 0

    def error(self, why: str) -> StoreError:
        return StoreError(f"bad full-text query {self.query!r}: {why}")

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> str:
        if not self.tokens:
            raise self.error("no words")
        out = self.or_expr()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()[1] or self.peek()[0]!r}")  # type: ignore[index]
        return out

    def or_expr(self) -> str:
        parts = [self.and_expr()]
        while self.peek() == ("op", "OR"):
            self.pos += 1
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def and_expr(self) -> str:
        parts = [self.not_expr()]
        while True:
            token = self.peek()
            if token == ("op", "AND"):
                self.pos += 1
            elif token is None or token[0] == ")" or token == ("op", "OR"):
                break
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def not_expr(self) -> str:
        out = self.primary()
        while self.peek() == ("op", "NOT"):
            self.pos += 1
            out = f"({out} & !{self.primary()})"
        return out

    def primary(self) -> str:
        token = self.peek()
        if token is None:
            raise self.error("a word is missing at the end")
        kind, text = token
        self.pos += 1
        if kind == "(":
            self.depth += 1
            if self.depth > _MAX_NESTING:
                raise self.error("parentheses nested too deep")
            inner = self.or_expr()
            self.depth -= 1
            if self.peek() != (")", ""):
                raise self.error("unbalanced parenthesis")
            self.pos += 1
            return inner
        if kind in ("phrase", "phrase*", "word"):
            prefix = kind == "phrase*" or (kind == "word" and text.endswith("*"))
            phrase = _phrase(text.rstrip("*") if kind == "word" else text, prefix)
            if phrase is None:
                raise self.error(f"{text!r} has no word in it")
            return phrase
        raise self.error(f"unexpected {text or kind!r}")


def to_tsquery_text(query: str) -> str:
    """The ``to_tsquery('simple', ...)`` text equivalent to an FTS5 ``query``."""
    if len(query) > _MAX_LENGTH:
        raise StoreError(f"full-text query too long ({len(query)} characters, at most {_MAX_LENGTH})")
    return _Parser(query).parse()
