"""The register on SQLite and PostgreSQL: import all-or-nothing, look-ups, everything on one subject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import func, select

from mailbot.db import migrate, session_scope
from mailbot.models import Subject
from mailbot.register import (
    RegisterError,
    find_subject,
    import_register,
    parse_register_file,
    subject_record,
)

DATA = Path(__file__).parent / "data" / "register.json"


def _load(db_url: str, path: Path = DATA) -> int:
    migrate(db_url)
    with session_scope(db_url) as session:
        return import_register(session, parse_register_file(path), source=str(path))


def _count(db_url: str) -> int:
    with session_scope(db_url) as session:
        return int(session.exec(select(func.count()).select_from(Subject)).one())


def test_import_and_show_everything(db_url: str) -> None:
    assert _load(db_url) == 4
    with session_scope(db_url) as session:
        # any of her addresses; the domain's case does not matter (the local part's does)
        subject = find_subject(session, "maija.m@TOINEN.fi")
        assert subject is not None and subject.id is not None
        record = subject_record(session, subject.id)
    assert record["ref"] == "T-1"
    assert record["emails"] == ["maija@asiakas.fi", "maija.m@toinen.fi"]
    assert record["orders"][0]["ref"] == "ORD-4711"
    assert record["invoices"][0]["status"] == "paid"
    assert record["web_activity"][0]["ip"] == "198.51.100.7"
    assert record["consents"][0]["purpose"] == "newsletter"
    assert record["disclosures"][0]["recipient"] == "Kirjanpito Oy"
    json.dumps(record)  # JSON-ready as `register show --json` prints it


def test_guardian_link(db_url: str) -> None:
    _load(db_url)
    with session_scope(db_url) as session:
        child = find_subject(session, "lena.lapsi@koti.fi")
        assert child is not None and child.id is not None
        assert subject_record(session, child.id)["guardians"] == ["T-4"]


def _write(tmp_path: Path, subjects: list[dict[str, object]]) -> Path:
    path = tmp_path / "reg.json"
    path.write_text(json.dumps({"format": "mailbot-register/1", "subjects": subjects}))
    return path


@pytest.mark.parametrize(
    ("subjects", "expected"),
    [
        ([{"ref": "A", "emails": ["ok@x.fi"]}, {"ref": "B", "emails": ["not-an-address"]}],
         "subject #2 (ref B), field emails"),
        ([{"ref": "A", "emails": ["a@x.fi"], "invoices": [{"ref": "I", "status": "unpaid"}]}],
         "subject #1 (ref A), field invoices.0.status"),
        ([{"ref": "A", "emails": ["a@x.fi"], "shoe_size": 42}], "field shoe_size"),
        ([{"ref": "A", "emails": ["a@x.fi"]}, {"ref": "A", "emails": ["b@x.fi"]}], "appears twice"),
        ([{"ref": "A", "emails": ["a@x.fi"]}, {"ref": "B", "emails": ["a@X.FI"]}], "also belongs to ref A"),
    ],
)  # fmt: skip
def test_bad_file_names_record_and_field_and_imports_nothing(
    tmp_path: Path, subjects: list[dict[str, object]], expected: str
) -> None:
    path = _write(tmp_path, subjects)
    with pytest.raises(RegisterError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse_register_file(path)


def test_unknown_guardian_rolls_back_the_whole_file(db_url: str, tmp_path: Path) -> None:
    migrate(db_url)
    path = _write(
        tmp_path,
        [
            {"ref": "G-1", "emails": ["g@x.fi"]},
            {"ref": "C-1", "emails": ["c@x.fi"], "guardians": ["NOPE"]},
        ],
    )
    with pytest.raises(RegisterError, match="no subject with ref NOPE"):
        _load(db_url, path)
    assert _count(db_url) == 0


def test_existing_ref_or_address_is_refused(db_url: str, tmp_path: Path) -> None:
    _load(db_url)
    path = _write(tmp_path, [{"ref": "NEW", "emails": ["erik@kund.se"]}])
    with pytest.raises(RegisterError, match="already belongs"):
        _load(db_url, path)
    assert _count(db_url) == 4
