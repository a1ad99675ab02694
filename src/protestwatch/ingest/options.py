"""The settings of ingestion, in one frozen dataclass."""

from __future__ import annotations

import codecs
import datetime as dt
from dataclasses import dataclass

from protestwatch.errors import ConfigError

#: The input formats that can be forced with ``IngestOptions.format``.
FORMATS: tuple[str, ...] = ("txt", "html", "jsonl", "json", "csv", "feed")

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read.

    ``default_published`` dates articles that carry no publication date; without it they are
    rejected.  ``encoding`` forces a text encoding (else: BOM, UTF-8, then an HTML/HTTP charset).
    ``max_file_bytes`` caps whole-document formats (text, HTML, JSON, feeds, stdin documents);
    ``max_line_bytes`` caps one JSON Lines line or CSV record (those files are streamed, so their
    total size is not capped).  ``format`` forces one of ``FORMATS`` for every input.
    ``timeout`` (seconds, for the whole download) and ``max_download_bytes`` apply to URLs.
    ``min_text_chars`` is the shortest text accepted as an article.
    """

    default_published: dt.date | None = None
    encoding: str | None = None
    max_file_bytes: int = 20 * MB
    max_line_bytes: int = 5 * MB
    format: str | None = None
    timeout: float = 30.0
    max_download_bytes: int = 20 * MB
    min_text_chars: int = 20

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise ConfigError(
                f"unknown input format {self.format!r}: use one of {', '.join(FORMATS)}"
            )
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError as exc:
                raise ConfigError(f"unknown encoding {self.encoding!r}") from exc
        for name in ("max_file_bytes", "max_line_bytes", "max_download_bytes"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        if self.timeout <= 0:
            raise ConfigError("timeout must be positive")
