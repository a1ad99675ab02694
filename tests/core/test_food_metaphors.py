"""Protest words used as metaphors in food and culture writing are no event; real protests about
food, by bakers or by cooks, still are."""

import pytest

from protestwatch.extract.gate import passes_gate
from protestwatch.extract.triggers import find_triggers

from .conftest import code


@pytest.mark.parametrize(
    "sentence",
    [
        "The new tasting menu stages a protest of flavours against the tyranny of butter.",
        "This spring the humble pastry marched onto the menu of every café in Porto.",
        "By the third course my palate staged a small revolt.",
        "The tomatoes in this sauce rallied, then the spices protested loudly.",
        "Sourdough has marched onto the plates of every bistro in Lyon.",
    ],
)
def test_kitchen_metaphors_are_not_triggers(sentence):
    assert not [t for t in find_triggers(sentence) if t.strength >= 2]


@pytest.mark.parametrize(
    "text",
    [
        "Column: A protest of flavours in Lyon\n\nChef Amélie Roux has staged a protest of flavours "
        "against bland hotel food. Her pastry marched onto the menu last week, and hundreds of diners "
        "followed. The bakers call it their protest against palates trained on sugar.",
        "Online, fans of the old recipe launched a campaign: a hashtag urging thousands of people to "
        "boycott the new crisps has been shared widely.",
    ],
)
def test_food_columns_fail_the_gate(text):
    assert not passes_gate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of bakers went on strike in Cairo on Monday, demanding higher flour subsidies.",
        "Thousands of people protested against soaring bread prices outside parliament in Khartoum.",
        "Restaurant workers marched to city hall in Lisbon to demand a higher minimum wage.",
        "Farmers blocked the highway with tractors to protest against cheap sugar imports.",
    ],
)
def test_real_protests_about_food_pass_the_gate(text):
    assert passes_gate(text)


def test_food_column_codes_no_event(pipeline):
    text = (
        "Column: the quiet revolt of Valencia's cooks\n\n"
        "Something is simmering in the kitchens of Valencia. My own palate staged a protest after "
        "a week of tasting paella without saffron. Not every chef has joined the march towards "
        "lighter cuisine, and the classic recipes have rallied behind the old masters."
    )
    assert not code(pipeline, text, "2024-11-08")
