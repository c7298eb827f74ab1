"""Shared pytest fixtures: the real servers (Dovecot, SMTP sink, PostgreSQL) and database URLs.

The server helpers themselves live in tests/servers.py; this file only wires them into fixtures.
Add new fixtures in a section of their own, below the existing ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import DovecotServer, ImapUser, SmtpSink, new_imap_user, pg_database

# Fixtures that need a given server; tests using them get its marker automatically, so that
# `pytest -m "not dovecot"` or `-m "not postgres"` deselects them on a bare machine.
_MARKER_FIXTURES = {
    "dovecot": {"dovecot", "imap_user"},
    "postgres": {"pg_url"},
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in _MARKER_FIXTURES.items():
            if used & fixtures:
                item.add_marker(marker)


# ------------------------------------------------------------------------------- real servers


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    """One Dovecot for the whole session; tests isolate themselves with their own imap_user."""
    with DovecotServer() as server:
        yield server


@pytest.fixture
def imap_user(dovecot: DovecotServer) -> ImapUser:
    """A fresh IMAP account with an empty INBOX: .name, .password, .url (imap://...)."""
    return new_imap_user(dovecot)


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """An SMTP server capturing what is sent to its .url; set .refusing = True for a 451 outage."""
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database, dropped after the test."""
    with pg_database() as url:
        yield url


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend in turn; a test taking it runs once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'mailbot.db'}"
    return str(request.getfixturevalue("pg_url"))
