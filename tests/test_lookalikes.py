"""Sextortion victims and the legitimate look-alikes, on tiny hand-built bundles.

Each look-alike (family support, a romance-scam victim, an adult-webcam customer, a charity
sponsor, a traveller) must stay out of the cases; a young account's burst of payments to a new
foreign beneficiary must become a P1 case with the victim ranked first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tanglaw.pack import Pack, load_pack
from tanglaw.pipeline import run_bundle

from .conftest import payment, read_csv, write_table


def _bundle(
    tmp_path: Path, parties: list[dict[str, Any]], accounts: list[tuple[str, ...]], txns: list[dict[str, Any]]
) -> Path:
    b = tmp_path / "bundle"
    write_table(b, "parties", parties)
    write_table(
        b,
        "accounts",
        [
            {"account_id": a, "source": s, "party_id": p, "kind": k, "country": c, "opened_at": o}
            for a, s, p, k, c, o in accounts
        ],
    )
    write_table(b, "transactions", txns)
    return b


def _run(tmp_path: Path, b: Path) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    out = tmp_path / "out"
    run_bundle(b, out)
    return read_csv(out / "cases.csv"), read_csv(out / "case_members.csv"), read_csv(out / "indicators.csv")


def test_sextortion_victim_is_a_p1_case(tmp_path: Path) -> None:
    parties = [
        {
            "party_id": "V1",
            "source": "bank-a",
            "name": "Sam Taylor",
            "birth_date": "2010-05-01",
            "country": "US",
        },
        {
            "party_id": "X1",
            "source": "ewallet-n",
            "name": "Ade Bello",
            "birth_date": "1990-01-01",
            "country": "NG",
        },
    ]
    accounts = [
        ("AV", "bank-a", "V1", "bank", "US", "2026-01-10T00:00:00Z"),
        ("AX", "ewallet-n", "X1", "ewallet", "NG", "2025-01-01T00:00:00Z"),
    ]
    txns = [
        payment("S1", "2026-03-01T02:00:00Z", 50, "AV", "AX", channel="ewallet"),
        payment("S2", "2026-03-01T09:00:00Z", 120, "AV", "AX", channel="ewallet"),
        payment("S3", "2026-03-02T03:00:00Z", 200, "AV", "AX", channel="gift_card"),
    ]
    cases, members, ind = _run(tmp_path, _bundle(tmp_path, parties, accounts, txns))
    assert len(cases) == 1
    assert cases[0]["priority"] == "P1"
    assert cases[0]["title"] == "Likely sextortion: 1 victim paying 1 receiver in NG: 3 payments, US$370"
    assert {(m["account_id"], m["role"]) for m in members} == {("AV", "victim"), ("AX", "facilitator")}
    v = next(r for r in ind if r["role"] == "victim")
    assert v["code"] == "FIN_SEXTORTION_VICTIM"
    assert v["evidence"] == (
        "Sent 3 payments (US$370, none above US$200) to a new beneficiary in NG within 25 hours "
        "between 2026-03-01 and 2026-03-02; the sender was 15; amounts rose x4.0."
    )
    assert v["record_ids"] == "S1;S2;S3"
    assert "minor sender" in v["components"]


def _legit_world() -> tuple[list[dict[str, Any]], list[tuple[str, ...]], list[dict[str, Any]]]:
    o = "2020-01-01T00:00:00Z"
    parties = [
        # family support: Rosa pays her brother and her mother every month, daytime
        {
            "party_id": "F1",
            "source": "bank-a",
            "name": "Rosa Dizon",
            "birth_date": "1980-02-02",
            "country": "US",
        },
        {"party_id": "F2", "source": "remit-x", "name": "Lito Dizon", "country": "PH"},
        {"party_id": "F3", "source": "remit-x", "name": "Carmen Reyes Dizon", "country": "PH"},
        # romance-scam victim: one beneficiary, growing amounts
        {
            "party_id": "R1",
            "source": "bank-a",
            "name": "Helen Moore",
            "birth_date": "1958-03-03",
            "country": "GB",
        },
        {"party_id": "R2", "source": "remit-x", "name": "Daniel Okafor", "country": "GH"},
        # adult-webcam customer: card payments to a domestic platform merchant
        {
            "party_id": "W1",
            "source": "bank-a",
            "name": "Mark Evans",
            "birth_date": "1975-04-04",
            "country": "US",
        },
        {
            "party_id": "W2",
            "source": "card-c",
            "name": "CamSite Inc",
            "kind": "organization",
            "country": "US",
        },
        # charity sponsor: fixed monthly amounts to an organisation
        {
            "party_id": "C1",
            "source": "bank-a",
            "name": "Ann Lee",
            "birth_date": "1970-05-05",
            "country": "AU",
        },
        {
            "party_id": "C2",
            "source": "bank-ph",
            "name": "Hope Children Foundation",
            "kind": "organization",
            "country": "PH",
        },
        # traveller: hotels and meals abroad
        {
            "party_id": "T1",
            "source": "bank-a",
            "name": "Tom Hill",
            "birth_date": "1965-06-06",
            "country": "CA",
        },
        {
            "party_id": "T2",
            "source": "card-c",
            "name": "Manila Bay Hotel",
            "kind": "organization",
            "country": "PH",
        },
        # a young adult paying a friend abroad back once, in two parts
        {
            "party_id": "Y1",
            "source": "bank-a",
            "name": "Alex Kim",
            "birth_date": "2003-07-07",
            "country": "US",
        },
        {
            "party_id": "Y2",
            "source": "remit-x",
            "name": "Jordan Cruz",
            "birth_date": "2003-01-01",
            "country": "MX",
        },
    ]
    accounts = [
        ("AF1", "bank-a", "F1", "bank", "US", o),
        ("AF2", "remit-x", "F2", "remittance", "PH", o),
        ("AF3", "remit-x", "F3", "remittance", "PH", o),
        ("AR1", "bank-a", "R1", "bank", "GB", o),
        ("AR2", "remit-x", "R2", "remittance", "GH", o),
        ("AW1", "bank-a", "W1", "card", "US", o),
        ("AW2", "card-c", "W2", "merchant", "US", o),
        ("AC1", "bank-a", "C1", "bank", "AU", o),
        ("AC2", "bank-ph", "C2", "bank", "PH", o),
        ("AT1", "bank-a", "T1", "card", "CA", o),
        ("AT2", "card-c", "T2", "merchant", "PH", o),
        ("AY1", "bank-a", "Y1", "bank", "US", o),
        ("AY2", "remit-x", "Y2", "remittance", "MX", o),
    ]
    t: list[dict[str, Any]] = []

    def add(ts: str, amount: float, s: str, r: str, **kw: Any) -> None:
        t.append(payment(f"L{len(t) + 1}", ts, amount, s, r, **kw))

    for m in range(1, 13):
        add(f"2026-{m:02d}-05T18:00:00Z", 100, "AF1", "AF2", reference="allowance")
        add(f"2026-{m:02d}-06T18:00:00Z", 60, "AF1", "AF3", reference="family support")
        add(f"2026-{m:02d}-07T12:00:00Z", 60, "AC1", "AC2", currency="AUD", reference="sponsorship")
        add(
            f"2026-{m:02d}-{10 + m:02d}T03:00:00Z", 30, "AW1", "AW2", channel="card", merchant_category="5967"
        )
    for i, amt in enumerate([200, 350, 500, 900, 1500, 2500]):
        add(f"2026-{i + 3:02d}-15T20:00:00Z", amt, "AR1", "AR2", currency="GBP", reference="medical bills")
    for d in range(1, 8):
        add(
            f"2026-08-{d:02d}T04:00:00Z",
            180,
            "AT1",
            "AT2",
            channel="card",
            currency="CAD",
            merchant_category="7011",
        )
    add("2026-09-01T20:00:00Z", 150, "AY1", "AY2", reference="rent")
    add("2026-09-20T20:00:00Z", 150, "AY1", "AY2", reference="rent")
    return parties, accounts, t


def test_lookalikes_stay_out_of_cases(tmp_path: Path) -> None:
    parties, accounts, txns = _legit_world()
    cases, members, ind = _run(tmp_path, _bundle(tmp_path, parties, accounts, txns))
    assert cases == []
    assert members == []


@pytest.mark.parametrize("who", ["AF1", "AR1", "AC1", "AY1"])
def test_lookalike_weights_stay_low(tmp_path: Path, who: str) -> None:
    """Even below the case threshold, each look-alike's strongest indicator weighs little."""
    import duckdb

    parties, accounts, txns = _legit_world()
    out = tmp_path / "out"
    run_bundle(_bundle(tmp_path, parties, accounts, txns), out)
    con = duckdb.connect(str(out / "workspace.duckdb"), read_only=True)
    w = con.execute(
        "SELECT coalesce(max(score), 0) FROM entity_scores s JOIN account_entities a USING (entity_id) WHERE a.account_id = ?",
        [who],
    ).fetchall()[0][0]
    assert w < 0.45, (who, w)


