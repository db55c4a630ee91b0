"""Local accounts: Argon2 password hashes, sessions, CSRF tokens and lockout after failures.

A session is a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only its
SHA-256, with the session's CSRF token, which every change (POST) must send back as the form field
`csrf_token` or the `X-CSRF-Token` header. Five wrong passwords in a row lock an account for
fifteen minutes; an unknown user name and a wrong password read the same.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..casebook.store import parse_stamp, stamp
from ..errors import TanglawError
from . import audit
from .roles import ROLES
from .store import Store

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD = 10


class AuthError(TanglawError):
    """A log-in or account change refused, in words for the person."""


@dataclass(frozen=True)
class User:
    username: str
    role: str
    org: str | None
    csrf: str = ""


def _hasher() -> object:
    try:
        from argon2 import PasswordHasher
    except ImportError:  # pragma: no cover
        raise TanglawError("the workbench needs argon2-cffi: pip install 'tanglaw[workbench]'") from None
    return PasswordHasher()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_username(username: str) -> str:
    name = username.strip()
    if not (1 <= len(name) <= 64) or not all(c.isalnum() or c in "._-@" for c in name):
        raise AuthError("a user name is 1-64 letters, digits or . _ - @")
    return name


def add_user(
    store: Store, username: str, password: str, role: str, org: str | None = None, *, by: str = "admin"
) -> User:
    name = check_username(username)
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"a password needs at least {MIN_PASSWORD} characters")
    if role == "partner" and not (org or "").strip():
        raise AuthError("a partner needs --org, the organisation whose shared cases they see")
    digest = _hasher().hash(password)  # type: ignore[attr-defined]
    with store.transaction():
        if store.one("SELECT username FROM wb_users WHERE username = ?", [name]):
            raise AuthError(f"user {name} exists already")
        store.execute(
            "INSERT INTO wb_users (username, role, org, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            [name, role, (org or "").strip() or None, digest, stamp(datetime.now(UTC))],
        )
        audit.append(store, by, "user.add", f"{name} as {role}" + (f" of {org}" if org else ""))
    return User(name, role, org)


def login(store: Store, username: str, password: str, *, now: datetime | None = None) -> tuple[str, User]:
    """A new session token for a right password; `AuthError` otherwise. A refusal is recorded (the
    failure count, the lock, the audit entry) before it is raised."""
    from argon2.exceptions import VerificationError

    now = now or datetime.now(UTC)
    name = username.strip()[:64]
    refusal: str | None = None
    with store.transaction():
        row = store.one(
            f"SELECT role, org, password_hash, failed, locked_until, active FROM wb_users WHERE username = ?"
            f"{store.for_update}",
            [name],
        )
        if row is None or not row[5]:
            audit.append(store, name or "?", "login.refused", "unknown user" if row is None else "disabled")
            refusal = "wrong user name or password"
        elif row[4] and parse_stamp(row[4]) > now:
            audit.append(store, name, "login.refused", "locked")
            refusal = f"too many failed attempts: this account is locked until {row[4][11:16]} UTC (or ask an admin)"
        else:
            role, org, digest, failed = row[0], row[1], row[2], int(row[3])
            try:
                _hasher().verify(digest, password)  # type: ignore[attr-defined]
            except VerificationError:
                failed += 1
                lock = stamp(now + LOCKOUT) if failed >= MAX_FAILURES else None
                store.execute(
                    "UPDATE wb_users SET failed = ?, locked_until = ? WHERE username = ?",
                    [0 if lock else failed, lock, name],
                )
                audit.append(
                    store, name, "login.refused", "wrong password" + (", account locked" if lock else "")
                )
                refusal = (
                    f"too many failed attempts: this account is locked until {lock[11:16]} UTC (or ask an admin)"
                    if lock
                    else "wrong user name or password"
                )
            else:
                token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
                store.execute(
                    "UPDATE wb_users SET failed = 0, locked_until = NULL WHERE username = ?", [name]
                )
                store.execute(
                    "INSERT INTO wb_sessions (token_hash, username, csrf, created_at, expires_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [_token_hash(token), name, csrf, stamp(now), stamp(now + SESSION_LIFETIME)],
                )
                audit.append(store, name, "login", f"as {role}")
    if refusal is not None:
        raise AuthError(refusal)
    return token, User(name, role, org, csrf)


def session_user(store: Store, token: str | None, *, now: datetime | None = None) -> User | None:
    if not token:
        return None
    now = now or datetime.now(UTC)
    row = store.one(
        "SELECT u.username, u.role, u.org, s.csrf, s.expires_at FROM wb_sessions s "
        "JOIN wb_users u ON u.username = s.username WHERE s.token_hash = ? AND u.active = 1",
        [_token_hash(token)],
    )
    if row is None or parse_stamp(row[4]) <= now:
        return None
    return User(row[0], row[1], row[2], row[3])


def logout(store: Store, token: str, who: str) -> None:
    with store.transaction():
        store.execute("DELETE FROM wb_sessions WHERE token_hash = ?", [_token_hash(token)])
        audit.append(store, who, "logout")


def csrf_ok(user: User, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(user.csrf, sent or "")


def users(store: Store) -> list[dict[str, object]]:
    return store.dicts(
        "SELECT username, role, org, failed, locked_until, active, created_at FROM wb_users ORDER BY username"
    )
