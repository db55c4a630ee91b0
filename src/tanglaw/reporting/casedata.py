"""Everything the exports need about one case, read from a finished run's workspace in one place.

Every export (CyberTipline, goAML, SAR narrative, STIX, case package) takes a `CaseData` and
never queries the workspace itself, so the exports stay pure functions that tests can call on a
hand-built case, and a case is read once however many formats are written.

What belongs to a case:

- members: every account of every person (entity) the case names, with the owner's KYC facts;
  `in_case` marks the accounts the scorer listed in `case_member_table`, the others are the same
  people's other accounts (for example their live-streaming platform accounts);
- payments: the transactions the case's indicators cite as evidence (`record_ids`);
- sessions: live-stream sessions hosted or watched by one of the members' accounts;
- indicators: the typology hits with their evidence sentences and record ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from ..engine.core import Engine
from ..errors import TanglawError

#: sessions read per case at most (most recent first); counts are kept in `n_sessions`
MAX_SESSIONS = 2000
#: case roles of the people harmed, never of suspects: an entity with one of these roles on any of
#: its accounts is a victim in every export (never a reported person, a subject or a partner signal)
VICTIM_ROLES = frozenset({"victim"})


class CaseNotFound(TanglawError):
    """The workspace has no case with that id."""


@dataclass(frozen=True)
class Member:
    """One account of a person named by the case, with the owner's recorded facts."""

    account_id: str
    entity_id: str
    role: str
    score: float
    in_case: bool
    source: str | None = None
    kind: str | None = None
    country: str | None = None
    username: str | None = None
    display_name: str | None = None
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    banned_reason: str | None = None
    party_id: str | None = None
    party_kind: str | None = None
    name: str | None = None
    birth_date: date | None = None
    gender: str | None = None
    party_country: str | None = None
    city: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    id_number: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.display_name or self.username or f"account {self.account_id}"


@dataclass(frozen=True)
class Payment:
    txn_id: str
    source: str
    ts: datetime
    amount: float
    currency: str
    amount_usd: float | None
    sender: str
    receiver: str
    channel: str | None = None
    sender_country: str | None = None
    receiver_country: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class LiveSession:
    session_id: str
    source: str
    started_at: datetime
    ended_at: datetime | None
    host_account_id: str
    viewer_account_id: str | None
    host_country: str | None = None
    viewer_country: str | None = None
    host_ip: str | None = None
    viewer_ip: str | None = None
    host_device_id: str | None = None
    viewer_device_id: str | None = None
    private: bool | None = None
    paid_amount: float | None = None
    currency: str | None = None


@dataclass(frozen=True)
class MediaItem:
    """A hash of a media item seen on a member's account; never the media itself."""

    media_id: str
    source: str
    seen_at: datetime
    account_id: str | None
    session_id: str | None
    signal_type: str
    hash: str


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    code: str
    account_id: str | None
    party_id: str | None
    entity_id: str | None
    role: str | None
    weight: float
    evidence: str
    record_ids: tuple[str, ...]
    components: str | None = None


@dataclass(frozen=True)
class Entity:
    """A person (or organisation) behind one or more accounts of the case."""

    entity_id: str
    role: str
    score: float
    names: tuple[str, ...]
    countries: tuple[str, ...]
    is_organization: bool

    @property
    def label(self) -> str:
        return self.names[0] if self.names else self.entity_id


@dataclass(frozen=True)
class CaseData:
    case_id: str
    rank: int
    priority: str
    score: float
    title: str
    typologies: tuple[str, ...]
    first_seen: datetime | None
    last_seen: datetime | None
    priority_reason: str | None
    n_payers: int
    n_facilitators: int
    total_amount_usd: float
    network_id: str | None
    entities: tuple[Entity, ...]
    members: tuple[Member, ...]
    payments: tuple[Payment, ...]
    sessions: tuple[LiveSession, ...]
    n_sessions: int
    indicators: tuple[Indicator, ...]
    media: tuple[MediaItem, ...] = ()
    #: USD per unit of each currency (the run's `fx` table, averaged over dates)
    fx: dict[str, float] = field(default_factory=dict)
    run_info: dict[str, str] = field(default_factory=dict)

    # ---- derived views ----------------------------------------------------------------------
    @cached_property
    def victim_entities(self) -> frozenset[str]:
        """Entities the case names as victims (people harmed, never suspects)."""
        return frozenset(e.entity_id for e in self.entities if e.role in VICTIM_ROLES) | frozenset(
            m.entity_id for m in self.members if m.role in VICTIM_ROLES
        )

    @cached_property
    def victim_accounts(self) -> frozenset[str]:
        """Every account of a victim (their payment and platform accounts alike)."""
        return frozenset(m.account_id for m in self.members if m.entity_id in self.victim_entities)

    @property
    def subjects(self) -> tuple[Entity, ...]:
        """The people the case reports: every entity that is not a victim."""
        return tuple(e for e in self.entities if e.entity_id not in self.victim_entities)

    @property
    def victims(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.entity_id in self.victim_entities)

    def indicator_role(self, ind: Indicator) -> str:
        """An indicator's role as the exports state it: `victim` for every indicator about a victim
        (a victim's burst can also fire a payer typology; it is never presented as a payer's)."""
        if ind.entity_id in self.victim_entities or ind.role in VICTIM_ROLES:
            return "victim"
        return ind.role or ""

    @cached_property
    def _by_account(self) -> dict[str, Member]:
        return {m.account_id: m for m in self.members}

    @cached_property
    def _by_entity(self) -> dict[str, list[Member]]:
        out: dict[str, list[Member]] = {}
        for m in self.members:
            out.setdefault(m.entity_id, []).append(m)
        return out

    def member(self, account_id: str) -> Member | None:
        return self._by_account.get(account_id)

    def accounts_of(self, entity_id: str) -> list[Member]:
        return list(self._by_entity.get(entity_id, ()))

    @property
    def live_streaming(self) -> bool:
        """True when a member's account hosted or watched a live session (the CyberTipline's
        `liveStreaming` annotation and the goAML/SAR narratives say so)."""
        return self.n_sessions > 0

    @property
    def record_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for ind in self.indicators:
            for r in ind.record_ids:
                seen.setdefault(r, None)
        return tuple(seen)