def test_crypto_buyer_with_common_input_clustering(tmp_path: Path) -> None:
    """Two addresses spent together are one buyer; paying a banned vendor address at price tiers."""
    b = tmp_path / "bundle"
    write_table(b, "parties", [{"party_id": "U1", "source": "exch-a", "name": "Kim Park", "country": "US"}])
    write_table(
        b,
        "accounts",
        [
            {"account_id": "EXA", "source": "exch-a", "party_id": "U1", "kind": "crypto", "country": "US"},
            {"account_id": "bc1qaaa", "source": "chain", "kind": "crypto"},
            {"account_id": "bc1qbbb", "source": "chain", "kind": "crypto"},
            {
                "account_id": "bc1qvendor",
                "source": "chain",
                "kind": "crypto",
                "banned_reason": "csam vendor (example)",
            },
        ],
    )
    t = [
        payment("C0", "2026-02-01T12:00:00Z", 300, "EXA", "bc1qaaa", channel="crypto", sender_country="US"),
        payment("C1", "2026-02-02T05:00:00Z", 25, "bc1qaaa", "bc1qvendor", channel="crypto", chain_txn="tx1"),
        payment("C2", "2026-02-02T05:00:00Z", 25, "bc1qbbb", "bc1qvendor", channel="crypto", chain_txn="tx1"),
        payment("C3", "2026-02-09T05:30:00Z", 50, "bc1qaaa", "bc1qvendor", channel="crypto", chain_txn="tx2"),
        payment("C4", "2026-02-16T06:00:00Z", 50, "bc1qbbb", "bc1qvendor", channel="crypto", chain_txn="tx3"),
    ]
    write_table(b, "transactions", t)
    cases, members, ind = _run(tmp_path, b)
    roles = {(m["account_id"], m["role"]) for m in members}
    assert ("bc1qaaa", "buyer") in roles and ("bc1qbbb", "buyer") in roles  # one entity, both addresses
    assert ("bc1qvendor", "seller") in roles
    buyer = next(r for r in ind if r["code"] == "FIN_CRYPTO_BUYER" and r["role"] == "buyer")
    assert buyer["evidence"].startswith(
        "Made 4 crypto payments (US$150) between 2026-02-02 and 2026-02-16, 4 to"
    )
    assert "100% at repeated price tiers" in buyer["evidence"]
    assert buyer["record_ids"] == "C1;C2;C3;C4"
    assert len(cases) == 1


