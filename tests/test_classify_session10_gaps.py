"""The gaps found in the tenth session (rules/README.md, "Tenth session"), as short letters of our
own, each with a look-alike that must keep its reading:

- a consent withdrawn and the data it covered asked deleted: the withdrawal is the main right;
  a consent withdrawn and everything held, or the writer's data in general, asked deleted: the
  erasure is (Art. 17(1)(b)).
"""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "I withdraw my consent to the use of my voice recordings for training and ask you to "
            "delete all voice recordings kept on that basis.",
        ),
        (
            "",
            "Please note I withdraw consent for the face scan at the gym entrance. Please delete "
            "my face template and use my card instead.",
        ),
        (
            "",
            "Jag återkallar mitt samtycke till att bilderna på mig används i er katalog och "
            "begär att bilderna raderas.",
        ),
        (
            "",
            "Peruutan suostumukseni sijaintitietojen keräämiseen. Pyydän tietojen poistamista "
            "siltä osin kuin ne on kerätty suostumuksen perusteella.",
        ),
        (
            "Widerruf",
            "Ich widerrufe meine Einwilligung zur Nutzung meiner Fotos für Werbung und beantrage "
            "die Löschung der Fotos.",
        ),
        (
            "",
            "Je retire mon consentement à l'utilisation de mes échantillons pour la recherche et "
            "je demande l'effacement des données utilisées dans ce cadre.",
        ),
    ],
)
def test_a_consent_withdrawn_and_its_data_deleted_is_a_withdrawal(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert intents == ["consent_withdrawal", "erasure"], (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "Peruutan kaikki suostumukseni ja vaadin kaikkien minua koskevien henkilötietojen "
            "poistamista.",
        ),
        ("", "Jag återkallar mitt samtycke och begär att ni raderar alla personuppgifter om mig."),
        (
            "",
            "Ich widerrufe meine Einwilligung. Bitte löschen Sie alle Daten über mich, die Sie "
            "gespeichert haben.",
        ),
        (
            "",
            "Je retire mon consentement et je demande l'effacement de toutes les données me "
            "concernant.",
        ),
        ("", "I withdraw my consent and ask you to delete my account and all my data."),
        ("", "En anna enää lupaa. Poistakaa kaikki, mitä teillä on minusta."),
        ("", "Ich widerrufe meine Einwilligung und bitte um Löschung meiner Daten."),
        ("", "Perun suostumukseni ja haluan, että tietoni poistetaan."),
        ("", "I am withdrawing my consent. Please delete my personal data."),
    ],
)
def test_a_consent_withdrawn_and_everything_deleted_is_an_erasure(subject: str, text: str) -> None:
    _assert_main(text, "erasure", subject)
