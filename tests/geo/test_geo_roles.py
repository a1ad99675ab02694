"""The role of a place name in its sentence (destination, origin) and feature words after a
name: invented sentences."""

import pytest

from protestwatch.geo.roles import feature_after, travel_role
from protestwatch.model import Span


def _role(text: str, name: str) -> str | None:
    start = text.index(name)
    return travel_role(text, Span(start, start + len(name)))


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Long lines of lorries formed, and coaches to Mwanza were turned back.", "Mwanza", "destination"),
        ("The last trains for Rosario left empty.", "Rosario", "destination"),
        ("After the march, the teachers returned to Huancayo by night bus.", "Huancayo", "destination"),
        ("They took minibuses to Kisumu after the rally ended.", "Kisumu", "destination"),
        ("Hundreds of weavers from villages near Varanasi marched on the collectorate.", "Varanasi", "origin"),
        ("Nurses who came from as far as Tamale joined the picket.", "Tamale", "origin"),
        ("Farmers travelled to Nagpur to protest outside the assembly.", "Nagpur", None),
        ("Teachers came to Cusco for a rally at the main square.", "Cusco", None),
        ("Thousands marched from Plaza Italia to La Moneda in Santiago.", "Santiago", None),
        ("Hundreds rallied in Durban on Friday.", "Durban", None),
        ("The crowd marched from Gori to Tbilisi.", "Gori", None),
    ],
)
def test_travel_role(text, name, role) -> None:
    assert _role(text, name) == role


def test_feature_after() -> None:
    text = "Boats gathered on Cebu Strait and in Davao City."
    start = text.index("Cebu")
    assert feature_after(text, Span(start, start + 4)) == "Strait"
    start = text.index("Davao")
    assert feature_after(text, Span(start, start + 5)) is None
