"""HTML pages (``.html``, ``.htm`` and fetched pages): trafilatura finds the main text.

trafilatura extracts the article body (no comments, no boilerplate), the title, the site name
(the outlet) and the publication date (htmldate: the page's metadata first, the original rather
than the last-modified date).  The page URL, when known, helps both.  Paragraphs of the
extracted text are separated by blank lines, like every other format.  A page with no
extractable text is rejected.  Metadata precedence: sidecar, then the URL the page was fetched
from, then what trafilatura found in the page.
"""

from __future__ import annotations

import logging
from typing import Any, Iterator

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import (
    binary_reason,
    declared_charset,
    decode_document,
    normalize_text,
    read_capped,
)
from protestwatch.ingest.fields import build_article, canonical_fields
from protestwatch.ingest.options import IngestOptions
from protestwatch.ingest.sidecars import read_sidecar
from protestwatch.model import Article, Rejection

logger = logging.getLogger(__name__)
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def html_article(
    data: bytes,
    *,
    origin: str,
    options: IngestOptions,
    url: str | None = None,
    charset: str | None = None,
    sidecar: dict[str, Any] | None = None,
) -> Article:
    """The article of an HTML page's bytes; ``InputError`` (reason only) if it has none.

    ``charset`` is one declared outside the page (the HTTP ``Content-Type``).
    """
    reason = binary_reason(data[:8192])
    if reason:
        raise InputError(reason)
    page = decode_document(
        data, origin, forced=options.encoding, declared=(charset, declared_charset(data))
    )
    doc = _extract(page, url)
    text = normalize_text(doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no article text could be extracted from the page")
    fields = canonical_fields(
        {"title": doc.title, "outlet": doc.sitename, "published": doc.date, "url": doc.url}
    )
    if url:
        fields["url"] = url
    fields.update(canonical_fields(sidecar or {}))
    fields["text"] = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    return build_article(fields, origin=origin, options=options)


def _extract(page: str, url: str | None) -> Any:
    import trafilatura  # imported on first need: it pulls in lxml, htmldate, justext ...

    try:
        return trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        logger.debug("trafilatura failed on %s", url or "a page", exc_info=True)
        raise InputError(f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc


def read_html_file(path: str, options: IngestOptions) -> Iterator[Article | Rejection]:
    """The article of the HTML file at ``path``, or its rejection."""
    try:
        data = read_capped(path, options.max_file_bytes)
        sidecar = read_sidecar(path)
        yield html_article(data, origin=path, options=options, sidecar=sidecar)
    except InputError as exc:
        yield Rejection(path, exc.reason)
