"""Privacy-preserving signal sharing: keyed hashes of identifiers, and matching a partner's file.

Two organisations that hold one shared secret key (exchanged out of band, never with the file)
can find the identifiers they both hold without either seeing the other's raw values:

1. `export_signals` writes a case's emails, phones, usernames and payment accounts as
   HMAC-SHA256 hashes (after the normalisation below) to a JSON file to send, plus a private
   CSV that maps each opaque `ref` back to the raw value and account — kept by the sender;
2. the receiver's `match_signals` hashes every identifier in its own workspace the same way and
   joins on the hashes; each match becomes a row (partner, identifier kind, matched account or
   party, the partner's ref, provenance). Either side can then ask the other about a `ref`
   through its usual legal channel.

Normalisation (scheme `tanglaw-share-v1`; both sides must use the same):

- email: Unicode NFKC, trimmed, lower-cased; must be `local@domain`;
- phone: digits only, the last 9 kept (so `+63 917 000 0001` and `0917 000 0001` match), at
  least 7 digits; the same rule Tanglaw's resolver uses to join party records;
- username: NFKC, trimmed, case-folded, a leading `@` removed;
- payment account: NFKC, upper-cased, spaces, hyphens and dots removed.

The hash is `HMAC-SHA256(key, "tanglaw-share-v1|" + kind + "|" + normalised value)`, hex.
Without the key a hash reveals nothing; with it, short values (phones) can be guessed by trying
them all, so the key is as sensitive as the identifiers: share it only with the partner, keep it
out of the file, rotate it. The file carries `key_check`, an HMAC of a fixed string, so a
receiver knows it holds the right key before matching.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import csvsafe
from ..engine.core import Engine
from ..errors import BundleError, Problem, TanglawError
from ..identifiers import normalise
from ..safepath import inside, write_inside
from .casedata import CaseData

SCHEME = "tanglaw-share-v1"
KINDS = ("email", "phone", "username", "payment_account")
PAYMENT_KINDS = ("bank", "remittance", "ewallet", "card", "crypto", "merchant")
MIN_KEY_BYTES = 32
_HEX = re.compile(r"[0-9a-fA-F]+")
#: a partner's signal file is refused beyond this size (about half a million signals)
MAX_PARTNER_BYTES = 64 * 1024 * 1024
#: characters kept of a partner's free-text field (from, created, case_ref, ref)
MAX_FIELD = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
MATCH_COLUMNS = (
    "partner",
    "kind",
    "account_id",
    "party_id",
    "report_id",
    "our_source",
    "partner_ref",
    "partner_case_ref",
    "provenance",
)


# ---- keys and hashes ----------------------------------------------------------------------------


def new_key() -> str:
    """A fresh 256-bit key as 64 hex characters."""
    return secrets.token_hex(32)


def load_key(path: Path) -> bytes:
    """A key file: 64+ hex characters, or at least 32 raw bytes."""
    try:
        raw = path.read_bytes().strip()
    except OSError as e:
        raise TanglawError(f"{path}: cannot read the sharing key: {e.strerror or e}") from e
    text = raw.decode("ascii", "ignore")
    key = bytes.fromhex(text) if _HEX.fullmatch(text) and len(text) % 2 == 0 else raw
    if len(key) < MIN_KEY_BYTES:
        raise TanglawError(
            f"{path}: the sharing key has {len(key)} bytes; at least {MIN_KEY_BYTES} are needed "
            "(make one with `tanglaw share keygen`)"
        )
    return key


def key_check(key: bytes) -> str:
    return hmac.new(key, f"{SCHEME}|key-check".encode(), hashlib.sha256).hexdigest()[:16]


def keyed_hash(key: bytes, kind: str, normalised: str) -> str:
    return hmac.new(key, f"{SCHEME}|{kind}|{normalised}".encode(), hashlib.sha256).hexdigest()


# ---- export -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identifier:
    kind: str
    value: str
    account_id: str | None
    party_id: str | None
    report_id: str | None
    source: str


def case_identifiers(case: CaseData) -> list[Identifier]:
    """The identifiers of the case's members to share; never a victim's (victims are left out of
    everything sent to partners)."""
    out = []
    for m in case.members:
        if m.account_id in case.victim_accounts or m.entity_id in case.victim_entities:
            continue
        facts: list[tuple[str, str | None, str]] = [
            ("email", m.email, "parties.email"),
            ("phone", m.phone, "parties.phone"),
            ("username", m.username, "accounts.username"),
        ]
        if m.kind in PAYMENT_KINDS or m.kind is None:
            facts.append(("payment_account", m.account_id, "accounts.account_id"))
        for kind, value, src in facts:
            if value:
                out.append(Identifier(kind, value, m.account_id, m.party_id, None, src))
    return out


@dataclass(frozen=True)
class ShareExport:
    signals: int
    shared_file: Path
    private_file: Path


def export_signals(
    case: CaseData, key: bytes, organisation: str, shared_file: Path, private_file: Path
) -> ShareExport:
    """Write the case's identifiers as keyed hashes (to send) and the private ref map (to keep)."""
    by_hash: dict[tuple[str, str], list[Identifier]] = defaultdict(list)
    for ident in case_identifiers(case):
        norm = normalise(ident.kind, ident.value)
        if norm:
            by_hash[(ident.kind, keyed_hash(key, ident.kind, norm))].append(ident)
    case_ref = secrets.token_hex(8)
    signals = []
    private_rows = []
    for (kind, digest), idents in sorted(by_hash.items()):
        ref = secrets.token_hex(8)
        signals.append({"kind": kind, "hash": digest, "ref": ref})
        for i in idents:
            private_rows.append(
                [ref, kind, i.value, i.account_id or "", i.party_id or "", case.case_id, case_ref]
            )
    doc = {
        "scheme": SCHEME,
        "from": organisation,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "key_check": key_check(key),
        "case_ref": case_ref,
        "marking": "TLP:AMBER",
        "signals": signals,
    }
    write_inside(shared_file.parent, shared_file.name, (json.dumps(doc, indent=1) + "\n").encode())
    private_file.parent.mkdir(parents=True, exist_ok=True)
    private_file = inside(private_file.parent, private_file.name)
    with open(private_file, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ref", "kind", "value", "account_id", "party_id", "case_id", "case_ref"])
        w.writerows(csvsafe.row(r) for r in private_rows)  # text cells neutralised
    return ShareExport(len(signals), shared_file, private_file)


# ---- import and match -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerFile:
    path: Path
    partner: str
    created: str
    key_check: str
    case_ref: str
    signals: tuple[tuple[str, str, str], ...]


def _problem(path: Path, message: str) -> BundleError:
    return BundleError([Problem(path.name, None, None, message)])


def _text_field(doc: dict[str, Any], key: str) -> str:
    """A partner's free-text field as one short line of printable text (it reaches our CSV,
    indicators and messages)."""
    value = doc.get(key, "")
    text = value if isinstance(value, str) else str(value) if isinstance(value, int | float) else ""
    text = _CONTROL.sub(" ", text).strip()
    return text[:MAX_FIELD] + ("…" if len(text) > MAX_FIELD else "")


def read_partner_file(path: Path) -> PartnerFile:
    """Read and check a partner's signal file; refuse raw-looking or malformed content.

    Whatever the file holds (not JSON, not UTF-8, empty, huge, nested 100,000 deep, numbers of
    100,000 digits), the answer is a `BundleError`: one line, exit code 2."""
    try:
        with open(path, "rb") as fh:  # read at most one byte past the limit (/dev/zero ends too)
            data = fh.read(MAX_PARTNER_BYTES + 1)
    except OSError as e:
        raise _problem(path, f"cannot read the file: {e.strerror or e}") from e
    if len(data) > MAX_PARTNER_BYTES:
        raise _problem(path, f"is larger than {MAX_PARTNER_BYTES:,} bytes, the most a signal file may be")
    if not data.strip():
        raise _problem(path, "is empty; expected a JSON signal file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _problem(path, f"is not UTF-8 text (byte {e.start + 1}); expected a JSON signal file") from e
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise BundleError([Problem(path.name, e.lineno, None, f"not a JSON signal file: {e.msg}")]) from e
    except RecursionError as e:
        raise _problem(path, "nests too deeply to be a signal file") from e
    except ValueError as e:  # e.g. an integer of more digits than Python converts
        raise _problem(path, f"not a JSON signal file: {str(e)[:200]}") from e
    if not isinstance(doc, dict) or doc.get("scheme") != SCHEME:
        got = doc.get("scheme") if isinstance(doc, dict) else None
        shown = got[:80] if isinstance(got, str) else got if isinstance(got, int | float | bool) else None
        raise _problem(path, f"scheme is {shown!r}; this version reads {SCHEME!r} only")
    raw = doc.get("signals")
    if not isinstance(raw, list):
        raise _problem(path, "has no list of signals")
    signals = []
    for n, s in enumerate(raw, 1):
        if (
            not isinstance(s, dict)
            or s.get("kind") not in KINDS
            or not isinstance(s.get("hash"), str)
            or not re.fullmatch(r"[0-9a-f]{64}", s["hash"])
        ):
            raise _problem(path, f"signal {n} is not a {{kind, hash, ref}} entry with a 64-hex-digit hash")
        signals.append((s["kind"], s["hash"], _text_field(s, "ref")))
    return PartnerFile(
        path=path,
        partner=_text_field(doc, "from") or path.stem[:MAX_FIELD],
        created=_text_field(doc, "created"),
        key_check=_text_field(doc, "key_check"),
        case_ref=_text_field(doc, "case_ref"),
        signals=tuple(signals),
    )


def _split(value: str | None) -> Iterator[str]:
    return (v.strip() for v in (value or "").split(";") if v.strip())


def workspace_identifiers(engine: Engine) -> Iterator[Identifier]:
    """Every identifier the workspace holds: parties, accounts, and the tips in `reports`."""
    for party_id, email, phone in engine.rows("SELECT party_id, email, phone FROM parties", stage="sharing"):
        if email:
            yield Identifier("email", email, None, party_id, None, "parties.email")
        if phone:
            yield Identifier("phone", phone, None, party_id, None, "parties.phone")
    for account_id, party_id, username, kind in engine.rows(
        "SELECT a.account_id, a.party_id, u.username, a.kind FROM all_accounts a "
        "LEFT JOIN accounts u USING (account_id)",
        stage="sharing",
    ):
        if username:
            yield Identifier("username", username, account_id, party_id, None, "accounts.username")
        if kind is None or kind in PAYMENT_KINDS:
            yield Identifier("payment_account", account_id, account_id, party_id, None, "accounts.account_id")
    if engine.table_exists("reports"):
        cols = {
            "emails": "email",
            "phones": "phone",
            "usernames": "username",
            "payment_accounts": "payment_account",
        }
        for row in engine.rows(f"SELECT report_id, {', '.join(cols)} FROM reports", stage="sharing"):
            for (col, kind), value in zip(cols.items(), row[1:], strict=True):
                for v in _split(value):
                    yield Identifier(kind, v, None, None, row[0], f"reports.{col}")


def match_signals(
    partner: PartnerFile, key: bytes, identifiers: Iterable[Identifier]
) -> list[dict[str, str]]:
    """Rows (see `MATCH_COLUMNS`) for every identifier of ours whose hash the partner sent."""
    if partner.key_check and partner.key_check != key_check(key):
        raise TanglawError(
            f"{partner.path.name}: the file was hashed with a different key (key_check differs); "
            "ask the partner for the key the file was made with"
        )
    theirs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, digest, ref in partner.signals:
        theirs[(kind, digest)].append(ref)
    rows: dict[tuple[str, ...], dict[str, str]] = {}
    for ident in identifiers:
        norm = normalise(ident.kind, ident.value)
        if not norm:
            continue
        refs = theirs.get((ident.kind, keyed_hash(key, ident.kind, norm)))
        for ref in refs or ():
            row = {
                "partner": partner.partner,
                "kind": ident.kind,
                "account_id": ident.account_id or "",
                "party_id": ident.party_id or "",
                "report_id": ident.report_id or "",
                "our_source": ident.source,
                "partner_ref": ref,
                "partner_case_ref": partner.case_ref,
                "provenance": f"{partner.path.name} from {partner.partner}, created {partner.created}: "
                f"keyed-hash match on {ident.kind} ({SCHEME})",
            }
            rows.setdefault(tuple(row[c] for c in MATCH_COLUMNS[:7]), row)
    return sorted(rows.values(), key=lambda r: (r["kind"], r["account_id"], r["party_id"], r["partner_ref"]))


def write_matches(rows: list[dict[str, Any]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(MATCH_COLUMNS))
        w.writeheader()
        w.writerows(csvsafe.dict_row(r) for r in rows)  # text cells neutralised
    return path
