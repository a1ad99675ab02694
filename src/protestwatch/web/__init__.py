"""The web app: a JSON API (``/api/v1``), a dashboard, event pages and a review queue over a
protestwatch database.  ``create_app(db)`` builds it; ``protestwatch serve --db PATH`` runs it.

FastAPI is imported only when the app is built, so the command line starts fast."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from protestwatch.web.app import create_app

        return create_app
    raise AttributeError(f"module 'protestwatch.web' has no attribute {name!r}")
