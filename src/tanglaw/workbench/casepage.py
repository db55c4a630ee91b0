"""What a case page shows, built from the run's `CaseData`: the people as a network (the household
grouped, payers around it), money and live sessions over time, the evidence with the person and
account of each row and the records behind it, related cases, linked tips and chat excerpts.

Pure functions over `CaseData` and a few workspace reads; the page template only lays them out.
A partner never sees a victim: `for_partner=True` drops victims from every part.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..contract import HOUSEHOLD_ROLES, PAYER_ROLES
from ..engine.core import Engine
from ..reporting.casedata import CaseData
from ..reporting.people import name_people

#: record ids shown under an evidence row, and behind its "and N more" (the rest: indicators.csv)
SHOWN_RECORDS = 3
FOLDED_RECORDS = 200
HOUSEHOLD = "household"


def _group(role: str) -> str:
    if role in HOUSEHOLD_ROLES or role in ("collector", "victim"):
        return HOUSEHOLD
    if role in PAYER_ROLES:
        return "payers"
    return "others"


def _node_role(role: str) -> str:
    if role in ("facilitator", "host", "collector", "payer", "victim"):
        return role
    if role in PAYER_ROLES:
        return "payer"
    if role in HOUSEHOLD_ROLES:
        return "facilitator"
    return "other"


def session_counts(engine: Engine, case: CaseData) -> dict[str, Any]:
    """Live sessions of the case's accounts, counted in the workspace: per day, and per (viewer,
    host) pair of the case's people. The page needs counts, not the session rows."""
    if not engine.table_exists("sessions"):
        return {"days": {}, "pairs": {}}
    owner = {m.account_id: m.entity_id for m in case.members}
    accounts = sorted(owner)
    where = """FROM sessions WHERE host_account_id IN (SELECT unnest(?::VARCHAR[]))
               OR viewer_account_id IN (SELECT unnest(?::VARCHAR[]))"""
    days = engine.rows(
        f"SELECT CAST(started_at AS DATE)::VARCHAR, count(*) {where} GROUP BY 1", [accounts, accounts]
    )
    pairs: Counter[tuple[str, str]] = Counter()
    for viewer, host, n in engine.rows(
        f"SELECT viewer_account_id, host_account_id, count(*) {where} GROUP BY 1, 2", [accounts, accounts]
    ):
        a, b = owner.get(viewer or ""), owner.get(host)
        if a and b and a != b:
            pairs[(a, b)] += int(n)
    return {"days": {str(d): int(n) for d, n in days}, "pairs": dict(pairs)}


def network(case: CaseData, sessions: dict[str, Any], *, for_partner: bool = False) -> dict[str, Any]:
    """The case's people and the money and sessions between them, for the page's network view."""
    hidden = case.victim_entities if for_partner else frozenset()
    owner = {m.account_id: m.entity_id for m in case.members}
    nodes = []
    for e in case.entities:
        if e.entity_id in hidden:
            continue
        group = _group(e.role)
        nodes.append(
            {
                "id": e.entity_id,
                "label": e.label,
                "role": _node_role(e.role),
                "household": "H1" if group == HOUSEHOLD else None,
                "country": ", ".join(e.countries[:3]),
                "score": round(e.score, 3),
                "n_accounts": len(case.accounts_of(e.entity_id)),
            }
        )
    shown = {n["id"] for n in nodes}
    pay: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    for p in case.payments:
        a, b = owner.get(p.sender), owner.get(p.receiver)
        if a and b and a != b and a in shown and b in shown:
            pay[(a, b)][0] += 1
            pay[(a, b)][1] += float(p.amount_usd or 0)
    sess = {(a, b): n for (a, b), n in sessions["pairs"].items() if a in shown and b in shown}
    edges = [
        {"source": a, "target": b, "kind": "payment", "n": int(v[0]), "amount_usd": round(v[1], 2)}
        for (a, b), v in sorted(pay.items())
    ] + [
        {"source": a, "target": b, "kind": "session", "n": n, "amount_usd": 0}
        for (a, b), n in sorted(sess.items())
    ]
    households = (
        [{"id": "H1", "label": f"household of {case.case_id}"}] if any(n["household"] for n in nodes) else []
    )
    return {"nodes": nodes, "households": households, "edges": edges}


