"""The `mailbox` stage: where raw messages come from, and marking them done once committed.

Two sources share one small protocol:
- `ImapMailbox` (imapclient): reads INBOX by UID with BODY.PEEK[] (so \\Seen is untouched), and once
  a message's outcome is committed, sets the keyword `$MailbotDone` and MOVEs it to the processed
  folder. Why both: the keyword is set first and is atomic, so a crash between the two leaves a message
  the next search skips; the move keeps INBOX a list of what is still to do, which is what the privacy
  team looks at in their mail client. Failures go to the quarantine folder instead.
- `MaildirMailbox`: the same for a local Maildir (the embedded default): a done message moves into
  the Maildir++ subfolder `.mailbot.done`, a quarantined one into `.mailbot.quarantine`.

A message's `key` is stable across runs ((UIDVALIDITY, UID) on IMAP, the unique file name in a
Maildir): the processed-message ledger is keyed by it, so reading a message twice is a no-op.
"""

from __future__ import annotations

import contextlib
import mailbox as stdlib_mailbox
import os
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from mailbot.settings import url_parts

DONE_KEYWORD = "$MailbotDone"
FETCH_BATCH = 100
IDLE_RECHECK = 10.0  # seconds: the longest a missed IDLE notice can delay a message


class MailboxError(Exception):
    """The mailbox cannot be reached or refused an operation."""


@dataclass(frozen=True)
class RawMessage:
    key: str  # stable identity of this copy of the message: the ledger key
    data: bytes
    ref: str  # where it is in the source (a UID or a file name)


class Mailbox(Protocol):
    name: str

    def fetch_new(self) -> Iterator[RawMessage]: ...

    def mark_done(self, message: RawMessage, *, quarantine: bool = False) -> None: ...

    def mark_done_many(self, items: list[tuple[RawMessage, bool]]) -> list[str]: ...

    def wait_for_mail(
        self, timeout: float, *, stopping: Callable[[], bool] = lambda: False
    ) -> None: ...

    def close(self) -> None: ...


# --------------------------------------------------------------------------- IMAP


def _unprocessed(client: IMAPClient) -> set[int]:
    """UIDs not yet marked done. NOOP first: Dovecot shows a session mail that arrived since its
    last sync only after one, and SEARCH alone does not sync."""
    client.noop()
    return set(client.search(["UNDELETED", "UNKEYWORD", DONE_KEYWORD]))


class ImapMailbox:
    """An IMAP folder read through imapclient."""

    def __init__(
        self,
        url: str,
        *,
        done_folder: str = "mailbot/done",
        quarantine_folder: str = "mailbot/quarantine",
        timeout: float = 30.0,
    ) -> None:
        scheme, host, port, user, password, path = url_parts(url)
        self.folder = path.lstrip("/") or "INBOX"
        self.name = f"imap:{user}@{host}/{self.folder}"
        self._host = host
        self._port = port or (993 if scheme == "imaps" else 143)
        self._tls = scheme == "imaps"
        self._user = user
        self._password = password
        self._timeout = timeout
        self.done_folder = done_folder
        self.quarantine_folder = quarantine_folder
        self._client: IMAPClient | None = None
        self._seen: set[int] = set()  # UIDs the last fetch found
        self.uidvalidity: int | None = None

    def _connect(self) -> IMAPClient:
        if self._client is not None:
            return self._client
        try:
            client = IMAPClient(
                self._host,
                port=self._port,
                ssl=self._tls,
                ssl_context=ssl.create_default_context() if self._tls else None,
                timeout=self._timeout,
            )
            client.login(self._user, self._password)
            status = client.select_folder(self.folder)
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.name} ({self._host}:{self._port}): {exc}") from exc
        self.uidvalidity = int(status[b"UIDVALIDITY"])
        for folder in (self.done_folder, self.quarantine_folder):
            if not client.folder_exists(folder):
                try:
                    client.create_folder(folder)
                except IMAPClientError:
                    # several workers start at once: another made it between the look and the
                    # create (Dovecot answers ALREADYEXISTS); only a folder still missing fails
                    if not client.folder_exists(folder):
                        raise MailboxError(f"{self.name}: cannot create {folder}") from None
        self._client = client
        return client

    def _key(self, uid: int) -> str:
        return f"{self.name}:{self.uidvalidity}:{uid}"

    def fetch_new(self) -> Iterator[RawMessage]:
        client = self._connect()
        try:
            uids = sorted(_unprocessed(client))
            self._seen = set(uids)
            for start in range(0, len(uids), FETCH_BATCH):
                batch = uids[start : start + FETCH_BATCH]
                fetched = client.fetch(batch, ["BODY.PEEK[]"])
                for uid in batch:
                    item = fetched.get(uid)
                    if item is None:  # expunged by someone else meanwhile
                        continue
                    yield RawMessage(key=self._key(uid), data=item[b"BODY[]"], ref=str(uid))
        except (OSError, IMAPClientError) as exc:
            self._drop()
            raise MailboxError(f"{self.name}: {exc}") from exc

    def mark_done(self, message: RawMessage, *, quarantine: bool = False) -> None:
        client = self._connect()
        uid = int(message.ref)
        target = self.quarantine_folder if quarantine else self.done_folder
        try:
            client.add_flags([uid], [DONE_KEYWORD])
            if client.has_capability("MOVE"):
                client.move([uid], target)
            else:
                client.copy([uid], target)
                client.delete_messages([uid])
                client.expunge([uid]) if client.has_capability("UIDPLUS") else client.expunge()
        except (OSError, IMAPClientAbortError) as exc:
            self._drop()
            raise MailboxError(f"{self.name}: {exc}") from exc
        except IMAPClientError as exc:
            # another worker moved it first (Dovecot: NO [EXPUNGEISSUED]): then it is done
            try:
                still_here = bool(client.search(["UID", str(uid)]))
            except (OSError, IMAPClientError):
                self._drop()
                still_here = True
            if still_here:
                raise MailboxError(f"{self.name}: {exc}") from exc

    def mark_done_many(self, items: list[tuple[RawMessage, bool]]) -> list[str]:
        """Mark many messages at once (two round trips per folder, not two per message); returns
        the keys marked. Falls back to one at a time when the batch is refused."""
        done: list[str] = []
        for quarantine in (False, True):
            group = [m for m, q in items if q is quarantine]
            if not group:
                continue
            client = self._connect()
            uids = [int(m.ref) for m in group]
            try:
                client.add_flags(uids, [DONE_KEYWORD])
                if client.has_capability("MOVE"):
                    client.move(uids, self.quarantine_folder if quarantine else self.done_folder)
                    done += [m.key for m in group]
                    continue
            except (OSError, IMAPClientAbortError) as exc:
                self._drop()
                raise MailboxError(f"{self.name}: {exc}") from exc
            except IMAPClientError:
                pass  # e.g. another worker moved one of them: do them one by one
            for message in group:
                self.mark_done(message, quarantine=quarantine)
                done.append(message.key)
        return done

    def wait_for_mail(
        self, timeout: float, *, stopping: Callable[[], bool] = lambda: False
    ) -> None:
        """IDLE until something arrives or `timeout` passes (checking `stopping` each second, so
        SIGTERM is honoured at once); sleep where IDLE is not offered."""
        client = self._connect()
        if not client.has_capability("IDLE"):
            _sleep_until(timeout, stopping)
            return
        try:
            end = time.monotonic() + timeout
            while not stopping() and time.monotonic() < end:
                # IDLE reports only what arrives after it starts, and SEARCH sees new mail only
                # after a sync: NOOP, look, then IDLE; and look again every IDLE_RECHECK seconds,
                # so a message slipping in between is never left waiting for the poll interval
                if _unprocessed(client) - self._seen:
                    return
                client.idle()
                try:
                    until = min(end, time.monotonic() + IDLE_RECHECK)
                    while not stopping() and time.monotonic() < until:
                        if client.idle_check(timeout=min(1.0, max(0.0, until - time.monotonic()))):
                            return
                finally:
                    client.idle_done()
        except (OSError, IMAPClientError) as exc:
            self._drop()
            raise MailboxError(f"{self.name}: {exc}") from exc

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):  # the connection is already broken
                client.shutdown()

    def close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(OSError, IMAPClientError):
                self._client.logout()
            self._client = None


