"""Typologies checked one at a time on tiny tables (tests/typology_contract.py), without a full run."""

from __future__ import annotations

from typing import Any

from .conftest import payment
from .typology_contract import TypologyContract


def _people(*rows: tuple[str, str, str]) -> dict[str, list[dict[str, Any]]]:
    """(id, name, country): one party record and one remittance account each (account id = id)."""
    return {
        "parties": [{"party_id": f"P-{i}", "source": "remit-x", "name": n, "country": c} for i, n, c in rows],
        "accounts": [
            {"account_id": i, "source": "remit-x", "party_id": f"P-{i}", "kind": "remittance", "country": c}
            for i, _n, c in rows
        ],
    }


class TestConsumerRemitter(TypologyContract):
    code = "FIN_CONSUMER_REMITTER"
    # eight night-time payments of US$50 from a US payer to two unrelated beneficiaries in PH;
    # a relative's monthly daytime support to a beneficiary of the same surname is no pattern
    # noisy-or of 4+ payments 0.15, 2 beneficiaries 0.25, night 0.35, small 0.15, frequent 0.25,
    # round 0 = 1 - 0.85 * 0.75 * 0.65 * 0.85 * 0.75 = 0.736
    expected = {
        "E:P-PAY": ("payer", 0.736, "Sent 8 small payments (US$400) from US to 2 beneficiaries in PH")
    }
    absent = {"E:P-FAM"}

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        t = _people(
            ("PAY", "John Smith", "US"),
            ("F1", "Ana Reyes", "PH"),
            ("F2", "Liza Cruz", "PH"),
            ("FAM", "Maria Santos", "US"),
            ("MOM", "Elena Santos", "PH"),
        )
        # 04:30 UTC is 22:30 in the US (UTC-6 in the offsets table): night in the sender's time zone
        pay = [
            payment(f"T{i}", f"2026-03-{2 + 3 * i:02d}T04:30:00Z", 50, "PAY", "F1" if i % 2 else "F2")
            for i in range(8)
        ]
        # 16:00 UTC is noon in New York
        fam = [payment(f"S{m}", f"2026-{m:02d}-01T16:00:00Z", 200, "FAM", "MOM") for m in range(1, 7)]
        return {**t, "transactions": pay + fam}


class TestSextortionVictim(TypologyContract):
    code = "FIN_SEXTORTION_VICTIM"
    # a 16-year-old's new account pays a new beneficiary abroad four times within hours
    # the victim, and the receiver of the burst (role facilitator: the extortionist's account)
    expected = {
        "E:P-TEEN": (
            "victim",
            0.821,
            "Sent 4 payments (US$300, none above US$90) to a new beneficiary in NG",
        ),
        "E:P-EXT": (
            "facilitator",
            0.657,
            "Received a burst of small payments from 1 likely sextortion victim",
        ),
    }
    absent = {"E:P-ADULT"}

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        t = _people(("TEEN", "Sam Lee", "US"), ("EXT", "Kofi Mensah", "NG"), ("ADULT", "Rob Hall", "US"))
        t["parties"][0]["birth_date"] = "2010-01-15"
        t["parties"][2]["birth_date"] = "1970-01-15"
        t["accounts"][0]["opened_at"] = "2026-02-20T00:00:00Z"
        burst = [
            payment(f"B{i}", f"2026-03-01T{20 + i}:00:00Z", 60 + 10 * i, "TEEN", "EXT", reference="")
            for i in range(4)
        ]
        # an adult's long-standing monthly payments to the same country are no burst
        adult = [payment(f"A{m}", f"2026-{m:02d}-05T15:00:00Z", 120, "ADULT", "EXT") for m in range(1, 4)]
        return {**t, "transactions": burst + adult}


def _household_world() -> dict[str, list[dict[str, Any]]]:
    """Three payers abroad (US, GB, AU) each pay one facilitator in PH eight times at their night;
    a fourth payer pays her twice in the daytime; a relative pays his own mother every month."""
    t = _people(
        ("P1", "John Smith", "US"),
        ("P2", "Mark Jones", "GB"),
        ("P3", "Lee Brown", "AU"),
        ("P4", "Tom Clark", "US"),
        ("FAC", "Ana Reyes", "PH"),
        ("REL", "Jose Garcia", "US"),
        ("MOM", "Rosa Garcia", "PH"),
    )
    night = {"P1": "04:30", "P2": "23:30", "P3": "13:30"}  # 22:30 US (UTC-6), 23:30 London, 23:30 Sydney
    rows = [
        payment(f"{p}-{i}", f"2026-03-{2 + 3 * i:02d}T{night[p]}:00Z", 50 + 5 * i, p, "FAC")
        for p in ("P1", "P2", "P3")
        for i in range(8)
    ]
    rows += [payment(f"P4-{i}", f"2026-03-{10 + i:02d}T17:00:00Z", 40, "P4", "FAC") for i in range(2)]
    rows += [payment(f"R{m}", f"2026-{m:02d}-01T16:00:00Z", 200, "REL", "MOM") for m in range(1, 7)]
    return {**t, "transactions": rows}


class TestSharedBeneficiary(TypologyContract):
    code = "FIN_SHARED_BENEFICIARY"
    # three payers with the pattern of their own make 3 of her 4 unrelated senders (75%)
    expected = {
        "E:P-FAC": ("facilitator", 0.70, "Paid by 4 unrelated senders, 3 of whom show the payer pattern"),
    }
    absent = {"E:P-MOM"}

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return _household_world()


class TestHouseholdPayer(TypologyContract):
    code = "FIN_HOUSEHOLD_PAYER"
    # the daytime payer is found through the household the three others pay: noisy-or of
    # 0.65 x 0.701 per other payer, x specificity 1.00 x carry 0.9 = 0.755; each of the three
    # gains from the two others (0.633)
    expected = {
        "E:P-P4": ("payer", 0.755, "Pays a household that 3 other payers pay on their own evidence"),
        "E:P-P1": ("payer", 0.633, "Pays a household that 2 other payers pay on their own evidence"),
    }
    absent = {"E:P-REL"}

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return _household_world()