@pytest.mark.parametrize(("hours", "night"), [((22, 10, 15), False), ((22, 23, 2), True)])
def test_night_share_no_higher_than_chance_is_not_night_time(
    tmp_path: Path, hours: tuple[int, int, int], night: bool
) -> None:
    """Top-ups to two relatives spread round the clock (a third of them fall in the 8-hour night
    window, as chance would have it) are not night-time; the same payments made at night are. Either
    way one man paying two people whom no other payer pays makes no case (FIN_PAYER_BENEFICIARY
    needs him confirmed by other payers, or a pattern strong enough alone)."""
    import duckdb

    parties = [
        {"party_id": "G1", "source": "bank-a", "name": "Ana Reyes", "country": "GB"},
        {"party_id": "R1", "source": "remit-x", "name": "Ben Cruz", "country": "PH"},
        {"party_id": "R2", "source": "remit-x", "name": "Lea Torres", "country": "PH"},
    ]
    accounts = [
        ("AG", "bank-a", "G1", "bank", "GB", "2020-01-01T00:00:00Z"),
        ("AR1", "remit-x", "R1", "remittance", "PH", "2020-01-01T00:00:00Z"),
        ("AR2", "remit-x", "R2", "remittance", "PH", "2020-01-01T00:00:00Z"),
    ]
    txns = [
        payment(
            f"L{i}",
            f"2026-03-{1 + 2 * i:02d}T{hours[i % 3]:02d}:00:00Z",
            20,
            "AG",
            "AR1" if i % 2 else "AR2",
            reference="load",
        )
        for i in range(12)
    ]
    cases, _, _ = _run(tmp_path, _bundle(tmp_path, parties, accounts, txns))
    assert cases == []
    con = duckdb.connect(str(tmp_path / "out" / "workspace.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT evidence, components FROM hits WHERE code = 'FIN_CONSUMER_REMITTER' AND entity_id LIKE '%G1%'"
        ).fetchall()
    finally:
        con.close()
    ((evidence, components),) = rows
    assert ("100% at night in the sender's time zone" in evidence) is night
    assert ("night-time" in components) is night


def test_a_victim_whose_burst_also_looks_like_a_remitter_is_a_victim(tmp_path: Path) -> None:
    """A 19-year-old's night-time burst to a new beneficiary abroad fires the remitter typology
    too, here a little more strongly; the person is put in the case as the victim, not as a payer."""
    parties = [
        {
            "party_id": "V1",
            "source": "bank-a",
            "name": "Kim Lee",
            "birth_date": "2007-01-15",
            "country": "AU",
        },
        {
            "party_id": "X1",
            "source": "remit-x",
            "name": "Jo Ramos",
            "birth_date": "1990-01-01",
            "country": "PH",
        },
    ]
    accounts = [
        ("AV", "bank-a", "V1", "bank", "AU", "2025-06-01T00:00:00Z"),
        ("AX", "remit-x", "X1", "remittance", "PH", "2024-01-01T00:00:00Z"),
    ]
    # Australia is UTC+10 in the pack's offsets: 13:00Z-18:00Z is 23:00-04:00 there
    txns = [
        payment(f"S{i}", ts, usd, "AV", "AX", reference={0: "gift", 3: "load"}.get(i, ""))
        for i, (ts, usd) in enumerate(
            [
                ("2026-03-01T13:00:00Z", 45),
                ("2026-03-01T15:00:00Z", 50),
                ("2026-03-02T13:30:00Z", 65),
                ("2026-03-02T16:00:00Z", 120),
                ("2026-03-02T17:00:00Z", 160),
                ("2026-03-03T14:00:00Z", 220),
            ]
        )
    ]
    cases, members, ind = _run(tmp_path, _bundle(tmp_path, parties, accounts, txns))
    codes = {(r["code"], r["account_id"]) for r in ind}
    assert {("FIN_SEXTORTION_VICTIM", "AV"), ("FIN_CONSUMER_REMITTER", "AV")} <= codes
    assert ("AV", "victim") in {(m["account_id"], m["role"]) for m in members}
    assert cases[0]["priority"] == "P1"


def test_a_surname_the_payment_message_writes_is_a_family_tie(tmp_path: Path) -> None:
    """Three senders seen only in a wallet's inbound credits (no party record) each pay one
    recipient at night; the payment messages carry the originators' names (the travel rule). When
    they share the recipient's surname they are her relatives: no payer pattern, no household."""
    from .typology_contract import detect

    def bundle(folder: Path, surname: str, family: str = "Santos", first_surname: str | None = None) -> Path:
        write_table(
            folder,
            "parties",
            [{"party_id": "P-MOM", "source": "wallet-ph", "name": f"Elena {family}", "country": "PH"}],
        )
        write_table(
            folder,
            "accounts",
            [
                {
                    "account_id": "MOM",
                    "source": "wallet-ph",
                    "party_id": "P-MOM",
                    "kind": "ewallet",
                    "country": "PH",
                }
            ],
        )
        rows = [
            payment(
                f"T{s}{i}",
                f"2026-03-{2 + 3 * i:02d}T04:{10 * s:02d}:00Z",
                50,
                f"X{s}",
                "MOM",
                source="wallet-ph",
                channel="ewallet",
                sender_country="US",
                receiver_country="PH",
                sender_name=f"{first} {first_surname if first_surname and s == 0 else surname}",
                receiver_name=f"Elena {family}",
            )
            for s, first in enumerate(("Ramon", "Liza", "Joy"))
            for i in range(8)
        ]
        write_table(folder, "transactions", rows)
        return folder

    strangers = detect(bundle(tmp_path / "strangers", "Walker"))
    relatives = detect(bundle(tmp_path / "relatives", "Santos"))
    payer = "FIN_CONSUMER_REMITTER"
    assert {e for e, h in strangers.get(payer, {}).items() if h.weight >= 0.6} == {"A:X0", "A:X1", "A:X2"}
    # three senders of her name: a relative supported by family abroad (`lookalikes.relatives`),
    # so payments to her are no payer's pattern at all
    assert relatives.get(payer, {}) == {}
    assert "FIN_SHARED_BENEFICIARY" in strangers and "FIN_SHARED_BENEFICIARY" not in relatives
    # one sender of her name among strangers: his own payments carry the family tie
    one = detect(bundle(tmp_path / "one", "Walker", first_surname="Santos"))
    assert "100% to beneficiaries sharing the payer's surname" in one[payer]["A:X0"].evidence
    assert one[payer]["A:X0"].weight < 0.3 and one[payer]["A:X1"].weight >= 0.6
    # a two-letter family name (Sy, Go, Uy, Ng) is one when the pack says so; an initial never is
    short_names = Pack(
        {**load_pack().doc, "names": {**load_pack()["names"], "min_surname_letters": 2}}, "test"
    )
    short = detect(bundle(tmp_path / "short", "Sy", "Sy"), short_names)
    assert not [h for h in short.get(payer, {}).values() if h.weight >= 0.3]
    unread = detect(bundle(tmp_path / "unread", "Sy", "Sy"))
    assert {e for e, h in unread.get(payer, {}).items() if h.weight >= 0.6} == {"A:X0", "A:X1", "A:X2"}
    initials = detect(bundle(tmp_path / "initials", "S.", "S."), short_names)
    assert {e for e, h in initials.get(payer, {}).items() if h.weight >= 0.6} == {"A:X0", "A:X1", "A:X2"}


def _traveller_world(folder: Path, rows: list[dict[str, Any]], other_payer: bool = False) -> Path:
    """A British man (bank account AG, card AGC; `other_payer`: a second man, AH), a hotel in the
    Philippines (HOTEL) and three people there (AR0-AR2, `NAMES`), with transactions `rows`."""
    write_table(
        folder,
        "parties",
        [
            {"party_id": "G1", "source": "bank-a", "name": "Tom Baker", "country": "GB"},
            *(
                [{"party_id": "H1", "source": "bank-a", "name": "Olly Grant", "country": "GB"}]
                if other_payer
                else []
            ),
            *(
                {"party_id": f"R{k}", "source": "remit-x", "name": n, "country": "PH"}
                for k, n in enumerate(NAMES)
            ),
        ],
    )
    write_table(
        folder,
        "accounts",
        [
            {"account_id": "AG", "source": "bank-a", "party_id": "G1", "kind": "bank", "country": "GB"},
            {"account_id": "AGC", "source": "bank-a", "party_id": "G1", "kind": "card", "country": "GB"},
            *(
                [{"account_id": "AH", "source": "bank-a", "party_id": "H1", "kind": "bank", "country": "GB"}]
                if other_payer
                else []
            ),
            {"account_id": "HOTEL", "source": "bank-a", "kind": "merchant", "country": "PH"},
            *(
                {
                    "account_id": f"AR{k}",
                    "source": "remit-x",
                    "party_id": f"R{k}",
                    "kind": "ewallet",
                    "country": "PH",
                }
                for k in range(len(NAMES))
            ),
        ],
    )
    write_table(folder, "transactions", rows)
    return folder


def _hotel_nights(month: str, days: Sequence[int]) -> list[dict[str, Any]]:
    """The British man's card paying a hotel in the Philippines in person at noon there on `days`."""
    return [
        payment(
            f"H{d}",
            f"{month}-{d:02d}T04:00:00Z",
            90,
            "AGC",
            "HOTEL",
            channel="card",
            merchant_category="7011",
            receiver_country="PH",
        )
        for d in days
    ]


@pytest.mark.parametrize("in_country", [False, True])
def test_a_traveller_paying_while_in_the_country_pays_at_local_time(tmp_path: Path, in_country: bool) -> None:
    """A British visitor pays three people in the Philippines by app at 22:00-01:00 UTC: night at
    home, morning in Cebu. With a hotel paid in person in the Philippines on those days he was
    there: the payments are timed in Philippine time (none at night), and he is no payer."""
    from .typology_contract import detect

    days = [3, 4, 6, 7, 9, 10]
    rows = [
        payment(f"T{i}", f"2026-03-{d:02d}T{(22 + i) % 24:02d}:30:00Z", 40, "AG", f"AR{i % 3}")
        for i, d in enumerate(days)
    ]
    if in_country:
        rows += _hotel_nights("2026-03", days)
    b = _traveller_world(tmp_path / ("trip" if in_country else "home"), rows)
    found = detect(b)
    hits = found["FIN_CONSUMER_REMITTER"]
    assert len(hits) == 1, hits
    hit = next(iter(hits.values()))
    if in_country:
        assert "0% at night in the sender's time zone" in hit.evidence
        assert "6 paid while the sender was in the receiving country (timed there)" in hit.evidence
        assert hit.weight < 0.6
        # nor is a visitor paying people where he is a victim paying abroad from home
        assert "FIN_SEXTORTION_VICTIM" not in found
    else:
        assert "100% at night in the sender's time zone" in hit.evidence
        assert hit.weight >= 0.6


NAMES = ("Joy Dizon", "Mark Lim", "Rica Bautista")


def _young_world(
    folder: Path,
    born: str,
    returning: bool,
    extra: Sequence[dict[str, Any]] = (),
    references: Sequence[str] = (),
    platform: bool = False,
) -> Path:
    """Six senders in Britain pay two sellers in the Philippines at night, in two bursts three
    weeks apart (`returning`) or in one burst each; every sender's records give `born`. Sender k
    writes `references[k]` on its first payment of each burst (none where the list ends). With
    `platform`, each seller also holds a platform account (FG1, FG2) on a fan platform."""
    senders = [f"S{k}" for k in range(6)]
    write_table(
        folder,
        "parties",
        [
            *(
                {
                    "party_id": f"P{s}",
                    "source": "bank-a",
                    "name": f"{n} Walker{k}",
                    "birth_date": born,
                    "country": "GB",
                }
                for k, (s, n) in enumerate(
                    zip(senders, ("Liam", "Noah", "Owen", "Jack", "Theo", "Leo"), strict=True)
                )
            ),
            {"party_id": "PG1", "source": "wallet-ph", "name": "Ramon Dizon", "country": "PH"},
            {"party_id": "PG2", "source": "wallet-ph", "name": "Carlo Bautista", "country": "PH"},
        ],
    )
    write_table(
        folder,
        "accounts",
        [
            *(
                {"account_id": s, "source": "bank-a", "party_id": f"P{s}", "kind": "bank", "country": "GB"}
                for s in senders
            ),
            {
                "account_id": "G1",
                "source": "wallet-ph",
                "party_id": "PG1",
                "kind": "ewallet",
                "country": "PH",
            },
            {
                "account_id": "G2",
                "source": "wallet-ph",
                "party_id": "PG2",
                "kind": "ewallet",
                "country": "PH",
            },
            *(
                {
                    "account_id": f"F{g}",
                    "source": "wallet-ph",
                    "party_id": f"P{g}",
                    "kind": "platform",
                    "country": "PH",
                }
                for g in (("G1", "G2") if platform else ())
            ),
        ],
    )
    rows = []
    for k, s in enumerate(senders):
        for b, day in enumerate((3 + k, 24 + k) if returning else (3 + k,)):
            for j, seller in enumerate(("G1", "G2", "G1", "G2")[: 4 if returning else 3]):
                ref = references[k] if k < len(references) and j < 2 else ""
                rows.append(
                    payment(
                        f"T{k}{b}{j}",
                        f"2026-03-{day:02d}T22:{10 * j:02d}:00Z",
                        30 + 5 * j,
                        s,
                        seller,
                        reference=ref,
                    )
                )
    write_table(folder, "transactions", [*rows, *extra])
    return folder


def test_sellers_paid_by_young_buyers_are_no_household(tmp_path: Path) -> None:
    """Gamers of 19 pay two sellers of game items in the Philippines at night, and come back: the
    sellers are shops for young people, their buyers no payers. The same payments by men of 56
    are two households' payers."""
    from .typology_contract import detect

    young = detect(_young_world(tmp_path / "young", "2007-01-15", True))
    old = detect(_young_world(tmp_path / "old", "1970-01-15", True))
    assert "FIN_SHARED_BENEFICIARY" not in young and "FIN_CONSUMER_REMITTER" not in young
    assert "FIN_SEXTORTION_VICTIM" not in young
    assert len(old["FIN_SHARED_BENEFICIARY"]) == 2
    assert {round(h.weight, 2) for h in old["FIN_CONSUMER_REMITTER"].values()} == {0.74}


@pytest.mark.parametrize(
    ("references", "victims"),
    [
        ([], 6),
        (["diamonds", "1 skin po"], 0),  # two buyers name what they buy: 2 of the 9 payments to each
        (["diamonds"], 6),  # one buyer's word is no shop's custom
        (["sorry", "last na"], 6),  # a victim's words name no goods
    ],
)
def test_young_senders_of_one_burst_each_stay_likely_victims(
    tmp_path: Path, references: list[str], victims: int
) -> None:
    """Teenagers who each pay a receiver abroad in one burst and stop are not a shop's returning
    customers: they stay likely sextortion victims, unless two or more of them name what they buy
    (game items: a payment under threat names no goods)."""
    from .typology_contract import detect

    hits = detect(_young_world(tmp_path / "burst", "2010-01-15", False, references=references))
    found = hits.get("FIN_SEXTORTION_VICTIM", {})
    assert sum(1 for h in found.values() if h.role == "victim" and h.weight >= 0.6) == victims


TEENS = [
    (f, la)
    for f, la in zip(
        (
            "Sam",
            "Alfie",
            "Kai",
            "Finn",
            "Ruby",
            "Isla",
            "Zane",
            "Cole",
            "Ivy",
            "Nina",
            "Omar",
            "Pia",
            "Reed",
            "Tess",
            "Uma",
            "Vic",
        ),
        (
            "Carter",
            "Dunn",
            "Ellis",
            "Frost",
            "Grant",
            "Hale",
            "Irwin",
            "Joyce",
            "Kemp",
            "Lowe",
            "Marsh",
            "Noble",
            "Osborn",
            "Price",
            "Quinn",
            "Rowe",
        ),
        strict=True,
    )
]


@pytest.mark.parametrize(("word", "victims"), [("", 16), ("diamonds", 0)])
def test_many_one_off_payers_of_an_extortionist_stay_likely_victims(
    tmp_path: Path, word: str, victims: int
) -> None:
    """Fifteen young men of 17-18 in Britain and a father of 45 each pay one wallet in Nigeria
    twice within hours and stop: many buyers who buy once or twice make a shop
    (`lookalikes.seller`), and not one mostly of young people (the father), but each victim pays an
    extortionist once or twice too, so their bursts (the father's too) stay open to the sextortion typology, unless
    the payers name what they buy."""
    from .typology_contract import detect

    n = 16
    write_table(
        tmp_path,
        "parties",
        [
            *(
                {
                    "party_id": f"P{k}",
                    "source": "bank-a",
                    "name": f"{first} {last}",
                    "birth_date": "1980-05-01" if k == len(TEENS) - 1 else "2008-05-01",
                    "country": "GB",
                }
                for k, (first, last) in enumerate(TEENS)
            ),
            {"party_id": "PX", "source": "wallet-ng", "name": "Tunde Bello", "country": "NG"},
        ],
    )
    write_table(
        tmp_path,
        "accounts",
        [
            *(
                {
                    "account_id": f"S{k}",
                    "source": "bank-a",
                    "party_id": f"P{k}",
                    "kind": "bank",
                    "country": "GB",
                }
                for k in range(n)
            ),
            {"account_id": "X", "source": "wallet-ng", "party_id": "PX", "kind": "ewallet", "country": "NG"},
        ],
    )
    rows = [
        payment(
            f"T{k}{j}",
            f"2026-03-{1 + k:02d}T2{j}:00:00Z",
            60 + 40 * j,
            f"S{k}",
            "X",
            receiver_country="NG",
            reference=word if k < 4 else "",
        )
        for k in range(n)
        for j in range(2)
    ]
    write_table(tmp_path, "transactions", rows)
    found = detect(tmp_path).get("FIN_SEXTORTION_VICTIM", {})
    assert sum(1 for h in found.values() if h.role == "victim" and h.weight >= 0.6) == victims


def test_performers_paid_out_by_their_platform_are_no_household(tmp_path: Path) -> None:
    """Two performers whose income from abroad is mostly a platform's creator payouts (the platform
    pays 50 people) are paid on the platform for shows: their customers' night payments to them are
    no payer's pattern. Without the payouts the same customers make two households."""
    from .typology_contract import detect

    creators = ["G1", "G2"] * 25 + [f"C{k}" for k in range(48)]
    payouts = [
        payment(
            f"PO{k}",
            f"2026-03-{1 + k % 28:02d}T03:00:00Z",
            80,
            "PLATFORM",
            r,
            reference="creator payout",
            sender_country="SG",
            receiver_country="PH",
        )
        for k, r in enumerate(creators)
    ]
    paid = detect(_young_world(tmp_path / "paid", "1970-01-15", True, payouts))
    plain = detect(_young_world(tmp_path / "plain", "1970-01-15", True))
    assert len(plain["FIN_SHARED_BENEFICIARY"]) == 2
    assert "FIN_SHARED_BENEFICIARY" not in paid and "FIN_CONSUMER_REMITTER" not in paid


def _assert_lookalike(found: dict[str, dict[str, Any]], kind: str | None) -> None:
    """`_young_world`'s two wallets are look-alikes of `kind` (no household, no payer's pattern,
    their collector weight cut, said in its components) or, for None, two households whose six
    senders all show the payer pattern."""
    if kind:
        assert "FIN_SHARED_BENEFICIARY" not in found and "FIN_CONSUMER_REMITTER" not in found
        collectors = found["FIN_FACILITATOR_COLLECTOR"]
        assert {h.components.rsplit("; ", 1)[-1] for h in collectors.values()} == {f"{kind} x0.2"}
    else:
        assert len(found["FIN_SHARED_BENEFICIARY"]) == 2
        assert len(found["FIN_CONSUMER_REMITTER"]) == 6


@pytest.mark.parametrize(
    ("references", "tipped"),
    [
        (["tip po", "tip po"], True),  # two fans' tips: 4 of the 24 payments to each
        (["for coffee :)", "tips"], True),
        (["tip po"], False),  # one sender's word is no audience
        (["for cam", "private show"], True),  # a show paid for openly: legal adult work
        (["tipid", "tipid"], False),  # a word that starts like one is not it ("thrifty")
        (["showroom", "camera"], False),  # nor a word that starts like "show" or "cam"
        (["school fees", "school fees"], False),  # an abuse payer's cover words
    ],
)
def test_a_receiver_its_senders_tip_is_a_performer_and_no_household(
    tmp_path: Path, references: list[str], tipped: bool
) -> None:
    """Men of 56 pay two wallets in the Philippines at night and come back, as the payers of a
    household do; where two or more of them write a fan's words (a tip, a coffee) on their payments,
    the wallets are a performer's, tipped by fans, and the payments no payer's pattern."""
    from .typology_contract import detect

    found = detect(_young_world(tmp_path / "w", "1970-01-15", True, references=references))
    _assert_lookalike(found, "tipped by fans" if tipped else None)
    if not tipped:
        # every sender keeps the payer pattern (cover words even add to it)
        assert min(round(h.weight, 2) for h in found["FIN_CONSUMER_REMITTER"].values()) == 0.74


@pytest.mark.parametrize("fans", [3, 2, 0])
def test_a_receiver_fans_pay_on_a_platform_is_a_creator_and_no_household(tmp_path: Path, fans: int) -> None:
    """The two wallets' holders also hold accounts on a fan platform; where three or more people pay
    those accounts on the platform (a card payment to a platform user: a tip, a subscription), the
    holders are creators selling to fans there, and the night payments to their wallets are no
    payer's pattern. Two fans on the platform are not yet an audience."""
    from .typology_contract import detect

    tips = [
        payment(
            f"FT{k}{g}",
            f"2026-03-{2 + k:02d}T21:00:00Z",
            12,
            f"S{k}",
            f"F{g}",
            channel="card",
            reference="tip",
        )
        for k in range(fans)
        for g in ("G1", "G2")
    ]
    found = detect(_young_world(tmp_path / "w", "1970-01-15", True, tips, platform=True))
    _assert_lookalike(found, "paid by fans on a platform" if fans >= 3 else None)


def test_a_pack_without_the_platform_fans_rule_makes_no_one_a_creator(tmp_path: Path) -> None:
    """`min_platform_fans` 0 turns the rule off: it does not make every receiver (paid by zero fans
    or more) a creator."""
    from .typology_contract import detect

    doc = load_pack().doc
    lookalikes = {
        **doc["lookalikes"],
        "performer": {**doc["lookalikes"]["performer"], "min_platform_fans": 0},
    }
    off = Pack({**doc, "lookalikes": lookalikes}, "test")
    _assert_lookalike(detect(_young_world(tmp_path / "w", "1970-01-15", True, platform=True), off), None)


@pytest.mark.parametrize(
    ("references", "mule"),
    [
        (["visa fee", "customs fee", "for the ticket"], True),  # three victims' pretexts: 6 of 24 payments
        (["LOAN", "emergency po", "processing fee"], True),
        (["visa fee", "customs fee"], True),  # 4 of 24: a tenth and more, by two senders
        (["visa fee"], False),  # 2 of 24, one sender: a man's own words, no scam's
        (["hospital bill"] * 3, False),  # "hospital" is an abuse payer's cover word too
        (["tickets4u", "visas", "loans"], False),  # words that start like them are not them
    ],
)
def test_a_receiver_its_senders_pay_for_a_romance_scams_pretexts_is_no_household(
    tmp_path: Path, references: list[str], mule: bool
) -> None:
    """Men of 56 pay two wallets in the Philippines at night and come back, as the payers of a
    household do; where two or more of them write a romance scam's pretexts (a visa fee, customs, a
    ticket, a loan) on a tenth of the payments or more, the wallets are a romance scam's mules and the senders its
    victims: no household, and the payments no payer's pattern."""
    from .typology_contract import detect

    found = detect(_young_world(tmp_path / "w", "1970-01-15", True, references=references))
    _assert_lookalike(found, "paid by romance-scam victims" if mule else None)


def test_sextortion_victims_writing_loan_stay_victims(tmp_path: Path) -> None:
    """Six people each pay two receivers abroad in one burst, three of them writing "loan" (an
    extortionist's victims are told what to write too): the receivers are paid like a romance
    scam's mules, but that keeps them out of the payer's pattern only, not out of the sextortion
    bursts. The two teenagers among the six stay likely sextortion victims."""
    from .typology_contract import detect

    folder = _young_world(tmp_path / "burst", "", False, references=["loan"] * 3)
    parties = read_csv(folder / "parties.csv")
    for row in parties[:2]:
        row["birth_date"] = "2010-01-15"  # the others' records give no birth date
    write_table(folder, "parties", parties)
    found = detect(folder)
    assert {h.components.rsplit("; ", 1)[-1] for h in found["FIN_FACILITATOR_COLLECTOR"].values()} == {
        "paid by romance-scam victims x0.2"
    }
    victims = found["FIN_SEXTORTION_VICTIM"]
    assert sum(1 for h in victims.values() if h.role == "victim" and h.weight >= 0.6) == 2


def _one_payer_two_wallets(
    folder: Path, usd: float, references: Sequence[str] = (), days_apart: int = 3
) -> Path:
    """Alan Reed in Britain pays two wallets in the Philippines six times, `days_apart` days apart
    (three unless told), at 23:00 UTC (night at home), `usd` each; payment k carries
    `references[k]` (none where the list ends)."""
    write_table(
        folder, "parties", [{"party_id": "PB", "source": "bank-a", "name": "Alan Reed", "country": "GB"}]
    )
    write_table(
        folder,
        "accounts",
        [
            {"account_id": "B", "source": "bank-a", "party_id": "PB", "kind": "bank", "country": "GB"},
            *(
                {"account_id": r, "source": "remit-x", "kind": "ewallet", "country": "PH"}
                for r in ("R1", "R2")
            ),
        ],
    )
    rows = [
        payment(
            f"T{i}",
            (datetime(2026, 5, 2, 23, tzinfo=UTC) + timedelta(days=days_apart * i)).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            ),
            usd,
            "B",
            f"R{1 + i % 2}",
            reference=references[i] if i < len(references) else "",
        )
        for i in range(6)
    ]
    write_table(folder, "transactions", rows)
    return folder


