"""The eighth session's adversarial review (tests/adversarial8_letters.py): 120 letters written
by a reviewer who read that session's classifier changes (git 15998ce..) and aimed at their weak
side, in the five languages. Against the code before the session they read 12 destructive
readings and 32 lost requests; against the session's changes as first reviewed, 20 and 48; after the
review's fixes, 1 and 41 (KNOWN_DESTRUCTIVE, KNOWN_MISSED: most of the missed go to a
person). These tests hold that line: no other letter may gain a destructive reading, and every
letter read right stays right."""

from __future__ import annotations

import pytest
from adversarial8_letters import L
from gap_letters import assert_adversarial

from mailbot.classify import DESTRUCTIVE

KNOWN_DESTRUCTIVE = frozenset({"fr_donc_complaint"})
KNOWN_MISSED = frozenset(
    {
        "de_conditional_reicht",
        "de_earlier_reminder_partial",
        "de_list_aushang",
        "de_quote_own",
        "de_restrict_werbung_all",
        "de_sohn_vater",
        "de_wife_plus_mine",
        "en_csv_export",
        "en_earlier_reminder_partial",
        "en_list_latepayers",
        "en_list_noticeboard",
        "en_published_membership",
        "en_quote_own",
        "en_repo_documents",
        "en_repo_plus_profile",
        "en_son_guardian",
        "en_update_records_inform",
        "en_wife_joint",
        "fi_conditional_riittaisi",
        "fi_earlier_reminder_partial",
        "fi_list_ilmoitustaulu",
        "fi_marketing_nouns",
        "fi_poika_huoltaja",
        "fi_quote_own",
        "fi_restrict_marketing_all",
        "fi_yritin_joten",
        "fr_conditional_partial",
        "fr_donc_real",
        "fr_earlier_reminder_partial",
        "fr_fils_pere",
        "fr_list_affiche",
        "fr_photo_identite",
        "fr_quote_own",
        "sv_conditional_racka",
        "sv_date_lower",
        "sv_earlier_reminder_partial",
        "sv_list_anslagstavla",
        "sv_sa_nyhetsbrev",
        "sv_son_vardnadshavare",
        "sv_understood_mixed",
        "sv_wife_plus_mine",
    }
)


@pytest.mark.parametrize("letter", L, ids=[item["id"] for item in L])
def test_adversarial_letter(letter: dict) -> None:
    assert_adversarial(letter, DESTRUCTIVE - letter["want"], KNOWN_DESTRUCTIVE, KNOWN_MISSED)


def test_the_known_lists_name_real_letters() -> None:
    ids = {item["id"] for item in L}
    assert ids >= KNOWN_DESTRUCTIVE and ids >= KNOWN_MISSED
    assert len(KNOWN_DESTRUCTIVE) <= 1 and len(KNOWN_MISSED) <= 41
