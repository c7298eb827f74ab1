"""The local compose stack: valid Compose, every file it names present, and its parts agreeing.

No Docker engine is needed: the file is checked against the Compose specification offline, and
the stack's settings are checked against what mailbot, PostgreSQL and Dovecot will be given.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from servers import DovecotServer, free_port

from mailbot.settings import Settings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DEPLOY = ROOT / "deploy"
SERVICES = {"mailbot", "mailbot-ui", "postgres", "dovecot"}
# The settings the brief promises operators an example of.
DOCUMENTED_SETTINGS = {
    "MAILBOT_DATABASE_URL",
    "MAILBOT_MAILBOX_URL",
    "MAILBOT_SMTP_URL",
    "MAILBOT_CONTROLLER_ADDRESS",
    "MAILBOT_AUTHSERV_ID",
    "MAILBOT_DKIM_KEYS_FILE",
    "MAILBOT_PROFILE",
}


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load(COMPOSE.read_text()))


def read_env(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of an env file (Compose's format: no quoting used here)."""
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, sep, value = line.partition("=")
            assert sep, f"{path.name}: {line!r} is not KEY=VALUE"
            values[key.strip()] = value.strip()
    return values


def present(path: Path) -> Path:
    """The file itself or, for operator copies kept out of version control, its .example."""
    if path.exists():
        return path
    example = path.with_name(path.name + ".example")
    assert example.exists(), (
        f"{path.relative_to(ROOT)} is named by the stack but neither it nor {example.name} exists"
    )
    return example


def env_files(service: dict[str, Any]) -> list[Path]:
    entries = service.get("env_file", [])
    entries = [entries] if isinstance(entries, str | dict) else entries
    return [ROOT / (e["path"] if isinstance(e, dict) else e) for e in entries]


def bind_sources(service: dict[str, Any]) -> list[Path]:
    sources = []
    for volume in service.get("volumes", []):
        source = volume["source"] if isinstance(volume, dict) else volume.split(":", 1)[0]
        if source.startswith((".", "/")):
            sources.append((ROOT / source).resolve())
    return sources


def test_compose_file_follows_the_compose_specification() -> None:
    checker = shutil.which("check-jsonschema")
    if checker is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_file_the_stack_names_exists() -> None:
    for name, service in compose()["services"].items():
        for path in env_files(service) + bind_sources(service):
            assert present(path).is_file(), f"service {name}: {path} is not a file"
        build = service.get("build")
        if build is not None:
            context = ROOT / (build if isinstance(build, str) else build.get("context", "."))
            assert (context / "Dockerfile").is_file(), f"service {name}: no Dockerfile in {context}"


def test_every_service_is_health_checked_and_waits_for_healthy_dependencies() -> None:
    services = compose()["services"]
    assert set(services) == SERVICES
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
        for dependency, condition in service.get("depends_on", {}).items():
            assert dependency in services
            assert condition == {"condition": "service_healthy"}, f"{name} -> {dependency}"
    assert services["mailbot"]["command"] == ["run"]
    # Inside its container the staff page must listen on all interfaces to be published at all.
    ui_command = ["ui", "--host", "0.0.0.0", "--port", "8080"]  # noqa: S104
    assert services["mailbot-ui"]["command"] == ui_command
    assert services["postgres"]["image"].startswith("postgres:16")


def test_published_ports_are_on_loopback_only() -> None:
    # Plain IMAP and the staff page must not be reachable from the network in a trial.
    for name, service in compose()["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"


def test_env_example_documents_every_setting_and_only_real_ones() -> None:
    example = (DEPLOY / "mailbot.env.example").read_text()
    for setting in DOCUMENTED_SETTINGS:
        assert f"{setting}=" in example, f"{setting} is not in mailbot.env.example"
    known = {f"MAILBOT_{field.upper()}" for field in Settings.model_fields}
    assert set(read_env(DEPLOY / "mailbot.env.example")) <= known


@pytest.mark.parametrize("name", ["mailbot.env.example", "mailbot.env"])
def test_env_file_is_accepted_by_mailbot(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = DEPLOY / name
    if not path.exists():
        pytest.skip(f"{path} is an operator's copy of the example and has not been made here")
    for key, value in read_env(path).items():
        monkeypatch.setenv(key, value)
    try:
        settings = load_settings()
    except SettingsError as exc:
        pytest.fail(f"{name}: {exc}")
    assert settings.profile in {"b2b-customer", "child-welfare"}


def test_the_parts_of_the_stack_agree_on_hosts_and_credentials() -> None:
    mailbot = read_env(present(DEPLOY / "mailbot.env"))
    postgres = read_env(present(DEPLOY / "postgres.env"))
    users = {
        line.split(":", 1)[0]: line.split(":", 2)[1].removeprefix("{PLAIN}")
        for line in present(DEPLOY / "dovecot" / "users").read_text().splitlines()
        if line and not line.startswith("#")
    }
    services = compose()["services"]

    database = urlsplit(mailbot["MAILBOT_DATABASE_URL"])
    assert database.scheme == "postgresql+psycopg"
    assert database.hostname in services
    assert unquote(database.username or "") == postgres["POSTGRES_USER"]
    assert unquote(database.password or "") == postgres["POSTGRES_PASSWORD"]
    assert database.path.lstrip("/") == postgres["POSTGRES_DB"]

    mailbox = urlsplit(mailbot["MAILBOT_MAILBOX_URL"])
    assert mailbox.hostname == "dovecot"
    assert users[unquote(mailbox.username or "")] == unquote(mailbox.password or "")

    # The key file and the outbox Maildir are where the mailbot container mounts them.
    mounts = " ".join(str(v) for v in services["mailbot"]["volumes"])
    assert f":{mailbot['MAILBOT_DKIM_KEYS_FILE']}:" in mounts
    smtp = urlsplit(mailbot["MAILBOT_SMTP_URL"])
    assert smtp.scheme == "smtp" or f":{smtp.path}" in mounts


def test_dockerfile_runs_mailbot_as_a_non_root_user() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines[0] == "FROM python:3.11-slim"
    assert any(line.startswith("RUN pip install .") for line in lines)
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users, "the image would run as root"
    assert users[-1].split(":")[0] not in {"root", "0"}
    assert 'ENTRYPOINT ["mailbot"]' in lines


def test_dovecot_config_of_the_stack_parses() -> None:
    doveconf = shutil.which("doveconf")
    if doveconf is None:
        pytest.skip("doveconf is not installed (apt-get install dovecot-imapd)")
    result = subprocess.run(
        [doveconf, "-n", "-c", str(DEPLOY / "dovecot" / "dovecot.conf")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.dovecot
def test_dovecot_healthcheck_tells_a_live_server_from_a_closed_port(
    dovecot: DovecotServer,
) -> None:
    script = DEPLOY / "dovecot" / "imap-healthcheck"
    if shutil.which("bash") is None:
        pytest.skip("the healthcheck is a bash script and bash is not installed")
    live = subprocess.run([script, str(dovecot.port)], capture_output=True, timeout=10, check=False)
    dead = subprocess.run([script, str(free_port())], capture_output=True, timeout=10, check=False)
    assert live.returncode == 0, live.stderr
    assert dead.returncode != 0
