"""Platform typologies (shadow by default): private cross-border sessions next to payments."""

from __future__ import annotations

from pathlib import Path

from tanglaw.pack import load_pack
from tanglaw.pipeline import run_bundle

from .conftest import read_csv, write_table


def test_sessions_before_payments(tmp_path: Path, network_bundle: Path) -> None:
    accounts = read_csv(network_bundle / "accounts.csv")
    accounts += [
        {
            "account_id": "PL-HOST",
            "source": "stream-s",
            "party_id": "P3",
            "kind": "platform",
            "country": "PH",
        },
        {
            "account_id": "PL-JOHN",
            "source": "stream-s",
            "party_id": "P1",
            "kind": "platform",
            "country": "US",
        },
    ]
    write_table(network_bundle, "accounts", accounts)
    sessions = [
        {
            "session_id": f"S{d}",
            "source": "stream-s",
            "started_at": f"2026-03-{d:02d}T02:00:00Z",
            "host_account_id": "PL-HOST",
            "viewer_account_id": "PL-JOHN",
            "host_country": "PH",
            "viewer_country": "US",
            "private": "true",
        }
        for d in (1, 4, 7)
    ]
    write_table(network_bundle, "sessions", sessions)
    out = tmp_path / "out"
    run_bundle(network_bundle, out)
    shadow = {(r["code"], r["entity_id"]): r for r in read_csv(out / "shadow_indicators.csv")}
    host = shadow[("PLAT_PRIVATE_SESSIONS", "E:P3")]
    assert host["evidence"] == (
        "Held 3 private cross-border sessions with 1 viewers abroad between 2026-03-01 and 2026-03-07; "
        "1 of the viewers show the remitter pattern; 3 sessions were followed within 6 hours by a payment "
        "from the viewer to the host."
    )
    assert host["record_ids"] == "S1;S4;S7;T1;T2;T3"
    viewer = shadow[("PLAT_VIEWER_PAYS_HOST", "E:P1")]
    assert "3 were followed within 6 hours by a payment to the host" in viewer["evidence"]
    # shadow: the live case is the same as without sessions
    assert {r["code"] for r in read_csv(out / "indicators.csv")}.isdisjoint({"PLAT_PRIVATE_SESSIONS"})
    # live: the host's sessions join the facilitator's case
    p = tmp_path / "live.toml"
    p.write_text('[typologies.PLAT_PRIVATE_SESSIONS]\nmode = "live"\n')
    live = tmp_path / "live"
    run_bundle(network_bundle, live, pack=load_pack(p))
    codes = {r["code"] for r in read_csv(live / "indicators.csv") if r["entity_id"] == "E:P3"}
    assert "PLAT_PRIVATE_SESSIONS" in codes
