"""Repeated read requests answered before the framework parses them.

The list, map, aggregate and facet answers do not depend on who asks (only whether they may
read), so an answer already made for the same path and query string, while the data has not
changed, is sent again as is.  The reader is still checked on every request (``auth.reader``);
anything unusual (a refused reader, a request not seen before, an answer that is not a small
JSON 200) goes through the normal route, which validates the parameters and makes the answer.
Parsing and validating a dozen query parameters is most of the cost of a cached answer, hence
this module.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request

from protestwatch.errors import StoreError
from protestwatch.web.auth import reader
from protestwatch.web.context import WebContext

CACHED_PATHS = frozenset({"/api/v1/events", "/api/v1/events.geojson", "/api/v1/aggregates", "/api/v1/facets"})
MAX_BODY = 1 << 20
_HEADERS = [(b"content-type", b"application/json"), (b"cache-control", b"private, max-age=0, must-revalidate")]


class FastPathMiddleware:
    """Plain ASGI middleware: serve a remembered answer, or remember the answer the app makes."""

    def __init__(self, app: Any, ctx: WebContext) -> None:
        self.app = app
        self.ctx = ctx

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS:
            await self.app(scope, receive, send)
            return
        query = tuple(sorted(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)))
        try:
            reader(Request(scope))
            key = (("raw", scope["path"], query), self.ctx.data_version())
        except (HTTPException, StoreError):
            # the route answers with the right error (a 503 when the database is unreachable)
            await self.app(scope, receive, send)
            return
        body = self.ctx.cache.peek(key)
        if body is not None:
            headers = [*_HEADERS, (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._remembering(send, key))

    def _remembering(self, send: Any, key: Any) -> Any:
        state: dict[str, Any] = {"keep": False, "parts": []}

        async def wrapped(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                state["keep"] = message["status"] == 200 and headers.get(b"content-type") == b"application/json"
            elif message["type"] == "http.response.body" and state["keep"]:
                state["parts"].append(message.get("body", b""))
                size = sum(len(p) for p in state["parts"])
                if size > MAX_BODY:
                    state["keep"] = False
                elif not message.get("more_body"):
                    exact = key[1] is not None  # a data version: kept until the data changes
                    seconds = self.ctx.settings.cache_exact_seconds if exact else None
                    self.ctx.cache.put(key, b"".join(state["parts"]), seconds)
            await send(message)

        return wrapped