@pytest.mark.parametrize(("pretexts", "romance"), [(2, True), (1, False)])
def test_a_payer_writing_a_romance_scams_pretexts_weighs_less(
    tmp_path: Path, pretexts: int, romance: bool
) -> None:
    """A man paying two wallets in the Philippines at night, a third of his payments for a "visa
    fee", is more like a romance-scam victim than a paying viewer: x0.4, said in the evidence. One
    such payment in six (17%) is below a fifth."""
    from .typology_contract import detect

    folder = _one_payer_two_wallets(tmp_path / f"romance{pretexts}", 60, ["visa fee"] * pretexts)
    hit = next(iter(detect(folder)["FIN_CONSUMER_REMITTER"].values()))
    assert ("a romance scam's pretexts x0.4" in hit.components) is romance
    if romance:
        assert hit.evidence.endswith('; 33% with a romance scam\'s pretexts like "visa fee".')
        assert hit.weight < 0.6 * 0.5
    else:
        assert "romance" not in hit.evidence and hit.weight >= 0.6


@pytest.mark.parametrize(
    ("references", "shop"),
    [
        (["diamonds"] * 6, True),
        (["battle pass"] * 6, True),
        (["load"] * 6, False),
        (["for the kids"] * 6, False),
        (["invoice 7", "invoice 9", "invoice 12"], True),  # three buyers' orders: 6 of the 24 payments
        (["invoice 7", "invoice 9"], True),  # 4 of 24: a tenth or more (below a fifth: no shop before)
        (["invoice 7"], False),  # one buyer's habit (`min_order_senders`)
    ],
)
def test_a_receiver_paid_for_game_items_is_a_shop(tmp_path: Path, references: list[str], shop: bool) -> None:
    """Where nothing says how old the buyers are (a receiving bank sees only their payments), the
    names of game currencies and items ("diamonds", a "battle pass") or two buyers' order
    references on a tenth of the payments make the two wallets shops: no household, and the
    payments no payer's pattern. "load" (a household's payers write it), a cover word or one
    buyer's order references keep them two households."""
    from .typology_contract import detect

    found = detect(_young_world(tmp_path / "w", "1970-01-15", True, references=references))
    _assert_lookalike(found, "a shop" if shop else None)


