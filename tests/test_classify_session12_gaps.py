"""The gaps found in the twelfth session (rules/README.md, "Twelfth session"), as short letters
of our own, each with look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from gap_letters import read as _read


@pytest.mark.parametrize(
    "text",
    [
        "KT-7 · Tietojen vienti ja tilin poisto\n\nHuolellisena käyttäjänä haluan ladata kaikki "
        "tietoni tiedostona tai poistaa tilini yhdellä painalluksella.",
        "Rekisteröityneenä käyttäjänä haluan poistaa profiilini asetussivulta.",
    ],
)
def test_a_finnish_user_story_with_an_essive_phrase_erases_nothing(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


def test_a_finnish_request_that_opens_with_the_writers_role_still_erases() -> None:
    got, _, reasons = _read(
        "Tilin poisto", "Pitkäaikaisena käyttäjänä haluan, että poistatte tilini ja tietoni."
    )
    assert got[:1] == ["erasure"], (got, reasons)
