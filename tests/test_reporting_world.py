"""A tiny world for the reporting tests: two organisations' bundles, each run once per session.

Organisation A is a remitter and a live-streaming platform pooling records: three payers abroad
pay one facilitator in PH at night, the facilitator's platform account hosts private live
sessions the payers' platform accounts watch, and frames sampled from one session are hashed.
Organisation B holds some of the same people under its own account ids, with their phones and
emails written differently, so that keyed-hash matching has to normalise to find them.

Everything is invented: example.com addresses, 192.0.2.0/24 and 2001:db8::/32 addresses,
`555` phone numbers, payment references like "school fees" and "gift".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tanglaw.pipeline import run_bundle

from .conftest import payment, write_table

SHARED = Path(__file__).resolve().parents[2] / "shared" / "external" / "xsd"

_RUNS: dict[str, Path] = {}


def xsd(name: str) -> Path:
    """An XSD from the project's shared folder, used in place; skip the test when absent."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not here: the published schemas live in shared/external/xsd beside the repo")
    return path


def _people(b: Path, ids: dict[str, str], phone_style: str) -> None:
    def phone(intl: str, national: str) -> str:
        return intl if phone_style == "intl" else national

    write_table(
        b,
        "parties",
        [
            {"party_id": ids["P1"], "source": "bank-a", "name": "John Smith", "country": "US",
             "phone": phone("+1 202 555 0101", "(202) 555-0101"), "email": "john@example.com"},
            {"party_id": ids["P3"], "source": "remit-x", "name": "Maria Santos", "country": "PH",
             "phone": phone("+63 917 000 0001", "0917 000 0001"), "email": "maria.santos@example.com",
             "city": "Example City", "birth_date": "1990-01-02"},
            {"party_id": ids["P5"], "source": "bank-a", "name": "Bob Jones", "country": "GB",
             "phone": "", "email": "bob@example.com" if phone_style == "intl" else "Bob@Example.com"},
            {"party_id": ids["P6"], "source": "bank-a", "name": "Carl Brown", "country": "AU",
             "phone": "", "email": "carl@example.com"},
            {"party_id": ids["P7"], "source": "bank-a", "name": "Rosa Dizon", "country": "US",
             "phone": "+1 202 555 0177", "email": ""},
            {"party_id": ids["P8"], "source": "remit-x", "name": "Lito Dizon", "country": "PH",
             "phone": "+63 917 000 0077", "email": ""},
        ],
    )  # fmt: skip


def _network(b: Path, acc: dict[str, str], ids: dict[str, str]) -> None:
    write_table(
        b,
        "accounts",
        [
            {"account_id": a, "source": s, "party_id": p, "kind": k, "country": c, "username": u}
            for a, s, p, k, c, u in [
                (acc["A1"], "bank-a", ids["P1"], "bank", "US", ""),
                (acc["B1"], "remit-x", ids["P3"], "remittance", "PH", ""),
                (acc["A5"], "bank-a", ids["P5"], "bank", "GB", ""),
                (acc["A6"], "bank-a", ids["P6"], "bank", "AU", ""),
                (acc["A7"], "bank-a", ids["P7"], "bank", "US", ""),
                (acc["B8"], "remit-x", ids["P8"], "remittance", "PH", ""),
                (acc["S1"], "stream-x", ids["P3"], "platform", "PH", "sunny_host_01"),
                (acc["S2"], "stream-x", ids["P1"], "platform", "US", "night_owl_77"),
                (acc["S5"], "stream-x", ids["P5"], "platform", "GB", "bj_viewer"),
            ]
        ],
    )
    rows: list[dict[str, Any]] = []

    def add(
        ts: str, amt: float, cur: str, s: str, r: str, ref: str = "", channel: str = "remittance"
    ) -> None:
        rows.append(
            payment(f"{acc['T']}{len(rows) + 1}", ts, amt, s, r, currency=cur, reference=ref, channel=channel)
        )

    for d in range(1, 25, 3):  # John, 03:30Z = evening in the US
        add(f"2026-03-{d:02d}T03:30:00Z", 50, "USD", acc["A1"], acc["B1"], "school fees")
    for d in range(2, 20, 4):  # Bob, 23:30 in London
        add(f"2026-03-{d:02d}T23:30:00Z", 40, "GBP", acc["A5"], acc["B1"], "gift")
    for d in range(3, 25, 4):  # Carl, 22:00 in Sydney
        add(f"2026-03-{d:02d}T12:00:00Z", 100, "AUD", acc["A6"], acc["B1"])
    add("2026-03-26T08:00:00+08:00", 300, "PHP", acc["B1"], acc["AGENT"], channel="cash_pickup")
    for m in range(1, 13):  # Rosa: monthly family support to her brother, daytime
        add(f"2025-{m:02d}-05T17:00:00Z", 150, "USD", acc["A7"], acc["B8"], "family support")
    write_table(b, "transactions", rows)


