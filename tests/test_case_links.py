"""What joins flagged people into one case besides payments, on hand-built bundles: the platform
twins of a payer and a receiver (sessions that their payments keep following), a viewer who
keeps visiting flagged hosts, one device behind a banned host and its new account; and what the
case book does with a case whose people a later run no longer flags (kept open, last, until an
analyst closes it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tanglaw.casebook.store import CaseBook
from tanglaw.pack import load_pack
from tanglaw.pipeline import run_bundle

from .casebook_worlds import build, trio
from .conftest import invoke, read_csv, write_table


def _platform(who: str, country: str, banned: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    """A platform account with a party record that shares nothing with anyone's bank records."""
    party = {"party_id": f"P-{who}", "source": "stream-s", "name": f"user {who}", "country": country}
    account = {
        "account_id": who,
        "source": "stream-s",
        "party_id": f"P-{who}",
        "kind": "platform",
        "country": country,
        "banned_reason": banned,
    }
    return party, account


def _session(sid: str, ts: str, host: str, viewer: str, **kw: Any) -> dict[str, Any]:
    return {
        "session_id": sid,
        "source": "stream-s",
        "started_at": ts,
        "host_account_id": host,
        "viewer_account_id": viewer,
        "host_country": "PH",
        "viewer_country": "US",
        "private": "true",
        "host_device_id": kw.get("device", ""),
    }


def _with_platform(
    folder: Path,
    links: list[tuple[str, str, str]],
    platform: list[tuple[str, str, str]],
    sessions: list[dict[str, Any]],
) -> Path:
    made = [_platform(*p) for p in platform]
    build(folder, links, extra_parties=[p for p, _ in made])
    accounts = read_csv(folder / "accounts.csv") + [a for _, a in made]
    write_table(folder, "accounts", accounts)
    write_table(folder, "sessions", sessions)
    return folder


def _case_members(out: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """case_id → account → (role, score)."""
    got: dict[str, dict[str, tuple[str, str]]] = {}
    for r in read_csv(out / "case_members.csv"):
        got.setdefault(r["case_id"], {})[r["account_id"]] = (r["role"], r["score"])
    return got


def test_platform_twins_join_two_receivers_of_one_host(tmp_path: Path) -> None:
    """PA0 pays FA and PB0 pays FB at 04:30 UTC; each time, two and a half hours earlier, viewer V had
    a private session with host H. H is the person behind both receiving accounts: one case."""
    links = trio("PA", "FA") + trio("PB", "FB")
    platform = [("H", "PH", ""), ("V", "US", "")]
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "alone", links), out)
    assert len(_case_members(out)) == 2  # without the sessions: two cases
    sessions = [_session(f"S{d}", f"2026-03-{d:02d}T02:00:00Z", "H", "V") for d in (2, 6, 10, 14)]
    run_bundle(_with_platform(tmp_path / "b", links, platform, sessions), tmp_path / "out2")
    (members,) = _case_members(tmp_path / "out2").values()
    assert {"FA", "FB", "PA0", "PB0"} <= set(members)
    assert members["H"] == ("host", "0.0") and members["V"] == ("viewer", "0.0")


def test_sessions_no_payment_follows_join_nobody(tmp_path: Path) -> None:
    """The same sessions at 16:00 UTC: the next payment is 7.5 hours later, no twin."""
    links = trio("PA", "FA") + trio("PB", "FB")
    platform = [("H", "PH", ""), ("V", "US", "")]
    sessions = [_session(f"S{d}", f"2026-03-{d:02d}T16:00:00Z", "H", "V") for d in (2, 6, 10, 14)]
    out = tmp_path / "out"
    run_bundle(_with_platform(tmp_path / "b", links, platform, sessions), out)
    cases = _case_members(out)
    assert len(cases) == 2
    assert all("H" not in m and "V" not in m for m in cases.values())


def test_a_viewer_of_two_flagged_hosts_joins_them_one_of_many_does_not(tmp_path: Path) -> None:
    """H1 and H2 hold banned accounts (flagged as hosts); V visits only them: V is a viewer member
    (score 0) of both cases, which stay apart (a payer never merges households). W visits H1 once
    among three ordinary hosts: it joins nobody."""
    platform = [("H1", "PH", "child sexual exploitation"), ("H2", "PH", "child sexual exploitation")]
    platform += [("V", "US", ""), ("W", "US", ""), ("O1", "PH", ""), ("O2", "PH", ""), ("O3", "PH", "")]
    sessions = [
        _session("S1", "2026-03-01T02:00:00Z", "H1", "V"),
        _session("S2", "2026-03-02T02:00:00Z", "H2", "V"),
    ]
    sessions += [
        _session(f"W{i}", f"2026-03-0{i + 3}T02:00:00Z", h, "W")
        for i, h in enumerate(("H1", "O1", "O2", "O3"))
    ]
    out = tmp_path / "out"
    run_bundle(_with_platform(tmp_path / "b", trio("PA", "FA"), platform, sessions), out)
    cases = _case_members(out)
    (one,) = [m for m in cases.values() if "H1" in m]
    (two,) = [m for m in cases.values() if "H2" in m]
    assert set(one) == {"H1", "V"} and set(two) == {"H2", "V"} and one["V"] == ("viewer", "0.0")
    assert all("W" not in m for m in cases.values())


