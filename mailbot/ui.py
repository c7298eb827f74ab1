"""The staff web page: the approval queue in a browser, for the privacy team's own accounts.

Every decision goes through mailbot.queue with the logged-in username as the actor, exactly as the
command line does, so the two cannot drift apart. The page is built to leak nothing and to be hard to
trick: server-side sessions (mailbot.staff) in an HttpOnly, SameSite=Strict cookie, Secure over TLS;
a per-session CSRF token on every form (and a signed one on the login form); failed logins slow
down to a lockout per username and per client address; a strict Content-Security-Policy with no
script at all; the requester's email shown only as escaped plain text, never as HTML.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import text

from mailbot import quarantine, queue
from mailbot.classify import INTENTS
from mailbot.db import get_engine, session_scope
from mailbot.models import OPEN_STATUSES
from mailbot.paths import templates_dir
from mailbot.settings import Settings
from mailbot.staff import LoggedIn, authenticate, end_session, resolve_session, start_session

log = logging.getLogger("mailbot.ui")

SESSION_COOKIE = "mailbot_session"
LOGIN_COOKIE = "mailbot_login"
NEAR_DAYS = 7  # a deadline this close is highlighted, and listed on the deadlines page
MAX_BODY_CHARS = 100_000  # a huge letter is cut on screen (the full one stays in the database)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# What a decision's redirect may say; a fixed list, so a crafted link cannot put words on the page.
DONE_MESSAGES = {
    "approved": "Approved and carried out; the reply waits in the outbox.",
    "rejected": "Refused; the subject will be told your reason and their right to complain.",
    "confirmed": "Identity confirmed; the case went on.",
    "triaged": "Rights set.",
    "extended": "Deadline extended; the subject will be told why.",
}


# --------------------------------------------------------------------------- login throttling


@dataclass
class LoginThrottle:
    """Counts failed logins per key (a username, a client address) and locks a key out for a while.

    In memory, per process: the web page runs as one uvicorn process; a restart clears the counts,
    which an attacker cannot cause from the login form.
    """

    max_failures: int = 5
    window: float = 15 * 60.0  # failures older than this are forgotten
    lockout: float = 15 * 60.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _locked_until: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def locked(self, *keys: str) -> float:
        """Seconds until every key may try again (0: none is locked)."""
        now = self.clock()
        with self._lock:
            return max([0.0, *(self._locked_until.get(k, 0.0) - now for k in keys)])

    def failed(self, key: str, *, limit: int | None = None) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) > 10_000:  # many made-up usernames must not grow memory forever
                self._forget_stale(now)
            recent = [t for t in self._failures.get(key, []) if now - t < self.window] + [now]
            self._failures[key] = recent
            if len(recent) >= (limit or self.max_failures):
                self._locked_until[key] = now + self.lockout
                self._failures[key] = []

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _forget_stale(self, now: float) -> None:
        self._failures = {
            k: ts for k, ts in self._failures.items() if ts and now - ts[-1] < self.window
        }
        self._locked_until = {k: t for k, t in self._locked_until.items() if t > now}


# --------------------------------------------------------------------------- the app


class _NotLoggedIn(Exception):
    pass


class _CsrfRefused(Exception):
    pass


def _environment(settings: Settings) -> Environment:
    folders = [p / "ui" for p in (settings.templates_dir, templates_dir()) if p is not None]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=2, default=str)
    return env


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _is_tls(request: Request, settings: Settings) -> bool:
    if settings.ui_trust_proxy:
        forwarded = request.headers.get("x-forwarded-proto", "")
        if forwarded:
            return forwarded.split(",")[0].strip().lower() == "https"
    return request.url.scheme == "https"


def create_app(settings: Settings, *, throttle: LoginThrottle | None = None) -> FastAPI:
    """The staff web page as an ASGI app; `throttle` lets tests use their own clock."""
    app = FastAPI(title="mailbot staff", docs_url=None, redoc_url=None, openapi_url=None)
    env = _environment(settings)
    throttle = throttle or LoginThrottle()
    secret = (settings.ui_secret or "").encode("utf-8")
    if not secret:
        secret = secrets.token_bytes(32)
        log.warning(
            "MAILBOT_UI_SECRET is unset: a random secret is used for this process, so login "
            "forms left open across a restart will have to be reloaded"
        )
    url = settings.database_url

    def page(
        request: Request, name: str, *, who: LoggedIn | None, status: int = 200, **context: Any
    ) -> HTMLResponse:
        html = env.get_template(name).render(
            who=who, csrf=who.csrf_token if who else "", near_days=NEAR_DAYS, **context
        )
        return HTMLResponse(html, status_code=status)

    def login_token(nonce: str) -> str:
        return hmac.new(secret, b"login:" + nonce.encode("utf-8"), hashlib.sha256).hexdigest()

    def logged_in(request: Request) -> LoggedIn:
        token = request.cookies.get(SESSION_COOKIE, "")
        with session_scope(url) as session:
            who = resolve_session(session, token=token) if token else None
        if who is None:
            raise _NotLoggedIn()
        return who

    def checked(request: Request, csrf: str) -> LoggedIn:
        """The logged-in user of a form post, whose CSRF token must match the session's."""
        who = logged_in(request)
        if not csrf or not hmac.compare_digest(csrf.encode(), who.csrf_token.encode()):
            raise _CsrfRefused()
        return who

    @app.exception_handler(_NotLoggedIn)
    async def _to_login(request: Request, exc: _NotLoggedIn) -> Response:
        response = RedirectResponse("/login", status_code=303)
        if SESSION_COOKIE in request.cookies:  # a dead session: let the browser forget it
            response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    @app.exception_handler(_CsrfRefused)
    async def _csrf(request: Request, exc: _CsrfRefused) -> Response:
        log.warning("form refused: missing or wrong CSRF token from %s", _client(request))
        return PlainTextResponse("Refused: the form's security token is missing or wrong. "
                                 "Reload the page and try again.", status_code=403)  # fmt: skip

    @app.middleware("http")
    async def _headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # Case data must not linger in a shared computer's cache or a proxy.
        response.headers["Cache-Control"] = "no-store"
        return response

    # ------------------------------------------------------------------ health, login, logout

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> Response:
        try:
            with get_engine(url).connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:  # any failure means "not healthy"; no detail leaks
            return PlainTextResponse("database unavailable\n", status_code=503)
        return PlainTextResponse("ok\n")

    def login_page(request: Request, *, error: str = "", status: int = 200) -> Response:
        nonce = secrets.token_urlsafe(24)
        response = page(
            request,
            "login.html",
            who=None,
            status=status,
            error=error,
            login_csrf=login_token(nonce),
        )
        response.set_cookie(
            LOGIN_COOKIE,
            nonce,
            httponly=True,
            samesite="strict",
            secure=_is_tls(request, settings),
            path="/login",
        )
        return response

    @app.get("/login")
    def login_form(request: Request) -> Response:
        return login_page(request)

    @app.post("/login")
    def login(
        request: Request,
        username: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        nonce = request.cookies.get(LOGIN_COOKIE, "")
        if not nonce or not csrf or not hmac.compare_digest(csrf, login_token(nonce)):
            raise _CsrfRefused()
        username = username.strip().lower()
        user_key, addr_key = f"user:{username}", f"addr:{_client(request)}"
        wait = throttle.locked(user_key, addr_key)
        if wait > 0:
            # Refused without checking the password, so a locked account cannot be probed.
            minutes = int(wait // 60) + 1
            log.warning("login refused (locked out): %r from %s", username, _client(request))
            return login_page(
                request,
                error=f"Too many failed logins. Try again in {minutes} minutes.",
                status=429,
            )
        with session_scope(url) as session:
            user = authenticate(session, username=username, password=password)
            if user is None:
                who = None
            else:
                token, who = start_session(session, user=user)
        if who is None:
            throttle.failed(user_key)
            # An office shares one address: allow it more tries before it locks every user out.
            throttle.failed(addr_key, limit=throttle.max_failures * 4)
            log.warning("failed login for %r from %s", username, _client(request))
            return login_page(request, error="Wrong username or password.", status=401)
        throttle.succeeded(user_key)
        old = request.cookies.get(SESSION_COOKIE)
        if old:  # never keep a session token that existed before the login (fixation)
            with session_scope(url) as session:
                end_session(session, token=old)
        log.info("staff %s logged in from %s", who.username, _client(request))
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=_is_tls(request, settings),
            path="/",
        )
        response.delete_cookie(LOGIN_COOKIE, path="/login", httponly=True, samesite="strict")
        return response

    @app.post("/logout")
    def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
        who = checked(request, csrf)
        with session_scope(url) as session:
            end_session(session, token=request.cookies.get(SESSION_COOKIE, ""))
        log.info("staff %s logged out", who.username)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    # ------------------------------------------------------------------ pages

    @app.get("/")
    def queue_page(request: Request) -> Response:
        who = logged_in(request)
        with session_scope(url) as session:
            items = queue.list_queue(session)
        return page(request, "queue.html", who=who, items=items)

    @app.get("/deadlines")
    def deadlines_page(request: Request, days: int = NEAR_DAYS) -> Response:
        who = logged_in(request)
        days = max(0, min(days, 366))
        with session_scope(url) as session:
            items = queue.list_queue(session, statuses=tuple(OPEN_STATUSES))
        due = [i for i in items if i.overdue or i.days_left <= days]
        return page(request, "deadlines.html", who=who, items=due, days=days)

    def case_page(
        request: Request, who: LoggedIn, ref: str, *, error: str = "", status: int = 200
    ) -> Response:
        try:
            with session_scope(url) as session:
                detail = queue.case_detail(session, ref)
        except queue.QueueError:
            return page(request, "missing.html", who=who, ref=ref, status=404)
        done = DONE_MESSAGES.get(request.query_params.get("done", ""), "")
        return page(
            request,
            "case.html",
            who=who,
            case=detail,
            email=_email_view(detail.pop("raw_message")),
            intents_known=INTENTS,
            can_confirm=detail["status"] in ("awaiting_confirmation", "triage"),
            can_triage=detail["status"] in ("awaiting_confirmation", "triage")
            or detail["needs_review"],
            can_extend=detail["status"] in {s.value for s in OPEN_STATUSES},
            error=error,
            done=done,
            status=status,
        )

    @app.get("/cases/{ref}")
    def show_case(request: Request, ref: str) -> Response:
        return case_page(request, logged_in(request), ref)

    def decide(
        request: Request, who: LoggedIn, ref: str, done: str, call: Callable[[], Any]
    ) -> Response:
        try:
            call()
        except queue.QueueError as exc:
            return case_page(request, who, ref, error=str(exc), status=409)
        log.info("staff %s: %s %s", who.username, done, ref)
        return RedirectResponse(f"/cases/{ref}?done={done}", status_code=303)

    @app.post("/cases/{ref}/approve")
    def approve(
        request: Request,
        ref: str,
        csrf: Annotated[str, Form()] = "",
        action_id: Annotated[int | None, Form()] = None,
    ) -> Response:
        who = checked(request, csrf)
        return decide(request, who, ref, "approved",
                      lambda: queue.approve(settings, ref, actor=who.username, action_id=action_id))  # fmt: skip

    @app.post("/cases/{ref}/reject")
    def reject(
        request: Request,
        ref: str,
        csrf: Annotated[str, Form()] = "",
        reason: Annotated[str, Form()] = "",
        action_id: Annotated[int | None, Form()] = None,
    ) -> Response:
        who = checked(request, csrf)
        return decide(request, who, ref, "rejected",
                      lambda: queue.reject(settings, ref, actor=who.username, reason=reason,
                                           action_id=action_id))  # fmt: skip

    @app.post("/cases/{ref}/confirm")
    def confirm(
        request: Request,
        ref: str,
        csrf: Annotated[str, Form()] = "",
        subject_ref: Annotated[str, Form()] = "",
    ) -> Response:
        who = checked(request, csrf)
        return decide(request, who, ref, "confirmed",
                      lambda: queue.confirm_identity(settings, ref, actor=who.username,
                                                     subject_ref=subject_ref.strip() or None))  # fmt: skip

    @app.post("/cases/{ref}/triage")
    def triage(
        request: Request,
        ref: str,
        csrf: Annotated[str, Form()] = "",
        intents: Annotated[list[str] | None, Form()] = None,
    ) -> Response:
        who = checked(request, csrf)
        return decide(request, who, ref, "triaged",
                      lambda: queue.set_intents(settings, ref, actor=who.username,
                                                intents=intents or []))  # fmt: skip

    @app.post("/cases/{ref}/extend")
    def extend(
        request: Request,
        ref: str,
        csrf: Annotated[str, Form()] = "",
        reason: Annotated[str, Form()] = "",
    ) -> Response:
        who = checked(request, csrf)
        return decide(request, who, ref, "extended",
                      lambda: queue.extend(settings, ref, actor=who.username, reason=reason))  # fmt: skip

    # ------------------------------------------------------------------ quarantine

    def quarantine_page(
        request: Request, who: LoggedIn, *, error: str = "", done: str = "", status: int = 200
    ) -> Response:
        with session_scope(url) as session:
            rows = quarantine.list_quarantined(session)
            views = {
                r.id: _email_view(quarantine.get_quarantined(session, r.id).raw)
                for r in rows[:QUARANTINE_SHOWN]
            }
        return page(request, "quarantine.html", who=who, rows=rows, views=views,
                    error=error, done=done, status=status)  # fmt: skip

    @app.get("/quarantine")
    def show_quarantine(request: Request) -> Response:
        who = logged_in(request)
        return quarantine_page(request, who, done=request.query_params.get("done", "")[:20])

    def quarantine_decide(
        request: Request, who: LoggedIn, done: str, call: Callable[[], Any]
    ) -> Response:
        try:
            call()
        except quarantine.QuarantineError as exc:
            return quarantine_page(request, who, error=str(exc), status=409)
        log.info("staff %s: quarantine %s", who.username, done)
        return RedirectResponse(f"/quarantine?done={done}", status_code=303)

    @app.post("/quarantine/{row_id}/reprocess")
    def reprocess_quarantined(
        request: Request, row_id: int, csrf: Annotated[str, Form()] = ""
    ) -> Response:
        who = checked(request, csrf)
        return quarantine_decide(request, who, "reprocessed",
                                 lambda: quarantine.reprocess(settings, row_id, actor=who.username))  # fmt: skip

    @app.post("/quarantine/{row_id}/dismiss")
    def dismiss_quarantined(
        request: Request,
        row_id: int,
        csrf: Annotated[str, Form()] = "",
        reason: Annotated[str, Form()] = "",
    ) -> Response:
        who = checked(request, csrf)
        return quarantine_decide(request, who, "dismissed",
                                 lambda: quarantine.dismiss(settings, row_id, actor=who.username, reason=reason))  # fmt: skip

    return app


QUARANTINE_SHOWN = 50  # messages shown in full on the quarantine page


@dataclass
class EmailView:
    """The original email as staff see it: four headers and the plain text, all escaped on output."""

    headers: list[tuple[str, str]]
    body: str
    truncated: bool
    note: str = ""


def _email_view(raw: bytes | None) -> EmailView | None:
    if raw is None:
        return None
    from mailbot.message import MessageError, parse_message

    try:
        parsed = parse_message(raw)
    except MessageError as exc:
        # Still shown, as escaped text: staff must see what came in, even when it is malformed.
        body = raw.decode("utf-8", "replace")
        return EmailView([], body[:MAX_BODY_CHARS], len(body) > MAX_BODY_CHARS, f"unparsed: {exc}")
    headers = [(h, str(parsed.msg.get(h, ""))) for h in ("From", "To", "Subject", "Date")]
    body = parsed.body_text
    return EmailView(headers, body[:MAX_BODY_CHARS], len(body) > MAX_BODY_CHARS)


def serve(settings: Settings, *, host: str, port: int) -> None:
    """Run the staff web page with uvicorn until interrupted."""
    import uvicorn

    app = create_app(settings)
    uvicorn.run(
        app,
        host=host,
        port=port,
        # uvicorn would otherwise believe X-Forwarded-* from loopback clients by default.
        proxy_headers=settings.ui_trust_proxy,
        forwarded_allow_ips="*" if settings.ui_trust_proxy else "",
        server_header=False,
        log_level="info",
    )
