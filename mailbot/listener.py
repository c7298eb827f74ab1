"""The `mailbox` stage over SMTP/LMTP: the controller's MTA delivers the contact address to mailbot.

Each message is taken through the same pipeline as a mailbox message, and the server answers
250 only after the outcome (and the raw message, in the ledger) is committed: a message is never
acknowledged before it is stored. A failure answers 451, so the MTA keeps the message and retries;
the ledger key is the message's SHA-256, so a retry of a message that was in fact stored is a
no-op. Replies are sent by the same outbox, right after each message.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Envelope, Session

from mailbot.mailbox import RawMessage
from mailbot.pipeline import deliver, process_message
from mailbot.settings import Settings

log = logging.getLogger("mailbot.listener")
MAX_MESSAGE = 10 * 1024 * 1024


class PipelineHandler:
    """aiosmtpd handler: accept only mail for the contact address, run it through the pipeline."""

    def __init__(self, settings: Settings, *, accept_any_recipient: bool = False) -> None:
        self.settings = settings
        self.accept_any = accept_any_recipient
        self.address = (settings.controller_address or "").lower()

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not self.accept_any and address.lower() != self.address:
            return "550 5.1.1 mailbot only accepts mail for the privacy contact address"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        data = bytes(envelope.original_content or envelope.content or b"")
        key = "smtp:" + hashlib.sha256(data).hexdigest()
        loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(
                None, process_message, self.settings, RawMessage(key=key, data=data, ref=key)
            )
        except Exception:  # the database is down: let the MTA keep it
            log.exception("could not store %s", key)
            return "451 4.3.0 Temporary failure storing the message; try again later"
        if outcome.already:  # the MTA retried a message that is in fact stored
            return "250 2.0.0 Already stored"
        if outcome.outcome is None:  # a DNS failure or a settings error: not decided, not stored
            return "451 4.4.3 Cannot verify the sender now; try again later"
        try:
            await loop.run_in_executor(None, deliver, self.settings)
        except Exception:  # replies wait in the outbox for the next round
            log.exception("delivery after %s failed; replies stay in the outbox", key)
        return "250 2.0.0 Stored" + (f" as case {outcome.case_ref}" if outcome.case_ref else "")


class _LMTPController(Controller):
    def factory(self) -> Any:
        return LMTP(self.handler, data_size_limit=MAX_MESSAGE)


def start(settings: Settings, *, host: str, port: int, lmtp: bool = False) -> Controller:
    handler = PipelineHandler(settings)
    cls = _LMTPController if lmtp else Controller
    kwargs: dict[str, Any] = {} if lmtp else {"data_size_limit": MAX_MESSAGE}
    controller = cls(handler, hostname=host, port=port, **kwargs)
    controller.start()
    return controller
