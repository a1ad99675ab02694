"""The HTML pages: server-rendered shells (templates in ``templates/``) whose scripts, served from
``/static``, load the data from the JSON API.  Login and logout are plain HTML forms with a CSRF
field.

Templates get only ``request, user, role, csrf_token, public, tile_url, event_id, error``, and
Jinja2 escapes every value (autoescape is on for all templates).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.templating import Jinja2Templates

from protestwatch.web.auth import (
    NONCE_COOKIE,
    SESSION_COOKIE,
    LoginRefused,
    LoginThrottled,
    Principal,
    anonymous_csrf,
    check_anonymous_csrf,
    client_address,
    ctx_of,
    identify,
    login,
    logout,
    safe_next,
    same_origin,
    same_token,
    wants_secure_cookies,
)  # fmt: skip

TEMPLATES_DIR = Path(__file__).parent / "templates"
router = APIRouter(include_in_schema=False)


def make_templates(directory: Path | str = TEMPLATES_DIR) -> Jinja2Templates:
    """The page templates, with autoescaping on for every template whatever its name."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(directory)), autoescape=True)
    return Jinja2Templates(env=env)


def _render(request: Request, name: str, *, status: int = 200, event_id: str | None = None,
            error: str | None = None, principal: Principal | None = None) -> Response:  # fmt: skip
    ctx = ctx_of(request)
    p = principal or identify(request)
    csrf, fresh_nonce = (p.csrf_token, None) if p.via == "session" else (None, None)
    if name == "login.html":
        csrf, fresh_nonce = anonymous_csrf(request)
    context: dict[str, Any] = {
        "request": request, "user": p.name, "role": p.role, "csrf_token": csrf,
        "public": ctx.public, "tile_url": ctx.settings.tile_url, "event_id": event_id,
        "error": error,
    }  # fmt: skip
    response = request.app.state.templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    if fresh_nonce:
        response.set_cookie(NONCE_COOKIE, fresh_nonce, httponly=True, samesite="strict", path="/",
                            secure=wants_secure_cookies(ctx, request))  # fmt: skip
    return response


def _needs_login(request: Request) -> Response | None:
    """A redirect to the login page when this (non-public) server needs a login."""
    if ctx_of(request).public or identify(request).authenticated:
        return None
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(safe_next(target), safe='')}", status_code=303)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    return _needs_login(request) or _render(request, "dashboard.html")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    return _needs_login(request) or _render(request, "event.html", event_id=event_id[:200])


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> Response:
    redirect = _needs_login(request)
    if redirect:
        return redirect
    if ctx_of(request).public or not identify(request).can("coder"):
        return HTMLResponse("<!doctype html><title>Forbidden</title><p>Reviewing needs the coder role."
                            ' <a href="/">Back to the dashboard</a></p>', status_code=403)  # fmt: skip
    return _render(request, "review.html")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    if ctx_of(request).public:
        return HTMLResponse("<!doctype html><title>Not found</title><p>Not found.", status_code=404)
    return _render(request, "login.html")


@router.post("/login", response_class=HTMLResponse)
def login_submit(request: Request, username: str = Form("", max_length=200),
                 password: str = Form("", max_length=1024), csrf_token: str = Form("", max_length=200),
                 next: str = Form("/", max_length=2000)) -> Response:  # fmt: skip
    ctx = ctx_of(request)
    if ctx.public:
        return HTMLResponse("<!doctype html><title>Not found</title><p>Not found.", status_code=404)
    if not check_anonymous_csrf(request, csrf_token):
        return _render(request, "login.html", status=403, principal=Principal(),
                       error="The form expired: please try again.")  # fmt: skip
    try:
        session = login(ctx, username, password, client_address(request))
    except LoginThrottled as exc:
        response = _render(request, "login.html", status=429, principal=Principal(),
                           error=f"Too many failed logins: try again in {exc.retry_after} seconds.")  # fmt: skip
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except LoginRefused:
        return _render(request, "login.html", status=401, principal=Principal(),
                       error="Wrong user name or password.")  # fmt: skip
    response = RedirectResponse(safe_next(next), status_code=303)
    max_age = int((session.expires_at - dt.datetime.now(dt.timezone.utc)).total_seconds())
    response.set_cookie(SESSION_COOKIE, session.session_id, max_age=max_age, httponly=True,
                        samesite="lax", secure=wants_secure_cookies(ctx, request), path="/")  # fmt: skip
    response.delete_cookie(NONCE_COOKIE, path="/")
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/logout")
def logout_submit(request: Request, csrf_token: str = Form("", max_length=200)) -> Response:
    ctx = ctx_of(request)
    principal = identify(request)
    if principal.via == "session":
        if not same_token(principal.csrf_token, csrf_token) or not same_origin(request):
            return HTMLResponse("<!doctype html><title>Forbidden</title><p>The form expired.",
                                status_code=403)  # fmt: skip
        logout(ctx, principal)
    response = RedirectResponse("/login" if not ctx.public else "/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