@pytest.mark.parametrize(("references", "shop"), [(["invoice 7", "invoice 9"], True), (["invoice 7"], False)])
def test_one_senders_order_references_make_no_shop(tmp_path: Path, references: list[str], shop: bool) -> None:
    """With the share of order references set low (a pack's `lookalikes.seller.order_share`), the
    references of two buyers still make a shop, those of one sender do not
    (`min_order_senders`): one man's habit of writing "invoice" is no shop's custom."""
    from .typology_contract import detect

    (tmp_path / "p.toml").write_text("[lookalikes.seller]\norder_share = 0.05\n", encoding="utf-8")
    found = detect(
        _young_world(tmp_path / "w", "1970-01-15", True, references=references),
        load_pack(tmp_path / "p.toml"),
    )
    assert ("FIN_SHARED_BENEFICIARY" in found) is not shop


def test_a_household_selling_game_items_as_a_cover_stays_a_household(tmp_path: Path) -> None:
    """Gamers of 19 buy game items from two wallets that two men of 56 also pay at night: the
    wallets are no shop for young people, and the men's payments make them households."""
    from .typology_contract import detect

    folder = _young_world(tmp_path / "cover", "2007-01-15", True)
    rows = list(read_csv(folder / "transactions.csv"))
    parties = list(read_csv(folder / "parties.csv"))
    accounts = list(read_csv(folder / "accounts.csv"))
    for k, (name, born) in enumerate((("Gary Hobbs", "1970-01-15"), ("Neil Parker", "1968-05-02"))):
        parties.append(
            {"party_id": f"PM{k}", "source": "bank-a", "name": name, "birth_date": born, "country": "GB"}
        )
        accounts.append(
            {"account_id": f"M{k}", "source": "bank-a", "party_id": f"PM{k}", "kind": "bank", "country": "GB"}
        )
        rows += [
            payment(
                f"M{k}{d}{g}",
                f"2026-03-{d:02d}T23:{10 * k:02d}:00Z",
                60,
                f"M{k}",
                f"G{g}",
                reference="school",
            )
            for d in range(2, 28, 3)
            for g in (1, 2)
        ]
    write_table(folder, "parties", parties)
    write_table(folder, "accounts", accounts)
    write_table(folder, "transactions", rows)
    hits = detect(folder)
    assert len(hits["FIN_SHARED_BENEFICIARY"]) == 2


