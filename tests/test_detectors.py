"""Finance typologies on a tiny hand-built bundle: who is flagged, the evidence, the record ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tanglaw.pack import load_pack
from tanglaw.pipeline import run_bundle

from .conftest import read_csv


@pytest.fixture
def run_out(tmp_path: Path, network_bundle: Path) -> Path:
    out = tmp_path / "out"
    run_bundle(network_bundle, out)
    return out


def _ind(out: Path) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["code"], r["entity_id"]): r for r in read_csv(out / "indicators.csv")}


def test_one_case_with_the_network(run_out: Path) -> None:
    cases = read_csv(run_out / "cases.csv")
    assert len(cases) == 1
    c = cases[0]
    # strong together, but no payer is strong on its own (0.66 at most): P2, not P1
    assert c["rank"] == "1" and c["priority"] == "P2"
    assert c["title"] == "1 facilitator in PH paid by 3 payers from AU, GB, US: 19 payments, US$1,050"
    assert c["typologies"] == (
        # one payer's pattern (0.66) is not strong enough to make a facilitator on its own
        # (FIN_PAYER_BENEFICIARY.min_payer_weight); three payers together are (shared beneficiary)
        "FIN_CONSUMER_REMITTER;FIN_FACILITATOR_COLLECTOR;FIN_HOUSEHOLD_PAYER;FIN_SHARED_BENEFICIARY"
    )
    assert (c["first_seen"], c["last_seen"]) == ("2026-03-01T04:30:00Z", "2026-03-23T12:00:00Z")
    assert (c["n_parties"], c["n_accounts"]) == ("5", "5")
    members = {(m["account_id"], m["role"]) for m in read_csv(run_out / "case_members.csv")}
    assert members == {
        ("B1", "facilitator"),
        ("A1", "payer"),
        ("A2", "payer"),
        ("A5", "payer"),
        ("A6", "payer"),
    }


def test_consumer_remitter_evidence(run_out: Path) -> None:
    r = _ind(run_out)[("FIN_CONSUMER_REMITTER", "E:P1")]
    # the two US records (bank and remitter) are one person through the shared phone number
    assert r["evidence"] == (
        "Sent 8 small payments (US$400) from US to 1 beneficiary in PH between 2026-03-01 and 2026-03-22; "
        "100% at night in the sender's time zone; median US$50; 8.0 a month; "
        '100% with references like "school fees".'
    )
    assert r["record_ids"] == "T1;T2;T3;T4;T5;T6;T7;T8"
    assert "night-time 0.35" in r["components"]
    # round amounts (US$50 each) weigh 0 in the pack: left out of the words too
    assert "round amounts" not in r["components"] and "frequent 0.25" in r["components"]
    assert float(r["weight"]) == pytest.approx(0.683, abs=0.001)


def test_facilitator_collector_evidence(run_out: Path) -> None:
    r = _ind(run_out)[("FIN_FACILITATOR_COLLECTOR", "E:P3")]
    assert r["evidence"] == (
        "Received 19 small payments (US$1,050) from 3 unrelated senders in AU, GB, US between 2026-03-01 "
        "and 2026-03-23; median US$51; 100% sent at night in the senders' time zones; "
        "5% followed by a payment out within 72 hours."
    )
    assert sorted(r["record_ids"].split(";"), key=lambda t: int(t[1:])) == [f"T{i}" for i in range(1, 20)]
    assert r["account_id"] == "B1" and r["party_id"] == "P3"


def test_shared_beneficiary_evidence(run_out: Path) -> None:
    ind = _ind(run_out)
    fac = ind[("FIN_SHARED_BENEFICIARY", "E:P3")]
    assert fac["evidence"] == (
        "Paid by 3 unrelated senders, 3 of whom show the payer pattern on their own evidence "
        "(19 payments from them, 19 at night in their time zones)."
    )
    assert float(fac["weight"]) == 0.7
    # the weakest payer also gains from the household the two others pay
    payer = ind[("FIN_HOUSEHOLD_PAYER", "E:P5")]
    assert payer["evidence"] == (
        "Pays a household that 2 other payers pay on their own evidence (100% of its 3 unrelated senders): "
        "5 payments to it between 2026-03-02 and 2026-03-18, 5 at night."
    )
    assert payer["record_ids"] == "T9;T10;T11;T12;T13"


def test_family_support_is_not_a_case(run_out: Path) -> None:
    """Rosa sends her brother (same surname) a monthly allowance: mitigated far below any threshold."""
    members = read_csv(run_out / "case_members.csv")
    assert not {"A7", "B8"} & {m["account_id"] for m in members}
    ind = read_csv(run_out / "indicators.csv")
    assert not [r for r in ind if r["entity_id"] in ("E:P7", "E:P8")]


def test_rerun_gives_the_same_outputs(tmp_path: Path, network_bundle: Path, run_out: Path) -> None:
    again = tmp_path / "again"
    run_bundle(network_bundle, again)
    for name in ("cases.csv", "case_members.csv", "indicators.csv"):
        assert (again / name).read_text() == (run_out / name).read_text()


def test_travel_and_side_purchases_join_the_payer(tmp_path: Path, network_bundle: Path) -> None:
    from .conftest import payment, write_table

    rows = read_csv(network_bundle / "transactions.csv")
    rows += [
        payment(
            "H1",
            "2026-03-10T10:00:00Z",
            120,
            "A1",
            "M-HOTEL",
            channel="card",
            merchant_category="7011",
            merchant_name="Bay Hotel",
            receiver_country="PH",
        ),
        payment(
            "H2",
            "2026-03-11T10:00:00Z",
            200,
            "A1",
            "M-ATM",
            channel="card",
            merchant_category="6011",
            merchant_name="ATM Makati",
            receiver_country="PH",
        ),
        payment(
            "H3",
            "2026-03-12T10:00:00Z",
            9.99,
            "A2",
            "M-VPN",
            channel="card",
            merchant_category="5734",
            merchant_name="FastVPN Ltd",
            receiver_country="US",
        ),
        # a traveller without the remitter pattern: no indicator
        payment(
            "H4",
            "2026-03-10T10:00:00Z",
            120,
            "A7",
            "M-HOTEL",
            channel="card",
            merchant_category="7011",
            merchant_name="Bay Hotel",
            receiver_country="PH",
        ),
    ]
    write_table(network_bundle, "transactions", rows)
    out = tmp_path / "out"
    run_bundle(network_bundle, out)
    ind = {(r["code"], r["entity_id"]): r for r in read_csv(out / "indicators.csv")}
    r = ind[("FIN_TRAVEL_SIDE_PURCHASES", "E:P1")]
    assert r["evidence"] == (
        "1 flight or lodging purchase in PH; 1 cash withdrawal in PH; "
        "1 purchase of VPN, video-chat or live-stream services (US$330) between 2026-03-10 and 2026-03-12, "
        "by a payer with the remitter pattern."
    )
    assert r["record_ids"] == "H1;H2;H3"
    assert not [k for k in ind if k[1] == "E:P7"]
    # a pack that weighs travel and cash abroad 0 looks only for the side purchases
    pack = tmp_path / "p.toml"
    pack.write_text("[typologies.FIN_TRAVEL_SIDE_PURCHASES]\nweight_travel = 0.0\nweight_atm = 0.0\n")
    side = tmp_path / "side"
    run_bundle(network_bundle, side, pack=load_pack(pack))
    (r,) = [r for r in read_csv(side / "indicators.csv") if r["code"] == "FIN_TRAVEL_SIDE_PURCHASES"]
    assert r["evidence"] == (
        "1 purchase of VPN, video-chat or live-stream services (US$10) between 2026-03-12 and 2026-03-12, "
        "by a payer with the remitter pattern."
    )
    assert (r["record_ids"], r["components"]) == ("H3", "side purchases 0.2")
