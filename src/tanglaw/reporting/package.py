"""The case package a person reads and prints: facts, people, network picture, timeline, evidence.

`package_model` turns a `CaseData` into plain rows once; `package_html` renders them with a
Jinja template (one self-contained file, no scripts, print-friendly) and `tanglaw.reporting.pdf`
draws the same rows as a PDF. Every row that rests on records names their ids. The people the
case names as victims are listed apart (`victims`), never among the people it reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

import jinja2

from .. import __version__
from .casedata import CaseData, Member
from .network import Layout, colour, layout, legend, svg
from .people import age_on, best_name, name_people
from .settings import ReporterSettings

#: timeline rows shown at most (the most recent); the rest are counted
MAX_TIMELINE = 400


@dataclass(frozen=True)
class TimelineRow:
    when: str
    what: str
    records: str


@dataclass(frozen=True)
class EvidenceRow:
    indicator_id: str
    code: str
    role: str
    person: str
    weight: float
    evidence: str
    record_ids: str
    n_records: int


@dataclass(frozen=True)
class PersonRow:
    name: str
    role: str
    score: float
    countries: str
    accounts: str


@dataclass(frozen=True)
class VictimRow:
    """A person the case names as harmed: listed apart from the people it reports, with their
    account ids only (no usernames or contact details)."""

    name: str
    age: str
    countries: str
    accounts: str


@dataclass(frozen=True)
class PackageModel:
    case: CaseData
    organisation: str
    generated: str
    facts: tuple[tuple[str, str], ...]
    people: tuple[PersonRow, ...]
    victims: tuple[VictimRow, ...]
    timeline: tuple[TimelineRow, ...]
    timeline_omitted: int
    evidence: tuple[EvidenceRow, ...]
    network: Layout
    version: str = __version__


def _day(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%d")


def _names(case: CaseData) -> dict[str, str]:
    return {
        e.entity_id: best_name([m.name for m in case.accounts_of(e.entity_id)]) or e.label
        for e in case.entities
    }


def _timeline(case: CaseData, names: dict[str, str]) -> list[TimelineRow]:
    owner = {m.account_id: m.entity_id for m in case.members}

    def who(account: str) -> str:
        ent = owner.get(account)
        return f"{names[ent]} ({account})" if ent in names else f"account {account}"

    rows: list[tuple[str, str, str]] = []
    pays: dict[tuple[str, str, str], list[tuple[str, float]]] = defaultdict(list)
    channel: dict[tuple[str, str, str], str] = {}
    for p in case.payments:
        key = (_day(p.ts), p.sender, p.receiver)
        pays[key].append((p.txn_id, p.amount_usd or 0.0))
        channel[key] = p.channel or "payment"
    for (day, payer, payee), items in pays.items():
        usd = sum(a for _, a in items)
        rows.append(
            (
                day,
                f"{len(items)} {channel[(day, payer, payee)]} payment(s), about US${usd:,.2f}, "
                f"from {who(payer)} to {who(payee)}",
                ";".join(t for t, _ in items),
            )
        )
    sessions: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    members = {m.account_id for m in case.members}
    for ses in case.sessions:
        day = _day(ses.started_at)
        if ses.host_account_id in members:
            sessions[(day, ses.source, ses.host_account_id, "hosted")].append(ses.session_id)
        if ses.viewer_account_id and ses.viewer_account_id in members:
            sessions[(day, ses.source, ses.viewer_account_id, "watched")].append(ses.session_id)
    for (day, src, acc, verb), ids in sessions.items():
        rows.append((day, f"{who(acc)} {verb} {len(ids)} live session(s) on {src}", ";".join(ids)))
    for m in case.members:
        if m.opened_at:
            rows.append(
                (_day(m.opened_at), f"{who(m.account_id)}: {m.kind or 'account'} opened at {m.source}", "")
            )
        if m.closed_at:
            note = f" ({m.banned_reason})" if m.banned_reason else ""
            rows.append((_day(m.closed_at), f"{who(m.account_id)}: closed{note}", ""))
    rows.sort()
    return [TimelineRow(*r) for r in rows]


def _accounts_text(members: list[Member]) -> str:
    return "; ".join(
        f"{m.account_id} ({m.kind or 'unknown'} at {m.source or '?'}{', @' + m.username if m.username else ''})"
        for m in members
    )


def package_model(case: CaseData, settings: ReporterSettings, *, now: datetime | None = None) -> PackageModel:
    names = _names(case)
    timeline = _timeline(case, names)
    shown = timeline[-MAX_TIMELINE:]
    facts = (
        ("Case", case.case_id),
        ("Priority", f"{case.priority} (rank {case.rank}, score {case.score:.2f})"),
        ("Why", case.priority_reason or "—"),
        ("Typologies", ", ".join(case.typologies) or "—"),
        (
            "Activity",
            f"{_day(case.first_seen) if case.first_seen else '?'} to {_day(case.last_seen) if case.last_seen else '?'} (UTC)",
        ),
        (
            "People",
            f"{case.n_facilitators} facilitator(s), {case.n_payers} payer(s)"
            + (f", {len(case.victims)} likely victim(s) (listed apart)" if case.victims else "")
            + f"; {len(case.members)} account(s)",
        ),
        ("Payments cited", f"{len(case.payments)}, about US${case.total_amount_usd:,.2f} in the case"),
        ("Live sessions", f"{case.n_sessions}" if case.n_sessions else "none recorded"),
        (
            "Run",
            f"Tanglaw {case.run_info.get('tanglaw_version', '?')}, pack {case.run_info.get('pack', '?')}, "
            f"finished {case.run_info.get('finished_at', '?')}",
        ),
    )
    people = tuple(
        PersonRow(
            name=names[e.entity_id],
            role=e.role,
            score=e.score,
            countries=", ".join(e.countries),
            accounts=_accounts_text(case.accounts_of(e.entity_id)),
        )
        for e in case.subjects
    )
    victims = []
    for e in case.victims:
        accs = case.accounts_of(e.entity_id)
        age = age_on(
            next((m.birth_date for m in accs if m.birth_date), None), case.last_seen or case.first_seen
        )
        victims.append(
            VictimRow(
                name=names[e.entity_id],
                age="unknown" if age is None else str(age),
                countries=", ".join(e.countries),
                accounts="; ".join(
                    f"{m.account_id} ({m.kind or 'unknown'} at {m.source or '?'})" for m in accs
                ),
            )
        )
    evidence = tuple(
        EvidenceRow(
            indicator_id=i.indicator_id,
            code=i.code,
            role=case.indicator_role(i),
            person=names.get(i.entity_id or "", i.entity_id or ""),
            weight=i.weight,
            evidence=name_people(i.evidence, names),
            record_ids="; ".join(i.record_ids),
            n_records=len(i.record_ids),
        )
        for i in case.indicators
    )
    return PackageModel(
        case=case,
        organisation=settings.organisation,
        generated=(now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        facts=facts,
        people=people,
        victims=tuple(victims),
        timeline=tuple(shown),
        timeline_omitted=len(timeline) - len(shown),
        evidence=evidence,
        network=layout(case),
    )


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tanglaw.reporting", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )


def package_html(model: PackageModel) -> str:
    return (
        _env()
        .get_template("case_package.html.j2")
        .render(m=model, svg=svg(model.network), colour=colour, legend=legend)
    )