@pytest.mark.parametrize("domestic_buyers", [0, 40])
def test_a_p2p_desk_paid_mostly_at_home_is_no_extortionist(tmp_path: Path, domestic_buyers: int) -> None:
    """Three young people abroad each pay a Philippine wallet twice within a day. Alone, they are
    likely sextortion victims. When the wallet is a crypto P2P desk that 40 people at home pay
    too, the three are its customers."""
    from .typology_contract import detect

    folder = tmp_path / f"desk{domestic_buyers}"
    foreign = [f"F{k}" for k in range(3)]
    local = [f"L{k}" for k in range(domestic_buyers)]
    write_table(
        folder,
        "parties",
        [
            *(
                {
                    "party_id": f"P{a}",
                    "source": "bank-a",
                    "name": n,
                    "birth_date": "2006-02-01",
                    "country": "US",
                }
                for a, n in zip(foreign, ("Kyle Brooks", "Ethan Price", "Ryan Hughes"), strict=True)
            ),
            {"party_id": "PD", "source": "wallet-ph", "name": "Paolo Reyes", "country": "PH"},
        ],
    )
    write_table(
        folder,
        "accounts",
        [
            *(
                {"account_id": a, "source": "bank-a", "party_id": f"P{a}", "kind": "bank", "country": "US"}
                for a in foreign
            ),
            *({"account_id": a, "source": "wallet-ph", "kind": "ewallet", "country": "PH"} for a in local),
            {
                "account_id": "DESK",
                "source": "wallet-ph",
                "party_id": "PD",
                "kind": "ewallet",
                "country": "PH",
            },
        ],
    )
    rows = [
        payment(
            f"X{k}{j}",
            f"2026-04-{2 + 5 * k:02d}T{3 + 4 * j:02d}:00:00Z",
            150 + 100 * j,
            a,
            "DESK",
            channel="ewallet",
        )
        for k, a in enumerate(foreign)
        for j in range(2)
    ]
    rows += [
        payment(
            f"D{k}", f"2026-04-{1 + k % 28:02d}T05:00:00Z", 9000, a, "DESK", currency="PHP", channel="ewallet"
        )
        for k, a in enumerate(local)
    ]
    write_table(folder, "transactions", rows)
    write_table(folder, "fx_rates", [{"currency": "PHP", "date": "2026-04-01", "usd_per_unit": 0.0175}])
    victims = {e: h for e, h in detect(folder).get("FIN_SEXTORTION_VICTIM", {}).items() if h.role == "victim"}
    if domestic_buyers:
        assert victims == {}
    else:
        assert len(victims) == 3 and all(h.weight >= 0.6 for h in victims.values())