# --------------------------------------------------------------------------- Maildir


class MaildirMailbox:
    """A local Maildir: new/ and cur/ are the inbox; done and quarantined mail moves to subfolders."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.name = f"maildir:{self.path}"
        if create:
            for sub in ("tmp", "new", "cur"):
                (self.path / sub).mkdir(parents=True, exist_ok=True)
        elif not (self.path / "cur").is_dir():
            raise MailboxError(f"{self.path} is not a Maildir (no cur/ folder)")

    def _files(self) -> list[Path]:
        files = [p for sub in ("new", "cur") for p in (self.path / sub).iterdir() if p.is_file()]
        return sorted(files, key=lambda p: p.name)

    def fetch_new(self) -> Iterator[RawMessage]:
        for file in self._files():
            try:
                data = file.read_bytes()
            except FileNotFoundError:  # moved away by another process meanwhile
                continue
            unique = file.name.split(":", 1)[0]
            yield RawMessage(key=f"maildir:{self.path.name}:{unique}", data=data, ref=str(file))

    def mark_done(self, message: RawMessage, *, quarantine: bool = False) -> None:
        folder = self.path / (".mailbot.quarantine" if quarantine else ".mailbot.done")
        for sub in ("tmp", "new", "cur"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        source = Path(message.ref)
        name = source.name if ":2," in source.name else source.name + ":2,S"
        with contextlib.suppress(FileNotFoundError):  # already moved
            os.replace(source, folder / "cur" / name)

    def mark_done_many(self, items: list[tuple[RawMessage, bool]]) -> list[str]:
        for message, quarantine in items:
            self.mark_done(message, quarantine=quarantine)
        return [m.key for m, _q in items]

    def wait_for_mail(
        self, timeout: float, *, stopping: Callable[[], bool] = lambda: False
    ) -> None:
        _sleep_until(timeout, stopping)

    def close(self) -> None:
        pass


def _sleep_until(timeout: float, stopping: Callable[[], bool]) -> None:
    end = time.monotonic() + timeout
    while not stopping() and time.monotonic() < end:
        time.sleep(min(0.5, max(0.0, end - time.monotonic())))


def open_mailbox(url: str, *, done_folder: str, quarantine_folder: str) -> Mailbox:
    scheme, _host, _port, _user, _password, path = url_parts(url)
    if scheme == "maildir":
        return MaildirMailbox(Path(path))
    return ImapMailbox(url, done_folder=done_folder, quarantine_folder=quarantine_folder)


def append_maildir(path: Path, data: bytes) -> str:
    """Deliver one message into a Maildir (the demo's inbox, and the maildir:// reply sink)."""
    box = stdlib_mailbox.Maildir(path, factory=None, create=True)
    try:
        return box.add(data)
    finally:
        box.close()