def test_one_device_joins_a_banned_host_and_its_new_account(tmp_path: Path) -> None:
    platform = [
        ("H1", "PH", "child sexual exploitation"),
        ("H2", "PH", ""),
        ("V1", "US", ""),
        ("V2", "US", ""),
    ]
    sessions = [
        _session("S1", "2026-03-01T02:00:00Z", "H1", "V1", device="dev-1"),
        _session("S2", "2026-03-20T02:00:00Z", "H2", "V2", device="dev-1"),
    ]
    out = tmp_path / "out"
    run_bundle(_with_platform(tmp_path / "b", trio("PA", "FA"), platform, sessions), out)
    (joined,) = [m for m in _case_members(out).values() if "H1" in m]
    assert {"H1", "H2"} <= set(joined)
    # with device links off, they are two cases
    pack = load_pack()
    pack["link"]["device_links"] = False
    run_bundle(tmp_path / "b", tmp_path / "off", pack=pack)
    cases = _case_members(tmp_path / "off")
    assert next(c for c, m in cases.items() if "H1" in m) != next(c for c, m in cases.items() if "H2" in m)


# ---- a case its people no longer justify ---------------------------------------------------------


def _quiet(folder: Path) -> Path:
    """FB's network as before; FA and its payers still hold accounts but nobody pays anymore."""
    made = [
        (
            {
                "party_id": f"P-{w}",
                "source": "bank-a",
                "name": f"Person {w}",
                "country": c,
                "email": f"{w.lower()}@example.com",
            },
            {"account_id": w, "source": "bank-a", "party_id": f"P-{w}", "kind": "remittance", "country": c},
        )
        for w, c in (("FA", "PH"), ("PA0", "US"), ("PA1", "GB"), ("PA2", "AU"))
    ]
    return build(
        folder, trio("PB", "FB"), extra_parties=[p for p, _ in made], extra_accounts=[a for _, a in made]
    )


def test_an_open_case_no_longer_flagged_is_kept_last_until_closed(tmp_path: Path, runner) -> None:
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", trio("PA", "FA") + trio("PB", "FB")), out)
    fa_case = next(c for c, m in _case_members(out).items() if "FA" in m)
    assert invoke(runner, "cases", "note", fa_case, "looked at the payers", "--out", out).exit_code == 0
    result = run_bundle(_quiet(tmp_path / "b2"), out)
    assert result.case_changes["carried"] == 1
    cases = read_csv(out / "cases.csv")
    assert [c["case_id"] for c in cases][-1] == fa_case  # last
    last = cases[-1]
    assert last["priority"] == "P4" and last["n_notes"] == "1"
    assert last["priority_reason"].startswith("kept open from an earlier run")
    assert last["title"] == "Kept open, no longer flagged: 4 members, no payment in the corridors watched"
    assert set(_case_members(out)[fa_case]) == {"FA", "PA0", "PA1", "PA2"}
    book = CaseBook.open(out, create=False)
    assert any(a == "carried" for _, _, a, _ in book.history(fa_case))
    book.close()
    # closed by an analyst: it leaves the outputs (and stays in the book)
    assert invoke(runner, "cases", "close", fa_case, "--out", out, "--reason", "cleared").exit_code == 0
    run_bundle(tmp_path / "b2", out)
    assert fa_case not in {c["case_id"] for c in read_csv(out / "cases.csv")}


def test_carry_open_off_drops_the_case_from_the_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", trio("PA", "FA") + trio("PB", "FB")), out)
    pack = load_pack()
    pack["cases"]["carry_open"] = False
    result = run_bundle(_quiet(tmp_path / "b2"), out, pack=pack)
    assert result.case_changes["absent"] == 1 and "carried" not in result.case_changes
    assert len(read_csv(out / "cases.csv")) == 1


def test_the_three_hour_window_is_exact_across_hour_boundaries(tmp_path: Path) -> None:
    """Payments from the US at 04:30 UTC: sessions at 01:30:00 are followed (exactly 3 hours),
    sessions at 01:29:59 are not (the hour buckets of the session-payment join must not widen the
    window)."""
    links = trio("PA", "FA") + trio("PB", "FB")
    platform = [("H", "PH", ""), ("V", "US", "")]
    for start, joined in (("01:30:00", True), ("01:29:59", False)):
        sessions = [_session(f"S{d}", f"2026-03-{d:02d}T{start}Z", "H", "V") for d in (2, 6, 10, 14)]
        out = tmp_path / f"out-{start[-2:]}"
        run_bundle(_with_platform(tmp_path / f"b-{start[-2:]}", links, platform, sessions), out)
        assert (len(_case_members(out)) == 1) is joined, start


@pytest.mark.parametrize("paid", [False, True])
def test_a_host_selling_shows_on_the_platform_joins_no_viewers_case(tmp_path: Path, paid: bool) -> None:
    """Two flagged payers (PA0, PA1) both watch host H in private, at hours no payment follows.
    Unpaid on the platform (abuse sessions are paid off it), H joins them as a host member (score
    0); paid in tokens on the platform, H sells shows (an adult performer) and joins nobody."""
    sessions = [
        {**_session(f"S{v}{d}", f"2026-03-{d:02d}T16:00:00Z", "H", v), "paid_amount": "25" if paid else ""}
        for v in ("PA0", "PA1")
        for d in (2,)
    ]
    out = tmp_path / "out"
    run_bundle(_with_platform(tmp_path / "b", trio("PA", "FA"), [("H", "PH", "")], sessions), out)
    cases = _case_members(out).values()
    assert any({"PA0", "PA1", "PA2", "FA"} <= set(m) for m in cases)
    assert any(m.get("H") == ("host", "0.0") for m in cases) is not paid
