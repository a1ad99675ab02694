"""Downloads of the filtered events, streamed.

The export runs in a thread of its own (the store's connection is used by that one thread only)
and writes through the library's exporters (``protestwatch.export``) into a bounded queue that
the response drains, so memory stays flat whatever the size, and a client that goes away stops
the export.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import AsyncIterator
from typing import Any

import anyio
from fastapi.responses import StreamingResponse

from protestwatch.export import export_events
from protestwatch.store import open_store
from protestwatch.web import queries
from protestwatch.web.context import WebContext
from protestwatch.web.queries import Filters

logger = logging.getLogger(__name__)

FORMATS: dict[str, tuple[str, str, str]] = {
    # name: (library format, media type, file suffix)
    "csv": ("acled", "text/csv; charset=utf-8", "csv"),
    "geojson": ("geojson", "application/geo+json", "geojson"),
    "jsonl": ("jsonl", "application/x-ndjson", "jsonl"),
}
_CHUNK = 64 * 1024
_DONE = object()


class _Cancelled(Exception):
    """The client went away."""


class _QueueWriter:
    """A text stream whose writes are gathered into chunks and put on a bounded queue."""

    def __init__(self, out: queue.Queue[Any], cancelled: threading.Event) -> None:
        self._out = out
        self._cancelled = cancelled
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("text stream")
        self._parts.append(text)
        self._size += len(text)
        if self._size >= _CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            self._put("".join(self._parts).encode("utf-8"))
            self._parts, self._size = [], 0

    def _put(self, item: Any) -> None:
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._out.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def stream(ctx: WebContext, filters: Filters, fmt: str, *, real_world: bool) -> StreamingResponse:
    library_format, media_type, suffix = FORMATS[fmt]
    filters.event_filter()  # an unsupported filter fails now, as a 501, not mid-stream
    chunks: queue.Queue[Any] = queue.Queue(maxsize=16)
    cancelled = threading.Event()

    def work() -> None:
        writer = _QueueWriter(chunks, cancelled)
        store = None
        try:
            store = open_store(ctx.settings.db)  # this thread's own connection, closed at the end
            with ctx.stores.use(store):  # which the context's cached look-ups use too
                events = queries.export_events(ctx, store, filters, real_world=real_world)
                n = export_events(events, writer, library_format)
            writer.flush()
            logger.info("exported %d events as %s", n, fmt)
        except _Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - reported in the stream's last line
            logger.exception("export failed")
            _offer(chunks, cancelled, exc)
            return
        finally:
            if store is not None:
                store.close()
        _offer(chunks, cancelled, _DONE)

    async def body() -> AsyncIterator[bytes]:
        thread = threading.Thread(target=work, name="export", daemon=True)
        thread.start()
        try:
            while True:
                item = await anyio.to_thread.run_sync(chunks.get)
                if item is _DONE:
                    return
                if isinstance(item, Exception):
                    yield b"\n# export failed; see the server log\n"
                    return
                yield item
        finally:
            cancelled.set()

    name = f"protestwatch-events.{suffix}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return StreamingResponse(body(), media_type=media_type, headers=headers)


def _offer(chunks: queue.Queue[Any], cancelled: threading.Event, item: Any) -> None:
    while not cancelled.is_set():
        try:
            chunks.put(item, timeout=0.5)
            return
        except queue.Full:
            continue