def timeline(case: CaseData, sessions: dict[str, Any]) -> dict[str, Any]:
    """Per day: evidence payments (US dollars, count) and live sessions of the case's accounts."""
    usd: defaultdict[str, float] = defaultdict(float)
    n_pay: Counter[str] = Counter()
    n_sess: dict[str, int] = sessions["days"]
    for p in case.payments:
        day = p.ts.date().isoformat()
        usd[day] += float(p.amount_usd or 0)
        n_pay[day] += 1
    days = sorted(set(usd) | set(n_sess))
    return {
        "days": days,
        "payments_usd": [round(usd[d], 2) for d in days],
        "payments_n": [n_pay[d] for d in days],
        "sessions_n": [n_sess.get(d, 0) for d in days],
    }


def people(case: CaseData, *, for_partner: bool = False) -> list[dict[str, Any]]:
    hidden = case.victim_entities if for_partner else frozenset()
    out = []
    for e in case.entities:
        if e.entity_id in hidden:
            continue
        accounts = case.accounts_of(e.entity_id)
        out.append(
            {
                "entity_id": e.entity_id,
                "label": e.label,
                "role": "victim" if e.entity_id in case.victim_entities else e.role,
                "score": e.score,
                "countries": ", ".join(e.countries),
                "accounts": [m.account_id for m in accounts],
                "group": _group(e.role),
            }
        )
    return out


def evidence(case: CaseData, *, for_partner: bool = False) -> list[dict[str, Any]]:
    """One row per indicator: whom it is about (person and account), what it says (people named),
    its weight and the record ids behind it."""
    hidden = case.victim_entities if for_partner else frozenset()
    names = {e.entity_id: e.label for e in case.entities}
    rows = []
    for ind in sorted(case.indicators, key=lambda i: (-i.weight, i.code, i.indicator_id)):
        if ind.entity_id in hidden:
            continue
        records = list(ind.record_ids)
        rows.append(
            {
                "indicator_id": ind.indicator_id,
                "code": ind.code,
                "role": case.indicator_role(ind),
                "person": names.get(ind.entity_id or "", ind.entity_id or ""),
                "entity_id": ind.entity_id,
                "account_id": ind.account_id,
                "weight": ind.weight,
                "evidence": name_people(ind.evidence, names),
                "records": records[:SHOWN_RECORDS],
                "folded_records": records[SHOWN_RECORDS:FOLDED_RECORDS],
                "more_records": max(0, len(records) - SHOWN_RECORDS),
            }
        )
    return rows


def member(case: CaseData, entity_id: str, *, for_partner: bool = False) -> dict[str, Any] | None:
    """One person of the case: accounts with their facts, and their own indicators."""
    if for_partner and entity_id in case.victim_entities:
        return None
    ent = next((e for e in case.entities if e.entity_id == entity_id), None)
    if ent is None:
        return None
    accounts = [
        {
            "account_id": m.account_id,
            "source": m.source,
            "kind": m.kind,
            "country": m.country,
            "name": m.name or m.display_name or m.username,
            "in_case": m.in_case,
            "opened_at": m.opened_at,
        }
        for m in case.accounts_of(entity_id)
    ]
    names = {e.entity_id: e.label for e in case.entities}
    own = [
        {
            "code": i.code,
            "weight": i.weight,
            "evidence": name_people(i.evidence, names),
            "n_records": len(i.record_ids),
        }
        for i in case.indicators
        if i.entity_id == entity_id
    ]
    victim = entity_id in case.victim_entities
    return {
        "entity_id": entity_id,
        "label": ent.label,
        "role": "victim" if victim else ent.role,
        "score": ent.score,
        "names": list(ent.names),
        "countries": list(ent.countries),
        "accounts": accounts,
        "indicators": own,
        "why_one_person": (
            f"{len(accounts)} accounts joined into one person by entity resolution (same name, birth date, "
            "phone, e-mail or id number)"
            if len(accounts) > 1
            else "one account"
        ),
        "victim": victim,
    }