def _live(b: Path, acc: dict[str, str]) -> None:
    sessions = []
    for n, (day, viewer, ip) in enumerate(
        [
            (2, "S2", "192.0.2.21"),
            (6, "S5", "192.0.2.55"),
            (10, "S2", "192.0.2.21"),
            (14, "S5", "2001:db8::55"),
        ],
        1,
    ):
        sessions.append(
            {"session_id": f"SES{n}", "source": "stream-x", "started_at": f"2026-03-{day:02d}T02:00:00Z",
             "ended_at": f"2026-03-{day:02d}T02:40:00Z", "host_account_id": acc["S1"],
             "viewer_account_id": acc[viewer], "host_country": "PH", "viewer_country": "US",
             "host_ip": "192.0.2.10", "viewer_ip": ip, "host_device_id": "dev-host-1",
             "viewer_device_id": f"dev-{viewer.lower()}", "private": "true", "paid_amount": "", "currency": ""}
        )  # fmt: skip
    write_table(b, "sessions", sessions)
    write_table(
        b,
        "media",
        [
            {"media_id": f"M{n}", "source": "stream-x", "seen_at": f"2026-03-06T02:{10 + n:02d}:00Z",
             "account_id": acc["S1"], "session_id": "SES2", "signal_type": "md5",
             "hash": f"{n:032x}", "quality": ""}
            for n in (1, 2)
        ],
    )  # fmt: skip


def _tips(b: Path) -> None:
    """Two tips: one naming the host's username and the facilitator's phone, one thin."""
    write_table(
        b,
        "reports",
        [
            {"report_id": "R1", "source": "hotline-x", "received_at": "2026-03-20T10:00:00+08:00",
             "incident_type": "live_streaming", "description": "private paid live sessions reported by a viewer",
             "account_ids": "", "usernames": "@Sunny_Host_01", "emails": "", "phones": "0917 000 0001",
             "ips": "192.0.2.21", "payment_accounts": "", "urls": "https://stream.example.com/u/sunny_host_01",
             "country": "PH"},
            {"report_id": "R2", "source": "public", "received_at": "2026-03-21T10:00:00Z",
             "incident_type": "", "description": "", "account_ids": "", "usernames": "someone_else",
             "emails": "", "phones": "", "ips": "", "payment_accounts": "", "urls": "", "country": ""},
        ],
    )  # fmt: skip


def bundle_a(folder: Path) -> Path:
    ids = {k: k for k in ("P1", "P3", "P5", "P6", "P7", "P8")}
    acc = {k: k for k in ("A1", "B1", "A5", "A6", "A7", "B8", "S1", "S2", "S5")} | {
        "AGENT": "AGENT1",
        "T": "T",
    }
    _people(folder, ids, "intl")
    _network(folder, acc, ids)
    _live(folder, acc)
    _tips(folder)
    return folder


def bundle_b(folder: Path) -> Path:
    """The same people at organisation B: other ids, national phone formats, other email case."""
    ids = {k: f"B-{k}" for k in ("P1", "P3", "P5", "P6", "P7", "P8")}
    acc = {k: f"BX-{k}" for k in ("A1", "B1", "A5", "A6", "A7", "B8", "S1", "S2", "S5")}
    acc |= {"AGENT": "BX-AGENT", "T": "BT"}
    _people(folder, ids, "national")
    _network(folder, acc, ids)
    return folder


def run_world(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run bundle A or B once per test session; return the run's output folder."""
    if name not in _RUNS:
        root = tmp_path_factory.mktemp(f"reporting-{name}")
        build = bundle_a if name == "a" else bundle_b
        out = root / "run"
        run_bundle(build(root / "bundle"), out)
        _RUNS[name] = out
    return _RUNS[name]


def first_case(out: Path) -> str:
    from tanglaw.engine.workspace import open_workspace

    engine = open_workspace(out)
    try:
        return str(engine.scalar("SELECT case_id FROM case_table ORDER BY rank LIMIT 1"))
    finally:
        engine.con.close()


def test_world_a_has_a_live_streaming_case(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tanglaw.engine.workspace import open_workspace
    from tanglaw.reporting.casedata import load_case

    out = run_world("a", tmp_path_factory)
    engine = open_workspace(out)
    try:
        case = load_case(engine, first_case(out))
    finally:
        engine.con.close()
    assert case.n_facilitators >= 1 and case.n_payers >= 2
    assert case.live_streaming and case.n_sessions == 4
    assert {m.account_id for m in case.members} >= {"B1", "S1", "A1"}
    assert len(case.media) == 2 and case.payments
