"""The command line as a user meets it: the demo, settings errors, register commands, JSON lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def mailbot(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "mailbot", *args],
        capture_output=True, text=True, env={**base, **(env or {})}, cwd=cwd, input=stdin, timeout=120, check=False,
    )  # fmt: skip


def test_demo_runs_on_a_fresh_directory_and_says_where_to_look(tmp_path: Path) -> None:
    result = mailbot("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "access_done" in out and "confirm_identity" in out and "unknown_sender" in out
    assert "automated" in out and "quarantined" in out
    replies = list((tmp_path / "mailbot-demo" / "outbox" / "new").iterdir())
    assert len(replies) >= 5
    # the forged letter's Reply-To never receives anything
    assert not any(
        b"collector@attacker.example" in p.read_bytes().split(b"\r\n\r\n")[0] for p in replies
    )
    # and the demo's register can be read with the command it suggests
    db = f"sqlite:///{tmp_path / 'mailbot-demo' / 'mailbot.db'}"
    shown = mailbot(
        "register",
        "show",
        "aino.virtanen@asiakas.example",
        "--json",
        env={"MAILBOT_DATABASE_URL": db},
    )
    assert json.loads(shown.stdout)["orders"][0]["ref"] == "O-55120"
    cases = mailbot("cases", "list", env={"MAILBOT_DATABASE_URL": db})
    assert "awaiting_confirmation" in cases.stdout


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"MAILBOT_DATABASE_URL": "mysql://x"}, "MAILBOT_DATABASE_URL"),
        ({"MAILBOT_MAILBOX_URL": "pop3://host"}, "MAILBOT_MAILBOX_URL"),
        ({"MAILBOT_PROFILE": "hospital"}, "MAILBOT_PROFILE"),
        ({"MAILBOT_DNS_TIMEOUT": "soon"}, "MAILBOT_DNS_TIMEOUT"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(
    tmp_path: Path, env: dict[str, str], needle: str
) -> None:
    result = mailbot("status", env=env, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in result.stderr


def test_run_without_a_mailbox_names_the_setting(tmp_path: Path) -> None:
    result = mailbot("run", "--once", cwd=tmp_path)
    assert result.returncode == 2
    assert "MAILBOT_MAILBOX_URL is not set" in result.stderr


def test_settings_from_a_toml_file(tmp_path: Path) -> None:
    config = tmp_path / "mailbot.toml"
    config.write_text(f'database_url = "sqlite:///{tmp_path / "from-toml.db"}"\n')
    result = mailbot("status", env={"MAILBOT_CONFIG": str(config)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-toml.db").exists()


def test_register_add_show_and_import(db_url: str) -> None:
    env = {"MAILBOT_DATABASE_URL": db_url}
    added = mailbot(
        "register",
        "add",
        "--name",
        "Kaisa Koe",
        "--email",
        "kaisa@koe.fi",
        "--org",
        "Koe Oy",
        env=env,
    )
    assert added.returncode == 0, added.stderr
    shown = json.loads(mailbot("register", "show", "kaisa@KOE.FI", "--json", env=env).stdout)
    assert shown["first_name"] == "Kaisa" and shown["organisation"] == "Koe Oy"
    again = mailbot("register", "add", "--name", "Other", "--email", "kaisa@koe.fi", env=env)
    assert again.returncode != 0 and "already belongs" in again.stderr
    bad = mailbot("register", "add", "--name", "X", "--email", "not-an-address", env=env)
    assert bad.returncode != 0 and "not a valid email address" in bad.stderr
    imported = mailbot(
        "register", "import", str(ROOT / "tests" / "data" / "register.json"), env=env
    )
    assert imported.returncode == 0 and "imported 4" in imported.stdout
    missing = mailbot("register", "show", "nobody@koe.fi", env=env)
    assert missing.returncode == 1


def test_classify_json_has_one_line_per_file_even_for_bad_files(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Hello,\n\nplease send me a copy of all personal data you hold about me (Article 15 GDPR).\n"
    )
    missing = tmp_path / "missing.eml"
    result = mailbot("classify", "--json", str(letter), str(missing))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(letter), str(missing)]
    assert lines[0]["intents"][0] == "access" and lines[0]["automated"] is False
    assert {"language", "confidence", "needs_review"} <= lines[0].keys()
    assert "error" in lines[1]


def test_verify_json_on_an_unsigned_message(tmp_path: Path) -> None:
    eml = tmp_path / "m.eml"
    eml.write_bytes(b"From: someone@example.org\r\nTo: p@c.fi\r\nSubject: hi\r\n\r\nhello\r\n")
    env = {"MAILBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'none.db'}", "MAILBOT_DNS": "false"}
    line = json.loads(mailbot("verify", "--json", str(eml), env=env).stdout)
    assert line["file"] == str(eml) and line["dkim"] == "none"
    assert line["verdict"] == "unknown_sender" and line["known_subject"] is False
