"""Settings: from MAILBOT_* environment variables and an optional TOML file, validated once.

A bad or missing setting is reported as one line naming it (SettingsError), never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

MAILBOX_SCHEMES = ("imap", "imaps", "maildir")
SMTP_SCHEMES = ("smtp", "smtps", "maildir")
DATABASE_SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg")
PROFILES = ("b2b-customer", "child-welfare")


class SettingsError(Exception):
    """A setting is missing or malformed; str() is one line naming it."""


def _check_url(value: str, schemes: tuple[str, ...]) -> str:
    scheme = urlsplit(value).scheme
    if scheme not in schemes:
        raise ValueError(f"must start with one of {', '.join(s + '://' for s in schemes)}")
    return value


class Settings(BaseSettings):
    """Every setting mailbot reads. Environment variables are MAILBOT_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="MAILBOT_", extra="forbid")

    database_url: str = Field(
        default="sqlite:///mailbot.db",
        description="SQLAlchemy URL of the register and mailbot's own records.",
    )
    mailbox_url: str | None = Field(
        default=None,
        description="Where requests arrive: imap://user:pass@host:port/INBOX, imaps://..., "
        "or maildir:///path.",
    )
    smtp_url: str | None = Field(
        default=None,
        description="Where replies go: smtp://host:port, smtps://user:pass@host:port, or "
        "maildir:///path to write them into a Maildir instead of sending.",
    )
    controller_address: str | None = Field(
        default=None,
        description="The privacy contact address; the From of every reply.",
    )
    controller_name: str = Field(
        default="Privacy team", description="Display name on replies and in letters."
    )
    authserv_id: str | None = Field(
        default=None,
        description="authserv-id of the controller's own mail server; only its "
        "Authentication-Results headers are trusted. Unset: none is trusted.",
    )
    dkim_keys_file: Path | None = Field(
        default=None,
        description="Static DKIM key file, one '<selector>._domainkey.<domain> <TXT>' a line, "
        "consulted before DNS.",
    )
    dns: bool = Field(default=True, description="Look DKIM keys up in DNS (False: key file only).")
    dkim_strict_alignment: bool = Field(
        default=False,
        description="Require the DKIM signer d= to be the From domain itself; by default "
        "(DMARC's relaxed alignment) a subdomain or parent of the same organisation counts.",
    )
    dns_timeout: float = Field(default=5.0, description="Seconds for one DNS query.")
    profile: str = Field(
        default="b2b-customer",
        description="Policy profile in rules/profiles/: b2b-customer or child-welfare.",
    )
    rules_dir: Path | None = Field(
        default=None, description="The controller's own rules folder, read after the packaged one."
    )
    templates_dir: Path | None = Field(
        default=None,
        description="The controller's own templates folder, looked up before the packaged one.",
    )
    processed_folder: str = Field(
        default="mailbot/done",
        description="IMAP folder a message is moved to once its outcome is committed.",
    )
    quarantine_folder: str = Field(
        default="mailbot/quarantine",
        description="IMAP folder a message that could not be processed is moved to.",
    )
    suppression_key: str | None = Field(
        default=None,
        description="Secret key for the hashes kept of marketing opt-outs after erasure "
        "(HMAC-SHA256). Set it: without it the hash uses a public default key.",
    )
    replies_per_address_per_hour: int = Field(
        default=5,
        ge=1,
        description="Cap per address and hour on the replies anyone can trigger by writing in "
        "(confirmation codes, replies to unknown senders, staff notices); answers to proven "
        "subjects are never capped.",
    )
    replies_per_hour: int = Field(
        default=500,
        ge=1,
        description="Cap per hour on all those replies together; the rest wait for the next "
        "hour, and answers to proven subjects go first.",
    )
    dkim_sign_key_file: Path | None = Field(
        default=None,
        description="Private key (PEM for RSA, base64 seed for ed25519) that signs every reply.",
    )
    dkim_sign_selector: str = Field(default="mailbot", description="Selector of the signing key.")
    dkim_sign_domain: str | None = Field(
        default=None,
        description="d= of reply signatures (default: the controller address's domain).",
    )
    log_format: str = Field(
        default="text", pattern="^(text|json)$", description="Log lines as text or as JSON objects."
    )
    poll_interval: float = Field(
        default=60.0, description="Seconds between polls when the server has no IDLE."
    )
    staff_address: str | None = Field(
        default=None,
        description="The privacy team's address, told when a case waits for a person. Unset: "
        "MAILBOT_CONTROLLER_ADDRESS; neither set: no notices are sent.",
    )
    ui_secret: str | None = Field(
        default=None,
        description="Secret key signing the staff web page's login-form tokens. Unset: a random "
        "one per process (logged in as unset), so a restart voids forms left open.",
    )
    ui_trust_proxy: bool = Field(
        default=False,
        description="The staff web page sits behind a reverse proxy whose X-Forwarded-Proto and "
        "X-Forwarded-For are believed (for the Secure cookie flag and per-address lockout).",
    )

    @field_validator("database_url")
    @classmethod
    def _database(cls, v: str) -> str:
        return _check_url(v, DATABASE_SCHEMES)

    @field_validator("mailbox_url")
    @classmethod
    def _mailbox(cls, v: str | None) -> str | None:
        return None if v is None else _check_url(v, MAILBOX_SCHEMES)

    @field_validator("smtp_url")
    @classmethod
    def _smtp(cls, v: str | None) -> str | None:
        return None if v is None else _check_url(v, SMTP_SCHEMES)

    @field_validator("profile")
    @classmethod
    def _profile(cls, v: str) -> str:
        if v not in PROFILES:
            raise ValueError(f"must be one of {', '.join(PROFILES)}")
        return v

    @field_validator("controller_address", "staff_address")
    @classmethod
    def _controller(cls, v: str | None) -> str | None:
        if v is not None and "@" not in v:
            raise ValueError("must be an email address")
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment wins over the TOML file, so one secret can be overridden at deploy time.
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        toml_path = os.environ.get("MAILBOT_CONFIG")
        if toml_path:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)

    def require(self, name: str) -> Any:
        """The value of a setting this command cannot do without."""
        value = getattr(self, name)
        if value in (None, ""):
            raise SettingsError(f"MAILBOT_{name.upper()} is not set; this command needs it")
        return value


def load_settings(**overrides: Any) -> Settings:
    """Read and validate settings; raise SettingsError with one line naming the bad setting."""
    toml_path = os.environ.get("MAILBOT_CONFIG")
    if toml_path and not Path(toml_path).is_file():
        raise SettingsError(f"MAILBOT_CONFIG names {toml_path}, which is not a readable file")
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            raise SettingsError(f"unknown setting {field!r} in {toml_path}") from None
        raise SettingsError(f"MAILBOT_{field.upper()}: {message}") from None
    except (OSError, ValueError) as exc:  # a TOML syntax error
        raise SettingsError(f"MAILBOT_CONFIG {toml_path}: {exc}") from None


def url_parts(url: str) -> tuple[str, str, int | None, str, str, str]:
    """(scheme, host, port, user, password, path) of a settings URL, percent-decoded."""
    parts = urlsplit(url)
    return (
        parts.scheme,
        parts.hostname or "",
        parts.port,
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        unquote(parts.path),
    )