@pytest.mark.parametrize(("usd", "large"), [(190, False), (210, True)])
def test_payments_above_the_published_band_weigh_less(tmp_path: Path, usd: int, large: bool) -> None:
    """A payer whose median payment is above US$200 (AMLC: 81% of session payments are US$20-200)
    is more like a romance-scam victim or a relative than a paying viewer: x0.6."""
    from .typology_contract import detect

    folder = _one_payer_two_wallets(tmp_path / f"band{usd}", usd)
    hit = next(iter(detect(folder)["FIN_CONSUMER_REMITTER"].values()))
    assert ("large amounts x0.6" in hit.components) is large
    assert f"median US${usd}" in hit.evidence


@pytest.mark.parametrize(("days_apart", "rare"), [(45, True), (20, False), (14, False)])
def test_a_payer_paying_once_a_month_or_rarer_weighs_less(
    tmp_path: Path, days_apart: int, rare: bool
) -> None:
    """Six payments at night, six weeks apart (0.8 a month over 225 days), are the rhythm of a
    family's support, not of paid sessions ("frequent, low-value": AUSTRAC 2019): x0.8, said in the
    components. Twenty days apart (1.8 a month) is not; nor are six payments two weeks apart, over
    70 days, too short a time to call a rhythm (`rare_min_span_days` 90)."""
    from .typology_contract import detect

    folder = _one_payer_two_wallets(tmp_path / f"gap{days_apart}", 60, days_apart=days_apart)
    hit = next(iter(detect(folder)["FIN_CONSUMER_REMITTER"].values()))
    assert ("once a month or rarer x0.8" in hit.components) is rare
    if rare:
        assert hit.components == (
            "4+ corridor payments 0.15; 2 unrelated beneficiaries 0.25; night-time 0.35; small amounts 0.15; "
            "once a month or rarer x0.8"
        )
        assert "; median US$60; 0.8 a month" in hit.evidence
        assert hit.weight == pytest.approx(0.8 * (1 - 0.85 * 0.75 * 0.65 * 0.85))


@pytest.mark.parametrize(("trip", "backed"), [(True, False), (True, True), (False, False)])
def test_a_traveller_paying_people_he_met_there_weighs_less(tmp_path: Path, trip: bool, backed: bool) -> None:
    """A British man stays at a hotel in the Philippines in February and, home again, pays three
    people there at night in March: he met them there, and no other payer pays them, so his weight
    is halved (a traveller paying a guide, a host, a friend). Without the trip he keeps it; and so he
    does where another payer, on his own evidence, pays one of them (a household others pay)."""
    from .typology_contract import detect

    rows = [payment(f"T{d}", f"2026-03-{d:02d}T23:30:00Z", 40, "AG", f"AR{d % 3}") for d in range(3, 9)]
    if trip:
        rows += _hotel_nights("2026-02", range(1, 6))
    if backed:
        rows += [payment(f"B{d}", f"2026-03-{d:02d}T23:45:00Z", 35, "AH", "AR0") for d in range(3, 9)]
    b = _traveller_world(tmp_path / "w", rows, other_payer=True)
    hit = detect(b)["FIN_CONSUMER_REMITTER"]["E:G1"]
    met = trip and not backed
    assert hit.weight == pytest.approx(0.789 * (0.5 if met else 1), abs=0.001)
    assert ("met them there, no other payer pays them x0.5" in hit.components) == met
    if met:
        assert hit.evidence.endswith(
            "3 of 3 beneficiaries first paid after he had been in PH in person (from 2026-02-01), "
            "and no other payer pays them."
        )


DENSE = ["03-03T22:00", "03-03T23:30", "03-04T00:30", "03-04T22:30", "03-04T23:30", "03-05T00:30"]


@pytest.mark.parametrize(("dense", "backed"), [(True, ""), (True, "payer"), (True, "visitor"), (False, "")])
def test_a_visitor_seen_only_by_the_receiving_side_weighs_less(
    tmp_path: Path, dense: bool, backed: str
) -> None:
    """No trip in the bundle (a receiving institution's view), but the British man began paying the
    three people in the Philippines amid six payments in 27 hours, at night at home: a visitor paying
    the people he is with, and no other payer pays them, so his weight is halved. Spread over
    weeks, the same payments keep his weight (a payer's payments begin rare), and so does a man
    one of whose payees another payer, on his own evidence, pays; unless that payer began paying
    it densely too (two visitors paying the guide they both met). `dense_start_payments` 0: off."""
    from .typology_contract import detect

    if dense:
        times = DENSE
    else:
        times = ["03-03T22:00", "03-10T23:30", "03-17T00:30", "03-24T22:30", "03-31T23:30", "04-07T00:30"]
    rows = [payment(f"T{i}", f"2026-{t}:00Z", 40, "AG", f"AR{i % 3}") for i, t in enumerate(times)]
    if backed == "payer":
        rows += [payment(f"B{d}", f"2026-03-{d:02d}T23:45:00Z", 35, "AH", "AR0") for d in range(3, 9)]
    if backed == "visitor":
        rows += [payment(f"B{i}", f"2026-{t}:00Z", 35, "AH", "AR0") for i, t in enumerate(DENSE)]
    b = _traveller_world(tmp_path / "w", rows, other_payer=True)
    found = detect(b)["FIN_CONSUMER_REMITTER"]
    hit = found["E:G1"]
    if backed:
        # the other man is a payer on his own evidence (a visitor too: his weight halved likewise)
        other = found["E:H1"]
        assert other.weight * (2 if backed == "visitor" else 1) >= 0.6
        assert ("met them there" in other.components) == (backed == "visitor")
    doc = load_pack().doc
    typologies = {
        **doc["typologies"],
        "FIN_CONSUMER_REMITTER": {**doc["typologies"]["FIN_CONSUMER_REMITTER"], "dense_start_payments": 0},
    }
    off = detect(b, Pack({**doc, "typologies": typologies}, "test"))["FIN_CONSUMER_REMITTER"]["E:G1"]
    assert off.weight >= 0.6 and "met them there" not in off.components
    met = dense and backed != "payer"
    assert hit.weight == pytest.approx(off.weight * (0.5 if met else 1), abs=0.001)
    assert ("met them there, no other payer pays them x0.5" in hit.components) == met
    if met:
        assert hit.evidence.endswith(
            "3 of 3 beneficiaries first paid amid 4 or more of his payments abroad within 48 hours, "
            "as a visitor pays people he is with, and no other payer pays them"
            + (" but 1 other who met them there too." if backed else ".")
        )


