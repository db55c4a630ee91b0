"""A FinCEN-style SAR narrative for a case, as plain text.

FinCEN Notice FIN-2021-NTC3 (16 September 2021) asks filers to put the keyword
`OCSE-FIN-2021-NTC3` in SAR field 2 and in the narrative, and to tick field 38(z) "Other" with
"OCSE". The narrative follows FinCEN's who / what / when / where / why / how order, quotes the
indicator sentences Tanglaw computed, and lists the cited transactions. It is a draft for the
filer to read, correct and sign; the BSA E-Filing narrative field holds at most 17,000
characters, so the text is cut to fit (the full transaction list is in the goAML file and the
case package).

Victims are listed apart from the SUBJECTS, under VICTIMS, with name, country, age at the time
and account ids only: a victim is never a subject, and their contact details stay with the filer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime

from .casedata import CaseData, Payment
from .people import age_on, best_name
from .settings import ReporterSettings
from .xmlbuild import xs_datetime

KEYWORD = "OCSE-FIN-2021-NTC3"
#: the BSA E-Filing SAR narrative limit, in characters
MAX_NARRATIVE = 17_000
#: transactions listed one per line before the list is summarised
MAX_LISTED = 60


def _day(ts: datetime | None) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%d") if ts else "unknown"


def _money(usd: float) -> str:
    return f"US${usd:,.2f}"


def _victims(case: CaseData) -> list[str]:
    """Each victim by name, country and age, with their account ids only: a victim is never a
    subject, and their usernames, e-mails, phones and date of birth stay out of the filing."""
    lines = []
    for n, ent in enumerate(case.victims, 1):
        accs = case.accounts_of(ent.entity_id)
        name = best_name([m.name for m in accs]) or "name not recorded"
        facts = [f"{n}. {name} (likely victim"]
        if ent.countries:
            facts.append(f"; country {', '.join(ent.countries)}")
        age = age_on(
            next((m.birth_date for m in accs if m.birth_date), None), case.last_seen or case.first_seen
        )
        if age is not None:
            facts.append(f"; {age} years old at the time")
        facts.append(")")
        lines.append("".join(facts))
        for m in accs:
            lines.append(
                f"   - account {m.account_id}: {m.kind or 'unknown kind'} at {m.source or 'unknown'}"
            )
    return lines


#: how the summary names each role of a subject, one person and several
_ROLE_WORDS = {
    "facilitator": ("receiving facilitator", "receiving facilitators"),
    "host": ("streaming host", "streaming hosts"),
    "seller": ("seller", "sellers"),
    "payer": ("payer", "payers"),
    "viewer": ("viewer", "viewers"),
    "buyer": ("buyer", "buyers"),
}


def _subject_counts(case: CaseData) -> str:
    """ "3 subjects: 1 receiving facilitator and 2 payers": the people listed under SUBJECTS, by role,
    so that the counts add up to the list."""
    roles = Counter(e.role or "other" for e in case.subjects)
    parts = []
    for role, n in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0])):
        one, many = _ROLE_WORDS.get(role, (f"{role} member", f"{role} members"))
        parts.append(f"{n} {one if n == 1 else many}")
    total = len(case.subjects)
    words = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else "none"
    return f"{total} subject{'' if total == 1 else 's'}: {words}"


def _subjects(case: CaseData) -> list[str]:
    lines = []
    for n, ent in enumerate(case.subjects, 1):
        accs = case.accounts_of(ent.entity_id)
        name = best_name([m.name for m in accs]) or ent.label
        facts = [f"{n}. {name} ({ent.role}"]
        if ent.countries:
            facts.append(f"; country {', '.join(ent.countries)}")
        dob = next((m.birth_date for m in accs if m.birth_date), None)
        if dob:
            facts.append(f"; born {dob:%Y-%m-%d}")
        facts.append(")")
        lines.append("".join(facts))
        for m in accs:
            ident = [f"   - account {m.account_id}: {m.kind or 'unknown kind'} at {m.source or 'unknown'}"]
            if m.username:
                ident.append(f", username {m.username}")
            if m.email:
                ident.append(f", email {m.email}")
            if m.phone:
                ident.append(f", phone {m.phone}")
            lines.append("".join(ident))
    return lines


def _flows(case: CaseData) -> list[str]:
    """Who paid whom: totals per receiving account."""
    by_receiver: dict[str, list[Payment]] = defaultdict(list)
    for p in case.payments:
        by_receiver[p.receiver].append(p)
    lines = []
    for acc, pays in sorted(by_receiver.items(), key=lambda kv: -len(kv[1])):
        usd = sum(p.amount_usd or 0.0 for p in pays)
        senders = len({p.sender for p in pays})
        countries = Counter(p.sender_country or "unknown" for p in pays)
        lines.append(
            f"- Account {acc} received {len(pays)} payment(s) totalling about {_money(usd)} from "
            f"{senders} account(s) in {', '.join(c for c, _ in countries.most_common())}, "
            f"{_day(min(p.ts for p in pays))} to {_day(max(p.ts for p in pays))}."
        )
    return lines


def sar_narrative(case: CaseData, settings: ReporterSettings, *, now: datetime | None = None) -> str:
    """The narrative text (UTF-8, LF line ends), at most `MAX_NARRATIVE` characters."""
    now = now or datetime.now(UTC)
    channels = Counter(p.channel or "unknown" for p in case.payments)
    head = [
        KEYWORD,
        "",
        f"SAR narrative draft for Tanglaw case {case.case_id}, prepared {xs_datetime(now)} by "
        f"{settings.organisation}.",
        "Suggested filing fields: field 2 (filing institution note to FinCEN) = "
        f"{KEYWORD}; field 38(z) Other = OCSE.",
        "",
        "SUMMARY",
        f"{settings.organisation} is reporting activity consistent with the financial indicators of "
        f"online child sexual exploitation (OCSE) described in FinCEN Notice FIN-2021-NTC3. "
        f"Tanglaw linked {_subject_counts(case)}, in case {case.case_id} (priority {case.priority}, "
        f"score {case.score:.2f})"
        + (
            f"; the case also names {len(case.victims)} likely victim(s), listed apart under VICTIMS. "
            if case.victims
            else ". "
        )
        + f"The {len(case.payments)} payment(s) cited total about {_money(case.total_amount_usd)} between "
        f"{_day(case.first_seen)} and {_day(case.last_seen)}, through "
        + ", ".join(f"{c} ({n})" for c, n in channels.most_common())
        + ".",
    ]
    if case.priority_reason:
        head.append(f"Priority reason: {case.priority_reason}.")
    if case.live_streaming:
        platforms = sorted({s.source for s in case.sessions})
        private = sum(1 for s in case.sessions if s.private)
        head.append(
            f"Accounts held by the same persons hosted or viewed {case.n_sessions} live-stream session(s) on "
            f"{', '.join(platforms)}; {private} of the sessions read were private (one-to-one or invite-only). "
            "FIN-2021-NTC3 names live streaming as a method of this activity."
        )
    body = ["", "SUBJECTS", *_subjects(case)]
    if case.victims:
        body += [
            "",
            "VICTIMS (people harmed, not subjects of this report; their contact details are held by the "
            "filer and given on request)",
            *_victims(case),
        ]
    body += ["", "ACTIVITY", *_flows(case), "", "INDICATORS"]
    body += [f"- {i.code} ({case.indicator_role(i)}): {i.evidence}" for i in case.indicators]
    body += ["", "TRANSACTIONS (UTC)"]
    for p in case.payments[:MAX_LISTED]:
        body.append(
            f"- {p.txn_id} {xs_datetime(p.ts)} {p.amount:,.2f} {p.currency} {p.sender} -> {p.receiver}"
            + (f" ({p.channel})" if p.channel else "")
        )
    if len(case.payments) > MAX_LISTED:
        body.append(
            f"- … and {len(case.payments) - MAX_LISTED} more, listed in the goAML report and the case package."
        )
    tail = [
        "",
        "Scores and indicators are leads for investigation, not proof. Records are kept and available "
        "on request.",
        f"Contact: {settings.first_name} {settings.last_name}, {settings.email}"
        + (f", {settings.phone}" if settings.phone else "")
        + ".",
    ]
    text = "\n".join(head + body + tail) + "\n"
    if len(text) > MAX_NARRATIVE:
        keep = "\n".join(tail) + "\n"
        cut = "\n[narrative shortened to fit the 17,000-character field; full detail in the case package]\n"
        text = text[: MAX_NARRATIVE - len(keep) - len(cut)].rsplit("\n", 1)[0] + cut + keep
    return text