# ---- reading ------------------------------------------------------------------------------------


def _dicts(engine: Engine, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = engine.arrow(sql, params, stage="reporting").to_pylist()
    return rows


def list_case_ids(engine: Engine) -> list[str]:
    return [r[0] for r in engine.rows("SELECT case_id FROM case_table ORDER BY rank", stage="reporting")]


def _member_rows(engine: Engine, case_id: str) -> list[dict[str, Any]]:
    return _dicts(
        engine,
        """
        WITH ents AS (
            SELECT entity_id,
                   CASE WHEN bool_or(role IN (SELECT unnest(?::VARCHAR[]))) THEN 'victim'
                        ELSE arg_max(role, (score, role)) END AS role,
                   max(score) AS score
            FROM case_member_table WHERE case_id = ? GROUP BY 1
        ), direct AS (SELECT DISTINCT account_id FROM case_member_table WHERE case_id = ?)
        SELECT ae.account_id, ae.entity_id, e.role, e.score,
               ae.account_id IN (SELECT account_id FROM direct) AS in_case,
               aa.source, aa.kind, aa.country, a.username, a.display_name, a.opened_at, a.closed_at,
               a.banned_reason, coalesce(ae.party_id, aa.party_id) AS party_id, p.kind AS party_kind,
               p.name, p.birth_date, p.gender, p.country AS party_country, p.city, p.address,
               p.phone, p.email, p.id_number
        FROM account_entities ae
        JOIN ents e USING (entity_id)
        LEFT JOIN all_accounts aa ON aa.account_id = ae.account_id
        LEFT JOIN accounts a ON a.account_id = ae.account_id
        LEFT JOIN parties p ON p.party_id = coalesce(ae.party_id, aa.party_id)
        ORDER BY e.role <> 'facilitator', e.score DESC, ae.entity_id, ae.account_id
        """,
        [sorted(VICTIM_ROLES), case_id, case_id],
    )


def _payments(engine: Engine, case_id: str, record_ids: list[str]) -> list[Payment]:
    if not record_ids:
        return []
    if engine.table_exists("case_payments"):  # written by the run's score stage
        rows = _dicts(
            engine,
            """SELECT txn_id, source, ts, amount, currency, amount_usd, sender, receiver, channel,
                      sender_country, receiver_country, reference
               FROM case_payments WHERE case_id = ? ORDER BY ts, txn_id""",
            [case_id],
        )
        return [Payment(**r) for r in rows]
    rows = _dicts(
        engine,
        """SELECT p.txn_id, p.source, p.ts, p.amount, p.currency, p.amount_usd,
                  p.s_acc AS sender, p.r_acc AS receiver, p.channel,
                  p.s_country AS sender_country, p.r_country AS receiver_country, p.reference
           FROM payments p JOIN (SELECT unnest(?::VARCHAR[]) AS txn_id) i USING (txn_id)
           ORDER BY p.ts, p.txn_id""",
        [record_ids],
    )
    return [Payment(**r) for r in rows]


def _sessions(
    engine: Engine, accounts: list[str], limit: int = MAX_SESSIONS
) -> tuple[list[LiveSession], int]:
    if not accounts or not engine.table_exists("sessions") or limit <= 0:
        return [], 0
    where = """FROM sessions s WHERE s.host_account_id IN (SELECT unnest(?::VARCHAR[]))
               OR s.viewer_account_id IN (SELECT unnest(?::VARCHAR[]))"""
    n = int(engine.scalar(f"SELECT count(*) {where}", [accounts, accounts], stage="reporting"))
    rows = _dicts(
        engine,
        f"""SELECT s.session_id, s.source, s.started_at, s.ended_at, s.host_account_id,
                   s.viewer_account_id, s.host_country, s.viewer_country, s.host_ip, s.viewer_ip,
                   s.host_device_id, s.viewer_device_id, s.private, s.paid_amount, s.currency
            {where} ORDER BY s.started_at DESC, s.session_id LIMIT {int(limit)}""",
        [accounts, accounts],
    )
    return [LiveSession(**r) for r in reversed(rows)], n


def _media(engine: Engine, accounts: list[str]) -> list[MediaItem]:
    if not accounts or not engine.table_exists("media"):
        return []
    rows = _dicts(
        engine,
        f"""SELECT media_id, source, seen_at, account_id, session_id, signal_type, hash FROM media
            WHERE account_id IN (SELECT unnest(?::VARCHAR[]))
            ORDER BY seen_at, media_id LIMIT {MAX_SESSIONS}""",
        [accounts],
    )
    return [MediaItem(**r) for r in rows]


def _fx(engine: Engine) -> dict[str, float]:
    if not engine.table_exists("fx"):
        return {}
    rows = engine.rows("SELECT currency, avg(usd_per_unit) FROM fx GROUP BY 1", stage="reporting")
    return {c: float(v) for c, v in rows if v}


def load_case(engine: Engine, case_id: str, *, max_sessions: int = MAX_SESSIONS) -> CaseData:
    """Read one case and everything its exports need; `CaseNotFound` if the id is unknown.
    `max_sessions`: the most recent live sessions read as rows (all are counted); 0 reads and counts
    none (`n_sessions` is then 0: a reader that wants counts computes its own)."""
    found = _dicts(engine, "SELECT * FROM case_table WHERE case_id = ?", [case_id])
    if not found:
        known = list_case_ids(engine)
        hint = f"; known cases: {', '.join(known[:5])}{' …' if len(known) > 5 else ''}" if known else ""
        raise CaseNotFound(f"no case {case_id!r} in this workspace{hint}")
    c = found[0]
    members = [Member(**r) for r in _member_rows(engine, case_id)]
    ent_rows = _dicts(
        engine,
        """SELECT * FROM (
               SELECT m.entity_id,
                      CASE WHEN bool_or(m.role IN (SELECT unnest(?::VARCHAR[]))) THEN 'victim'
                           ELSE arg_max(m.role, (m.score, m.role)) END AS role,
                      max(m.score) AS score,
                      any_value(n.names) AS names, any_value(n.countries) AS countries,
                      coalesce(any_value(n.is_organization), false) AS is_organization
               FROM case_member_table m LEFT JOIN entity_names n USING (entity_id)
               WHERE m.case_id = ? GROUP BY 1)
           ORDER BY role <> 'facilitator', score DESC, entity_id""",
        [sorted(VICTIM_ROLES), case_id],
    )
    entities = [
        Entity(
            entity_id=r["entity_id"],
            role=r["role"],
            score=float(r["score"]),
            names=tuple(r["names"] or ()),
            countries=tuple(r["countries"] or ()),
            is_organization=bool(r["is_organization"]),
        )
        for r in ent_rows
    ]
    indicators = [
        Indicator(
            indicator_id=r["indicator_id"],
            code=r["code"],
            account_id=r["account_id"],
            party_id=r["party_id"],
            entity_id=r["entity_id"],
            role=r["role"],
            weight=float(r["weight"]),
            evidence=r["evidence"] or "",
            record_ids=tuple(x for x in (r["record_ids"] or "").split(";") if x),
            components=r["components"],
        )
        for r in _dicts(
            engine,
            "SELECT * FROM indicator_table WHERE case_id = ? ORDER BY weight DESC, code, entity_id",
            [case_id],
        )
    ]
    ids: dict[str, None] = {}
    for ind in indicators:
        for rid in ind.record_ids:
            ids.setdefault(rid, None)
    accounts = [m.account_id for m in members]
    sessions, n_sessions = _sessions(engine, accounts, max_sessions)
    info: dict[str, str] = {}
    if engine.table_exists("run_info"):
        info = {k: v for k, v in engine.rows("SELECT key, value FROM run_info WHERE key <> 'note'")}
    return CaseData(
        case_id=c["case_id"],
        rank=int(c["rank"]),
        priority=c["priority"],
        score=float(c["score"]),
        title=c["title"],
        typologies=tuple(t for t in (c["typologies"] or "").split(";") if t),
        first_seen=c["first_seen"],
        last_seen=c["last_seen"],
        priority_reason=c.get("priority_reason"),
        n_payers=int(c.get("n_payers") or 0),
        n_facilitators=int(c.get("n_facilitators") or 0),
        total_amount_usd=float(c.get("total_amount_usd") or 0.0),
        network_id=c.get("network_id"),
        entities=tuple(entities),
        members=tuple(members),
        payments=tuple(_payments(engine, case_id, list(ids))),
        sessions=tuple(sessions),
        n_sessions=n_sessions,
        indicators=tuple(indicators),
        media=tuple(_media(engine, accounts)),
        fx=_fx(engine),
        run_info=info,
    )
