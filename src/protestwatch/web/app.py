"""The web app: ``create_app(db)`` returns the FastAPI application (JSON API under ``/api/v1``,
HTML pages, static files).  ``protestwatch serve`` runs it with uvicorn.

Every response carries the security headers of ``security.security_headers`` (a strict Content
Security Policy among them); request bodies are capped; library errors become JSON problems
(``{"detail": ...}``) with the right status.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from protestwatch.errors import ConfigError, StoreConflict, StoreError, StoreUnavailable
from protestwatch.web import api, queries, routes_pages
from protestwatch.web.context import WebContext, WebSettings, database_label
from protestwatch.web.fastpath import FastPathMiddleware
from protestwatch.web.security import security_headers

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
MAX_BODY_BYTES = 1 << 20
API_VERSION = "1.0"
ENV_PREFIX = "PROTESTWATCH_WEB_"


def create_app(db: str | Path, *, public: bool = False, tile_url: str | None = None,
               https: bool | None = None, templates_dir: str | Path | None = None,
               warm: bool = False, **settings: Any) -> FastAPI:  # fmt: skip
    """The protestwatch web app over the database ``db``.

    ``public``: read-only, no accounts.  ``tile_url``: a tile server URL template for the map
    (default: the offline country outlines only).  ``https``: force (True) or forbid (False)
    ``Secure`` cookies and HSTS; None decides from each request's scheme.  ``warm``: build the
    event index at start-up (``serve`` does).  Other keywords are ``WebSettings`` fields."""
    web = WebSettings(db=str(db), public=public, tile_url=tile_url or None, https=https, **settings)
    ctx = WebContext(web)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        logger.info("serving %s%s", database_label(web.db), " (public, read-only)" if public else "")
        if warm:  # build the event index while the first requests are on their way
            threading.Thread(target=_warm, args=(ctx,), name="warm-index", daemon=True).start()
        yield
        ctx.close()

    app = FastAPI(
        title="protestwatch", version=API_VERSION, lifespan=lifespan,
        description="Protest events coded from news articles: list, map, aggregate, export, review.",
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
    )  # fmt: skip
    app.state.ctx = ctx
    app.state.templates = routes_pages.make_templates(templates_dir or routes_pages.TEMPLATES_DIR)
    app.include_router(api.router)
    app.include_router(routes_pages.router)
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_error_handlers(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(FastPathMiddleware, ctx=ctx)
    app.add_middleware(SecurityMiddleware, headers=security_headers(tile_url=web.tile_url, https=bool(https)))
    return app


class SecurityMiddleware:
    """Adds the security headers to every response and refuses bodies over ``MAX_BODY_BYTES``
    (plain ASGI: no per-request overhead beyond the headers)."""

    def __init__(self, app: Any, headers: dict[str, str]) -> None:
        self.app = app
        self._headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            await _too_large(send, self._headers)
            return
        received = 0

        async def capped_receive() -> Any:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                raise _BodyTooLarge
            return message

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self._headers if k not in names]
                message = message | {"headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except _BodyTooLarge:
            await _too_large(send, self._headers)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Any, headers: list[tuple[bytes, bytes]]) -> None:
    body = b'{"detail":"request body too large"}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


def _warm(ctx: WebContext) -> None:
    try:
        queries.event_index(ctx, ctx.store())
    except Exception:  # noqa: BLE001 - the first request will build it (and report what fails)
        logger.exception("could not build the event index at start-up")


def _problem(status: int, detail: Any) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers={"Cache-Control": "no-store"})


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(queries.NotFound)
    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        return _problem(404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(queries.Unsupported)
    async def unsupported(_: Request, exc: Exception) -> JSONResponse:
        return _problem(501, str(exc))

    @app.exception_handler(queries.Invalid)
    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        return _problem(422, str(exc))

    @app.exception_handler(StoreConflict)
    async def conflict(_: Request, exc: Exception) -> JSONResponse:
        return _problem(409, str(exc))

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, exc: Exception) -> JSONResponse:
        logger.error("database unavailable: %s", exc)  # the detail (server address) stays in the log
        response = _problem(503, "the database is unavailable; try again shortly")
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: Exception) -> JSONResponse:
        return _problem(400, str(exc))

    @app.exception_handler(ConfigError)
    async def config_error(_: Request, exc: Exception) -> JSONResponse:
        return _problem(422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        # The offending values are not echoed back (they may be passwords, or markup).
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]  # fmt: skip
        return _problem(422, errors)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)  # fmt: skip
    schema.setdefault("components", {})["securitySchemes"] = {
        "token": {"type": "http", "scheme": "bearer",
                  "description": "An API token (`protestwatch tokens add USER`, or POST /api/v1/tokens)"},
        "session": {"type": "apiKey", "in": "cookie", "name": "pw_session",
                    "description": "The login session; writes also need the X-CSRF-Token header"},
    }  # fmt: skip
    schema["security"] = [{"token": []}, {"session": []}, {}]
    app.openapi_schema = schema
    return schema


def app_from_env() -> Any:
    """The app as configured by ``PROTESTWATCH_WEB_*`` environment variables (what ``serve``
    sets for its worker processes): DB, PUBLIC, TILE_URL, HTTPS."""
    env = os.environ
    db = env.get(ENV_PREFIX + "DB")
    if not db:
        raise ConfigError(f"set {ENV_PREFIX}DB to the database to serve")
    https_text = env.get(ENV_PREFIX + "HTTPS", "")
    https = {"1": True, "true": True, "0": False, "false": False}.get(https_text.lower())
    return create_app(db, public=env.get(ENV_PREFIX + "PUBLIC") == "1",
                      tile_url=env.get(ENV_PREFIX + "TILE_URL") or None, https=https, warm=True)  # fmt: skip
