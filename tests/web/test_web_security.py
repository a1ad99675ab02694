"""Security of the web app: every write refused without the right role, without the CSRF token,
from another origin and in public mode; session cookie flags; login rate limiting and CSRF; open
redirects; security headers; hostile article text and user input served as inert data."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from protestwatch.store import open_store
from protestwatch.web import create_app
from protestwatch.web.security import LimitPolicy

from .conftest import PASSWORD, XSS_TEXT, XSS_TITLE, as_user, log_in, login_form_token

# (method, path, body, least role) of every write route
WRITES = [
    ("POST", "/api/v1/events/e-wire/review", {"decision": "accept"}, "coder"),
    ("PATCH", "/api/v1/events/e-wire", {"field": "size_low", "value": 250}, "coder"),
    ("POST", "/api/v1/events/merge", {"a": "e-strike", "b": "e-xss"}, "coder"),
    ("POST", "/api/v1/events/e-wire/split", {"article_ids": ["a-ngo"]}, "coder"),
    ("POST", "/api/v1/tokens", {"label": "script"}, "viewer"),
    ("DELETE", "/api/v1/tokens/1", None, "viewer"),
    ("POST", "/api/v1/users", {"name": "mallory", "password": "x" * 12, "role": "admin"}, "admin"),
    ("PATCH", "/api/v1/users/vera", {"role": "admin"}, "admin"),
]
RANK = {"viewer": 1, "coder": 2, "admin": 3}


def send(client, method, path, body, **headers):
    return client.request(method, path, json=body, headers=headers)


def nothing_changed(db_path):
    store = open_store(db_path)
    try:
        assert store.audit_log() == []
        assert store.get_event("e-wire").size_low == 301
        assert store.review_state("e-wire") == "machine"
        assert store.get_user("vera")["role"] == "viewer"
        assert store.get_user("mallory") is None
        assert store.list_api_tokens() == []
        assert len({store.get_event(i) is not None for i in ("e-strike", "e-xss")}) == 1
    finally:
        store.close()


@pytest.mark.parametrize("method,path,body,role", WRITES)
def test_anonymous_writes_are_refused(client, db_path, method, path, body, role):
    assert send(client, method, path, body).status_code == 401
    nothing_changed(db_path)


@pytest.mark.parametrize("method,path,body,role", [w for w in WRITES if RANK[w[3]] > 1])
def test_viewer_writes_are_refused(viewer, db_path, method, path, body, role):
    assert send(viewer, method, path, body).status_code == 403
    nothing_changed(db_path)


@pytest.mark.parametrize("method,path,body,role", [w for w in WRITES if RANK[w[3]] > 2])
def test_coder_cannot_manage_accounts(coder, db_path, method, path, body, role):
    assert send(coder, method, path, body).status_code == 403
    nothing_changed(db_path)


@pytest.mark.parametrize("method,path,body,role", WRITES)
def test_cookie_writes_need_the_csrf_token(app, db_path, method, path, body, role):
    client, _ = as_user(app, "ada")  # the admin may do everything, but not without the token
    assert send(client, method, path, body).status_code == 403
    assert send(client, method, path, body, **{"X-CSRF-Token": "forged-token"}).status_code == 403
    nothing_changed(db_path)


@pytest.mark.parametrize("method,path,body,role", WRITES)
def test_cross_origin_writes_are_refused_even_with_the_token(app, db_path, method, path, body, role):
    client, csrf = as_user(app, "ada")
    r = send(client, method, path, body, **{"X-CSRF-Token": csrf, "Origin": "https://evil.example"})
    assert r.status_code == 403
    nothing_changed(db_path)


@pytest.mark.parametrize("method,path,body,role", WRITES)
def test_public_mode_refuses_every_write(db_path, method, path, body, role):
    private = create_app(db_path)
    _, csrf = as_user(private, "ada")
    with TestClient(create_app(db_path, public=True)) as public:
        r = send(public, method, path, body, **{"X-CSRF-Token": csrf})
        assert r.status_code == 403
        assert "read-only" in r.json()["detail"]
    nothing_changed(db_path)


def test_public_mode_reads_without_login_and_ignores_credentials(public_client):
    assert public_client.get("/api/v1/events").status_code == 200
    assert public_client.get("/").status_code == 200
    assert public_client.get("/login").status_code == 404
    assert public_client.get("/review").status_code == 403
    me = public_client.get("/api/v1/me", headers={"Authorization": "Bearer pw_whatever"}).json()
    assert me == {"user": None, "role": None, "csrf_token": None, "public": True, "via": None}


def test_private_mode_reads_need_a_login(client):
    for path in ("/api/v1/events", "/api/v1/events/e-wire", "/api/v1/articles/a-wire",
                 "/api/v1/aggregates", "/api/v1/facets", "/api/v1/export", "/api/v1/audit"):  # fmt: skip
        assert client.get(path).status_code == 401, path
    page = client.get("/events/e-wire?x=1", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fevents%2Fe-wire%3Fx%3D1"
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_review_page_and_queue_need_the_coder_role(viewer, coder):
    assert viewer.get("/review").status_code == 403
    assert viewer.get("/api/v1/review/queue").status_code == 403
    assert coder.get("/review").status_code == 200
    assert coder.get("/api/v1/review/queue").status_code == 200


# -- API tokens ---------------------------------------------------------------------------------


def test_tokens_work_without_csrf_and_follow_the_role(app, coder, viewer, db_path):
    made = coder.post("/api/v1/tokens", json={"label": "nightly"})
    assert made.status_code == 201
    token = made.json()["token"]
    script = TestClient(app)
    auth = {"Authorization": f"Bearer {token}"}
    assert script.get("/api/v1/me", headers=auth).json()["via"] == "token"
    r = script.post("/api/v1/events/e-strike/review", json={"decision": "accept"}, headers=auth)
    assert r.status_code == 200, r.text
    store = open_store(db_path)
    assert store.review_state("e-strike") == "accepted"
    assert all("hash" not in k for t in coder.get("/api/v1/tokens").json()["items"] for k in t)
    viewer_token = viewer.post("/api/v1/tokens", json={"label": "read"}).json()["token"]
    vauth = {"Authorization": f"Bearer {viewer_token}"}
    assert script.get("/api/v1/events", headers=vauth).status_code == 200
    assert script.post("/api/v1/events/e-xss/review", json={"decision": "reject"}, headers=vauth).status_code == 403
    # a viewer cannot revoke the coder's token; the coder can
    assert viewer.delete(f"/api/v1/tokens/{made.json()['id']}").status_code == 404
    assert coder.delete(f"/api/v1/tokens/{made.json()['id']}").status_code == 200
    assert script.get("/api/v1/events", headers=auth).status_code == 401
    assert script.get("/api/v1/events", headers={"Authorization": "Bearer pw_forged"}).status_code == 401
    store.close()


# -- sessions -----------------------------------------------------------------------------------


def _session_cookie(response) -> str:
    cookies = [v for k, v in response.headers.multi_items() if k.lower() == "set-cookie"]
    found = [c for c in cookies if c.startswith("pw_session=")]
    assert found, cookies
    return found[0]


def test_session_cookie_flags(app):
    client = TestClient(app)
    token = login_form_token(client)
    r = client.post("/login", data={"username": "vera", "password": PASSWORD, "csrf_token": token},
                    follow_redirects=False)  # fmt: skip
    cookie = _session_cookie(r).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    assert "secure" not in cookie.replace("samesite", "")


def test_session_cookie_is_secure_behind_https(db_path):
    client = TestClient(create_app(db_path, https=True), base_url="https://testserver")
    token = login_form_token(client)
    r = client.post("/login", data={"username": "vera", "password": PASSWORD, "csrf_token": token},
                    follow_redirects=False)  # fmt: skip
    cookie = _session_cookie(r).lower()
    assert "; secure" in cookie and "httponly" in cookie
    assert "max-age=31536000" in r.headers["strict-transport-security"]


def test_the_session_id_is_not_stored(app, db_path):
    client = TestClient(app)
    log_in(client, "vera")
    sid = client.cookies.get("pw_session")
    store = open_store(db_path)
    assert store.get_session(sid) is None  # only its hash is a key
    store.close()


def test_logout_needs_csrf_and_ends_the_session(app):
    client, csrf = as_user(app, "vera")
    stolen = client.cookies.get("pw_session")
    assert client.post("/logout", data={"csrf_token": "nope"}).status_code == 403
    assert client.get("/api/v1/me").json()["user"] == "vera"
    r = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    replay = TestClient(app, cookies={"pw_session": stolen})
    assert replay.get("/api/v1/me").json()["user"] is None


def test_role_changes_and_disabling_apply_at_once(app, admin, db_path):
    vera, _ = as_user(app, "vera")
    assert vera.get("/api/v1/review/queue").status_code == 403
    assert admin.patch("/api/v1/users/vera", json={"role": "coder"}).status_code == 200
    assert vera.get("/api/v1/review/queue").status_code == 200
    store = open_store(db_path)
    store.set_user_disabled("vera")
    store.close()
    assert vera.get("/api/v1/events").status_code == 401


# -- login ------------------------------------------------------------------------------------


def test_login_refuses_a_missing_or_foreign_csrf_token(app):
    client = TestClient(app)
    r = client.post("/login", data={"username": "vera", "password": PASSWORD})
    assert r.status_code == 403 and "pw_session" not in client.cookies
    other = TestClient(app)
    foreign = login_form_token(other)  # a token bound to another browser's nonce
    login_form_token(client)
    r = client.post("/login", data={"username": "vera", "password": PASSWORD, "csrf_token": foreign})
    assert r.status_code == 403 and "pw_session" not in client.cookies


def test_login_rate_limit_per_user_and_address(app):
    client = TestClient(app)
    token = login_form_token(client)
    for _ in range(5):
        r = client.post("/login", data={"username": "vera", "password": "wrong password!", "csrf_token": token})
        assert r.status_code == 401
        assert "Wrong user name or password" in r.text
    r = client.post("/login", data={"username": "vera", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "pw_session" not in client.cookies
    log_in(client, "cody")  # another user from the same address is not locked out


def test_login_rate_limit_per_address_over_all_names(db_path):
    app = create_app(db_path, login_policy=LimitPolicy(per_user=5, per_address=8, window=60))
    client = TestClient(app)
    token = login_form_token(client)
    for k in range(8):
        r = client.post("/login", data={"username": f"guess{k}", "password": "x" * 12, "csrf_token": token})
        assert r.status_code == 401
    r = client.post("/login", data={"username": "vera", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429


def test_unknown_user_and_wrong_password_look_the_same(app):
    client = TestClient(app)
    token = login_form_token(client)
    a = client.post("/login", data={"username": "nobody", "password": PASSWORD, "csrf_token": token})
    b = client.post("/login", data={"username": "vera", "password": "not the password", "csrf_token": token})
    assert a.status_code == b.status_code == 401
    strip = lambda t: re.sub(r'content="[^"]*"|value="[^"]*"', "", t)  # noqa: E731
    assert strip(a.text) == strip(b.text)


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example",
                                    "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1"])  # fmt: skip
def test_login_never_redirects_off_site(app, target):
    client = TestClient(app)
    token = login_form_token(client)
    r = client.post("/login", data={"username": "vera", "password": PASSWORD, "csrf_token": token,
                                    "next": target}, follow_redirects=False)  # fmt: skip
    location = r.headers["location"]
    assert location.startswith("/") and not location.startswith("//") and "\\" not in location
    assert "\n" not in location and "evil.example" not in location.split("?")[0].lstrip("/").split("/")[0]


# -- headers and hostile content ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["/login", "/api/v1/events", "/api/v1/openapi.json", "/nowhere",
                                  "/static/css/app.css", "/api/v1/basemap"])  # fmt: skip
def test_security_headers_everywhere(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_tile_server_is_allowed_for_images_only(db_path):
    app = create_app(db_path, public=True, tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    csp = TestClient(app).get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tiles.example.org" in csp
    assert "script-src 'self';" in csp


def test_hostile_article_comes_back_as_plain_data(coder):
    r = coder.get("/api/v1/articles/a-xss")
    assert r.headers["content-type"] == "application/json"
    raw = r.content.decode("utf-8")
    assert "<" not in raw and ">" not in raw  # markup characters are escaped in the JSON text
    body = r.json()
    assert body["text"] == XSS_TEXT and body["title"] == XSS_TITLE  # ... and round-trip intact
    assert body["url"] == "javascript:alert(document.domain)"  # data: the page never links it


@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/events/e-xss", "/api/v1/events.geojson",
                                  "/api/v1/review/queue", "/api/v1/facets"])  # fmt: skip
def test_hostile_values_never_leave_as_markup(coder, path):
    r = coder.get(path)
    assert r.status_code == 200
    assert "<" not in r.text and ">" not in r.text


def test_event_detail_quotes_hostile_evidence_as_text(coder):
    detail = coder.get("/api/v1/events/e-xss").json()
    organizers = next(f for f in detail["fields"] if f["field"] == "organizers")
    quote = organizers["sources"][0]["evidence"][0]
    assert quote["text"] == "<img src=x onerror=alert('img')>"
    assert detail["summary"]["organizers"] == ["<script>alert('org')</script> Union"]


@pytest.mark.parametrize("path", ['/events/"><img src=x onerror=alert(1)>',
                                  "/login?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"])  # fmt: skip
def test_pages_escape_what_the_url_says(app, path):
    client, _ = as_user(app, "vera")
    if path.startswith("/login"):
        client = TestClient(app)
    r = client.get(path)
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "<img src=x" not in r.text
    assert "&gt;&lt;script&gt;alert(1)" in r.text or "&gt;&lt;img src=x" in r.text


def test_error_answers_do_not_reflect_markup_or_passwords(admin):
    r = admin.get("/api/v1/events/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert r.status_code == 404 and "<script" not in r.text
    r = admin.post("/api/v1/users", json={"name": "<b>x</b>", "password": "hunter2-secret-pw", "role": "admin"})
    assert r.status_code == 422
    assert "hunter2" not in r.text and "<b>" not in r.text


def test_oversized_bodies_are_refused(coder):
    r = coder.post("/api/v1/events/e-wire/review", content=b"{" + b" " * (2 << 20) + b"}",
                   headers={"Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 413


def test_write_answers_are_not_cached(coder):
    r = coder.get("/api/v1/me")
    assert r.headers["cache-control"] == "no-store"


def test_public_mode_names_no_reviewer_and_lists_no_tokens(db_path, public_client):
    store = open_store(db_path)
    store.correct("e-strike", "_review", "accepted", author="cody", note="checked")
    store.close()
    detail = public_client.get("/api/v1/events/e-strike").json()
    assert detail["history"] and all(h["actor"] == "a reviewer" for h in detail["history"])
    assert all(c["author"] == "a reviewer" for c in detail["corrections"])
    assert "cody" not in public_client.get("/api/v1/audit").text
    assert public_client.get("/api/v1/tokens").status_code == 403
    assert public_client.get("/api/v1/users").status_code == 403


def test_a_remembered_answer_is_still_only_for_readers(app, coder, monkeypatch):
    from protestwatch.web import queries

    calls = []
    real = queries.list_events
    monkeypatch.setattr(queries, "list_events", lambda *a, **k: calls.append(1) or real(*a, **k))
    url = "/api/v1/events?country=KZ&per_page=7"
    first, again = coder.get(url), coder.get(url)
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert len(calls) == 1  # the second answer was the remembered one
    assert again.headers["content-security-policy"] and again.headers["x-content-type-options"] == "nosniff"
    stranger = TestClient(app)
    assert stranger.get(url).status_code == 401
    assert stranger.get(url, headers={"Authorization": "Bearer pw_forged"}).status_code == 401