def test_a_visitor_met_some_there_and_began_paying_another_densely(tmp_path: Path) -> None:
    """The British man paid one person in the Philippines four times in a night in January, stayed
    at a hotel there in February and paid two more in March: one begun densely, two after the stay;
    the evidence says both."""
    from .typology_contract import detect

    rows = [payment(f"J{h}", f"2026-01-10T{20 + h}:30:00Z", 40, "AG", "AR0") for h in range(4)]
    rows += [payment(f"T{d}", f"2026-03-{d:02d}T23:30:00Z", 40, "AG", f"AR{1 + d % 2}") for d in range(3, 9)]
    rows += _hotel_nights("2026-02", range(1, 6))
    hit = detect(_traveller_world(tmp_path / "w", rows))["FIN_CONSUMER_REMITTER"]["E:G1"]
    assert "met them there, no other payer pays them x0.5" in hit.components
    assert hit.evidence.endswith(
        "3 of 3 beneficiaries first paid after he had been in PH in person (from 2026-02-01) or amid 4 or "
        "more of his payments abroad within 48 hours, and no other payer pays them."
    )


@pytest.mark.parametrize(("payees", "payer"), [(20, False), (12, True)])
def test_a_sender_paying_twenty_people_abroad_pays_out(tmp_path: Path, payees: int, payer: bool) -> None:
    """A man in Germany pays people in the Philippines twice each, at night, small sums: to twenty
    different people he pays out (a P2P trader settling with sellers, a payroll), and his payments
    are no payer's pattern; to twelve, he keeps it (no offender payer on the worlds tuned on paid
    more than eleven)."""
    from .typology_contract import detect

    b = tmp_path / "w"
    write_table(
        b,
        "parties",
        [
            {"party_id": "T1", "source": "bank-a", "name": "Jonas Weber", "country": "DE"},
            *(
                {"party_id": f"R{k}", "source": "remit-x", "name": f"Ana Reyes{k}", "country": "PH"}
                for k in range(payees)
            ),
        ],
    )
    write_table(
        b,
        "accounts",
        [
            {"account_id": "AT", "source": "bank-a", "party_id": "T1", "kind": "bank", "country": "DE"},
            *(
                {
                    "account_id": f"AR{k}",
                    "source": "remit-x",
                    "party_id": f"R{k}",
                    "kind": "ewallet",
                    "country": "PH",
                }
                for k in range(payees)
            ),
        ],
    )
    # one new payee every third day (no dense start: he is no visitor)
    start = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)
    rows = [
        payment(
            f"T{k}{j}",
            (start + timedelta(days=3 * k, hours=j)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            45 + j,
            "AT",
            f"AR{k}",
        )
        for k in range(payees)
        for j in range(2)
    ]
    write_table(b, "transactions", rows)
    hit = detect(b).get("FIN_CONSUMER_REMITTER", {}).get("E:T1")
    if payer:
        assert hit is not None and hit.weight >= 0.6, hit
        assert hit.evidence.startswith(
            f"Sent {2 * payees} small payments (US$1,092) from DE to {payees} beneficiaries"
        )
    else:
        assert hit is None


@pytest.mark.parametrize(
    ("country", "n", "urgent"),
    [("US", 2, False), ("PH", 2, True), ("US", 3, True)],
)
def test_a_minors_two_payments_outside_the_alerts_countries_make_no_p1_alone(
    tmp_path: Path, country: str, n: int, urgent: bool
) -> None:
    """A boy of 15 in Britain pays someone new abroad within hours, twice, rising. To the United
    States (no sextortion alert names it), to no one others paid so, nothing but his youth and the
    timing says sextortion (a game item, a friend abroad): he stays a likely victim, his case P2.
    To the Philippines, or three times, his case is P1."""
    parties = [
        {
            "party_id": "V1",
            "source": "bank-a",
            "name": "Sam Taylor",
            "birth_date": "2011-01-05",
            "country": "GB",
        },
        {
            "party_id": "X1",
            "source": "wallet-x",
            "name": "Ade Bello",
            "birth_date": "1990-01-01",
            "country": country,
        },
    ]
    accounts = [
        ("AV", "bank-a", "V1", "bank", "GB", "2025-01-10T00:00:00Z"),
        ("AX", "wallet-x", "X1", "ewallet", country, "2025-01-01T00:00:00Z"),
    ]
    txns = [
        payment(f"S{k}", f"2026-03-01T{18 + k:02d}:00:00Z", 30 + 20 * k, "AV", "AX", channel="ewallet")
        for k in range(n)
    ]
    cases, members, ind = _run(tmp_path, _bundle(tmp_path, parties, accounts, txns))
    (victim,) = [r for r in ind if r["role"] == "victim"]
    assert float(victim["weight"]) >= 0.6
    youth = (
        "youth and timing only: a minor's two payments abroad outside the alerts' countries, "
        "to no one others paid so x1.0"
    )
    assert (youth in victim["components"]) == (not urgent)
    (case,) = [c for c in cases if c["case_id"] == victim["case_id"]]
    assert case["priority"] == ("P1" if urgent else "P2")


@pytest.mark.parametrize(
    ("references", "victim"),
    [
        (("", "", ""), True),
        (("pizza", "", ""), True),
        (("pizza", "tickets", "owe u"), False),
        (("pizza", "tickets", ""), False),
    ],
)
def test_a_burst_naming_an_everyday_shared_cost_is_friends_settling_up(
    tmp_path: Path, references: tuple[str, str, str], victim: bool
) -> None:
    """A 15-year-old in the US pays a new friend in Australia three times within hours, more each
    time: a likely sextortion victim (0.77) and his friend a collector, unless at least half the
    payments name an everyday shared cost ("pizza", "tickets", "owe u": `lists.shared_cost_words`),
    which weighs the burst at half (0.38): friends settling up, and the friend no collector."""
    from .typology_contract import detect

    parties = [
        {
            "party_id": "T1",
            "source": "app-p",
            "name": "Kai Ellis",
            "birth_date": "2011-01-15",
            "country": "US",
        },
        {
            "party_id": "F1",
            "source": "app-p",
            "name": "Noah Grant",
            "birth_date": "1995-04-02",
            "country": "AU",
        },
    ]
    accounts = [
        ("AT", "app-p", "T1", "ewallet", "US", "2025-06-01T00:00:00Z"),
        ("AF", "app-p", "F1", "ewallet", "AU", "2024-01-01T00:00:00Z"),
    ]
    txns = [
        payment(
            f"P{i}", f"2026-03-01T{18 + 2 * i:02d}:00:00Z", usd, "AT", "AF", channel="ewallet", reference=ref
        )
        for i, (usd, ref) in enumerate(zip((20, 35, 60), references, strict=True))
    ]
    found = detect(_bundle(tmp_path, parties, accounts, txns))["FIN_SEXTORTION_VICTIM"]
    h = found["E:T1"]
    assert h.role == "victim"
    if victim:
        assert h.weight == pytest.approx(1 - 0.75 * 0.85 * 0.85 * 0.6 * 0.8 * 0.9)
        assert "everyday shared cost" not in h.components
        assert found["E:F1"].role == "facilitator"
    else:
        assert h.weight == pytest.approx((1 - 0.75 * 0.85 * 0.85 * 0.6 * 0.8 * 0.9) * 0.5)
        n = sum(1 for r in references if r)
        assert h.components.endswith(f"; {n} of its 3 payments name an everyday shared cost x0.5")
        assert "E:F1" not in found
