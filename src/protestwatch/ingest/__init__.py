"""Ingestion: files, directories, globs, stdin and URLs → ``Article`` (or ``Rejection``).

One module per input kind: ``text`` (plain text and Markdown with front matter), ``pages``
(HTML via trafilatura), ``records`` (JSON Lines, JSON, CSV), ``feeds`` (RSS/Atom via
feedparser); ``sources`` dispatches over inputs, ``fetch`` downloads URLs, ``decoding`` turns
bytes into normalised text, ``published`` reads publication dates, ``fields`` builds articles,
``sidecars`` reads ``.json`` metadata beside documents.
"""

from protestwatch.ingest.options import FORMATS, IngestOptions
from protestwatch.ingest.published import parse_published
from protestwatch.ingest.sources import read_file, read_inputs, read_stdin, read_url

__all__ = [
    "FORMATS",
    "IngestOptions",
    "parse_published",
    "read_file",
    "read_inputs",
    "read_stdin",
    "read_url",
]
