"""Tips and cases: which case each tip names, and how actionable each tip is.

Two functions over a finished run's workspace (the `reports` input table, however it was fed:
CSV, JSONL, Parquet, or XML through `tip_xml`):

- `link_tips(engine)`: one row per (tip, account, case) a tip's identifiers reach: every case the
  account's person is a member of (a payer of several households is in several), or none; and
  how they were joined: the same account id, username, email, phone (last 9 digits, as the
  resolver joins parties), payment account, or an IP the account used in a live session. Identifiers are normalised as in `identifiers.normalise`.
- `tip_actionability(engine)`: per tip, a 0–1 completeness score and the facts it lacks, after
  the Stanford Internet Observatory's account (2024) of what makes a CyberTipline report
  actionable: who the offender is, where they are, an IP with its time, the content location,
  the incident time with its time zone, and (for us) a payment link. This is report *quality*,
  kept apart from the case's *danger* (its priority), so a thin tip about a P1 case is still
  seen, and the missing facts say what to ask the reporter for.

Call them as `link_tips(open_workspace(out_dir))` and `tip_actionability(open_workspace(out_dir))`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..engine.core import Engine
from ..identifiers import normalise

#: (field, weight, what to ask for when missing); weights sum to 1
ACTIONABILITY: tuple[tuple[str, float, str], ...] = (
    ("offender", 0.25, "an account id, username, email or phone of the reported person"),
    ("ip", 0.20, "an IP address with the time it was used"),
    ("location", 0.15, "the reported person's country"),
    ("payment", 0.15, "a payment account (bank, remittance, e-wallet, card, crypto)"),
    ("content", 0.10, "where the content or contact happened (a URL)"),
    ("narrative", 0.10, "a description of what happened"),
    ("time", 0.05, "the incident time with its UTC offset"),
)
LINK_COLUMNS = ("report_id", "case_id", "account_id", "party_id", "entity_id", "joined_on", "value")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _reports(engine: Engine) -> list[dict[str, Any]]:
    if not engine.table_exists("reports"):
        return []
    rows: list[dict[str, Any]] = engine.arrow(
        "SELECT * FROM reports ORDER BY report_id", stage="tips"
    ).to_pylist()
    return rows


def _index(engine: Engine) -> dict[tuple[str, str], set[str]]:
    """(kind, normalised value) → account ids holding it."""
    idx: dict[tuple[str, str], set[str]] = defaultdict(set)

    def put(kind: str, value: str | None, account: str) -> None:
        norm = normalise(kind, value)
        if norm:
            idx[(kind, norm)].add(account)

    for account_id, username, email, phone in engine.rows(
        """SELECT a.account_id, u.username, p.email, p.phone FROM all_accounts a
           LEFT JOIN accounts u USING (account_id) LEFT JOIN parties p ON p.party_id = a.party_id""",
        stage="tips",
    ):
        idx[("account", account_id)].add(account_id)
        put("payment_account", account_id, account_id)
        put("username", username, account_id)
        put("email", email, account_id)
        put("phone", phone, account_id)
    if engine.table_exists("sessions"):
        for acc, ip in engine.rows(
            """SELECT host_account_id, host_ip FROM sessions WHERE host_ip IS NOT NULL
               UNION SELECT viewer_account_id, viewer_ip FROM sessions
               WHERE viewer_ip IS NOT NULL AND viewer_account_id IS NOT NULL""",
            stage="tips",
        ):
            idx[("ip", ip.strip().lower())].add(acc)
    return idx


def link_tips(engine: Engine) -> list[dict[str, str]]:
    """Rows (see `LINK_COLUMNS`) joining each tip to the accounts and cases its identifiers name."""
    reports = _reports(engine)
    if not reports:
        return []
    idx = _index(engine)
    owners = {
        a: (p or "", e)
        for a, e, p in engine.rows(
            "SELECT account_id, entity_id, party_id FROM account_entities", stage="tips"
        )
    }
    # every case a person is a member of (a payer of three households is in three), best first
    cases: dict[str, list[str]] = defaultdict(list)
    for entity_id, case_id, _rank in engine.rows(
        """SELECT DISTINCT m.entity_id, m.case_id, c.rank FROM case_member_table m
           JOIN case_table c USING (case_id) ORDER BY c.rank, m.entity_id""",
        stage="tips",
    ):
        cases[entity_id].append(case_id)
    fields = (
        ("account_ids", "account", "account id"),
        ("payment_accounts", "payment_account", "payment account"),
        ("usernames", "username", "username"),
        ("emails", "email", "email"),
        ("phones", "phone", "phone (last 9 digits)"),
        ("ips", "ip", "IP used in a live session"),
    )
    out: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for r in reports:
        for col, kind, how in fields:
            for value in _split(r.get(col)):
                norm = (
                    value.strip().lower()
                    if kind == "ip"
                    else value
                    if kind == "account"
                    else normalise(kind, value)
                )
                for account in sorted(idx.get((kind, norm or ""), ())):
                    party, entity = owners.get(account, ("", f"A:{account}"))
                    for case_id in cases.get(entity) or [""]:
                        out.setdefault(
                            (r["report_id"], account, how, case_id),
                            {
                                "report_id": r["report_id"],
                                "case_id": case_id,
                                "account_id": account,
                                "party_id": party,
                                "entity_id": entity,
                                "joined_on": how,
                                "value": value,
                            },
                        )
    return sorted(
        out.values(), key=lambda x: (x["report_id"], x["case_id"] == "", x["case_id"], x["account_id"])
    )


def _has(r: dict[str, Any]) -> dict[str, bool]:
    return {
        "offender": any(_split(r.get(c)) for c in ("account_ids", "usernames", "emails", "phones")),
        "ip": bool(_split(r.get("ips"))),
        "location": bool(r.get("country")),
        "payment": bool(_split(r.get("payment_accounts"))),
        "content": bool(_split(r.get("urls"))),
        "narrative": len((r.get("description") or "").strip()) >= 20,
        "time": r.get("received_at") is not None,
    }


def tip_actionability(engine: Engine, links: list[dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Per tip: `score` (0–1), `missing` (what to ask the reporter for, `;`-separated), and the
    cases it links to; most actionable first. Pass `links` from `link_tips` to avoid computing
    them twice."""
    linked: dict[str, set[str]] = defaultdict(set)
    for row in link_tips(engine) if links is None else links:
        if row["case_id"]:
            linked[row["report_id"]].add(row["case_id"])
    out = []
    for r in _reports(engine):
        has = _has(r)
        score = sum(w for f, w, _ in ACTIONABILITY if has[f])
        out.append(
            {
                "report_id": r["report_id"],
                "source": r.get("source") or "",
                "score": round(score, 2),
                "missing": "; ".join(ask for f, _, ask in ACTIONABILITY if not has[f]),
                "case_ids": ";".join(sorted(linked.get(r["report_id"], ()))),
            }
        )
    return sorted(out, key=lambda x: (-x["score"], x["report_id"]))
