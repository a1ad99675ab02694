"""Shared fixtures of the geo tests: the gazetteer, opened once per session.

The gazetteer is built at its default location on first use (about 30 s), then reused.
"""

from __future__ import annotations

import pytest

from protestwatch.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    g = Gazetteer.open()
    yield g
    g.close()