def related(engine: Engine, case_id: str) -> list[dict[str, Any]]:
    """Other cases that share a payer with this one, with the number of shared people."""
    found = engine.rows(
        """SELECT b.case_id, count(DISTINCT a.entity_id), any_value(c.title), any_value(c.priority)
           FROM case_member_table a JOIN case_member_table b
             ON a.entity_id = b.entity_id AND b.case_id <> a.case_id
           JOIN case_table c ON c.case_id = b.case_id
           WHERE a.case_id = ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50""",
        [case_id],
        stage="workbench",
    )
    return [{"case_id": r[0], "shared": int(r[1]), "title": r[2], "priority": r[3]} for r in found]


def tips(engine: Engine, case_id: str) -> list[dict[str, Any]]:
    if not engine.table_exists("tip_links"):
        return []
    found = engine.rows(
        """SELECT l.report_id, any_value(r.received_at), any_value(r.incident_type),
                  string_agg(DISTINCT l.joined_on, ', ')
           FROM tip_links l LEFT JOIN reports r USING (report_id)
           WHERE l.case_id = ? GROUP BY 1 ORDER BY 1 LIMIT 100""",
        [case_id],
        stage="workbench",
    )
    return [{"report_id": r[0], "received_at": r[1], "incident_type": r[2], "joined_on": r[3]} for r in found]


def excerpts(engine: Engine, case: CaseData, *, for_partner: bool = False) -> list[dict[str, Any]]:
    """Chat messages of the case's accounts that a text signal flagged; the text itself is only
    given by `excerpt_text` to a child-safety analyst who asks for it."""
    if for_partner or not engine.table_exists("message_signals"):
        return []
    accounts = sorted({m.account_id for m in case.members})
    found = engine.rows(
        """SELECT message_id, sent_at, sender_account_id, recipient_account_id, category, score
           FROM message_signals
           WHERE sender_account_id IN (SELECT unnest(?::VARCHAR[]))
              OR recipient_account_id IN (SELECT unnest(?::VARCHAR[]))
           ORDER BY sent_at, message_id LIMIT 200""",
        [accounts, accounts],
        stage="workbench",
    )
    return [
        {
            "message_id": r[0],
            "sent_at": r[1],
            "sender": r[2],
            "recipient": r[3],
            "category": r[4],
            "score": r[5],
        }
        for r in found
    ]


def excerpt_text(engine: Engine, case: CaseData, message_id: str) -> str | None:
    accounts = sorted({m.account_id for m in case.members})
    found = engine.rows(
        """SELECT snippet FROM message_signals WHERE message_id = ?
           AND (sender_account_id IN (SELECT unnest(?::VARCHAR[]))
                OR recipient_account_id IN (SELECT unnest(?::VARCHAR[])))""",
        [message_id, accounts, accounts],
        stage="workbench",
    )
    return str(found[0][0]) if found and found[0][0] is not None else None


def suspects(case: CaseData) -> list[str]:
    """The people a decision labels: every entity but the victims."""
    return sorted(e.entity_id for e in case.subjects)


def suspect_keys(case: CaseData) -> dict[str, str]:
    """Each suspect's evidence key (`cases.person_key`), as a later run computes it."""
    from .cases import person_key

    evidence: dict[str, list[tuple[str, str]]] = {e: [] for e in suspects(case)}
    for ind in case.indicators:
        if ind.entity_id in evidence:
            evidence[ind.entity_id].extend((ind.code, r) for r in (ind.record_ids or ("",)))
    return {e: person_key(items) for e, items in evidence.items()}


def size_note(case: CaseData) -> str:
    n = len(case.entities)
    if not n:
        return "no people"
    return f"{n} people" + (", drawn in rings (zoom in for names)" if n > 150 else "")
