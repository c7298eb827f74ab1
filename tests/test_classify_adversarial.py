"""The seventh session's adversarial review (tests/adversarial_letters.py): 135 letters written
by a reviewer who read that session's classifier changes and aimed at their weak side, in the
five languages. Run against the code before the session, 21 of them were read with an erasure or
rectification they do not ask; after the review's fixes, 15; after the eighth session's (a
relative's or someone's request to the company told is theirs, the `mention` context; a refusal
with the deletion's consequence in the conditional; the app's own deleting told), none
(KNOWN_DESTRUCTIVE is empty and must stay so). These tests hold
that line: no other letter may gain a destructive reading, and every letter read right stays
right. KNOWN_MISSED lists the real requests still not read (most go to a person)."""

from __future__ import annotations

import pytest
from adversarial_letters import L
from gap_letters import assert_adversarial

KNOWN_DESTRUCTIVE: frozenset[str] = frozenset()
KNOWN_MISSED = frozenset(
    {
        "de_hat_geaendert",
        "de_loeschen_lassen",
        "de_quote_own",
        "de_refuse_access_del",
        "de_refuse_consent",
        "de_wish_und",
        "de_wish_und2",
        "en_defer_real",
        "en_not_an_option",
        "en_quote_access",
        "en_quote_policy_own",
        "en_quote_reminder",
        "en_refuse_access_del",
        "en_refuse_marketing",
        "en_under_right_erasure",
        "en_will_delete",
        "en_wish_access",
        "en_you_have_the",
        "fi_quote_name",
        "fi_quote_own",
        "fi_refuse_further",
        "fi_tried",
        "fi_tried_access",
        "fi_wish_formal",
        "fi_wish_joten",
        "fi_wish_sloppy2",
        "fr_defer_real",
        "fr_done_never",
        "fr_done_never_access",
        "fr_quote_own",
        "sv_bor_ratta_access",
        "sv_defer_real",
        "sv_inget2",
        "sv_inget3",
        "sv_inget_annat",
        "sv_quote_access",
        "sv_quote_own",
        "sv_sjalv_avslutade",
    }
)


@pytest.mark.parametrize("letter", L, ids=[item["id"] for item in L])
def test_adversarial_letter(letter: dict) -> None:
    assert_adversarial(letter, letter["bad"], KNOWN_DESTRUCTIVE, KNOWN_MISSED)


def test_the_known_lists_name_real_letters() -> None:
    ids = {item["id"] for item in L}
    assert ids >= KNOWN_DESTRUCTIVE and ids >= KNOWN_MISSED
    assert not KNOWN_DESTRUCTIVE
