"""Shared helpers: write tiny hand-built bundles and run the CLI."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tanglaw.cli import app


def write_table(
    folder: Path, name: str, rows: Sequence[dict[str, Any]], fields: Sequence[str] | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    if fields is None:
        fields = list(dict.fromkeys(k for r in rows for k in r))
    fields = list(fields)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow(r)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def payment(txn_id: str, ts: str, amount: float, sender: str, receiver: str, **kw: Any) -> dict[str, Any]:
    row = {
        "txn_id": txn_id,
        "source": kw.pop("source", "remit-x"),
        "timestamp": ts,
        "amount": amount,
        "currency": kw.pop("currency", "USD"),
        "sender_account_id": sender,
        "receiver_account_id": receiver,
        "channel": kw.pop("channel", "remittance"),
        "reference": kw.pop("reference", ""),
    }
    row.update(kw)
    return row


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def network_bundle(tmp_path: Path) -> Path:
    """Three payers abroad paying one facilitator in PH at night; a diaspora family pair as look-alike."""
    b = tmp_path / "bundle"
    write_table(
        b,
        "parties",
        [
            {
                "party_id": "P1",
                "source": "bank-a",
                "name": "John Smith",
                "country": "US",
                "phone": "+1 202 555 0101",
                "email": "john@example.com",
            },
            {
                "party_id": "P2",
                "source": "remit-x",
                "name": "J. Smith",
                "country": "US",
                "phone": "(202) 555-0101",
                "email": "",
            },
            {
                "party_id": "P3",
                "source": "remit-x",
                "name": "Maria Santos",
                "country": "PH",
                "phone": "+63 917 000 0001",
                "email": "",
            },
            {
                "party_id": "P5",
                "source": "bank-a",
                "name": "Bob Jones",
                "country": "GB",
                "phone": "",
                "email": "bob@example.com",
            },
            {
                "party_id": "P6",
                "source": "bank-a",
                "name": "Carl Brown",
                "country": "AU",
                "phone": "",
                "email": "carl@example.com",
            },
            {
                "party_id": "P7",
                "source": "bank-a",
                "name": "Rosa Dizon",
                "country": "US",
                "phone": "+1 202 555 0177",
                "email": "",
            },
            {
                "party_id": "P8",
                "source": "remit-x",
                "name": "Lito Dizon",
                "country": "PH",
                "phone": "+63 917 000 0077",
                "email": "",
            },
        ],
    )
    write_table(
        b,
        "accounts",
        [
            {"account_id": a, "source": s, "party_id": p, "kind": k, "country": c}
            for a, s, p, k, c in [
                ("A1", "bank-a", "P1", "bank", "US"),
                ("A2", "remit-x", "P2", "remittance", "US"),
                ("B1", "remit-x", "P3", "remittance", "PH"),
                ("A5", "bank-a", "P5", "bank", "GB"),
                ("A6", "bank-a", "P6", "bank", "AU"),
                ("A7", "bank-a", "P7", "bank", "US"),
                ("B8", "remit-x", "P8", "remittance", "PH"),
            ]
        ],
    )
    rows = []
    n = 0

    def add(
        ts: str, amt: float, cur: str, s: str, r: str, ref: str = "", channel: str = "remittance"
    ) -> None:
        nonlocal n
        n += 1
        rows.append(payment(f"T{n}", ts, amt, s, r, currency=cur, reference=ref, channel=channel))

    for d in range(1, 25, 3):  # John, two accounts, 04:30Z = 22:30 in the US (UTC-6)
        add(f"2026-03-{d:02d}T04:30:00Z", 50, "USD", "A1" if d % 2 else "A2", "B1", "school fees")
    for d in range(2, 20, 4):  # Bob, 23:30 in London
        add(f"2026-03-{d:02d}T23:30:00Z", 40, "GBP", "A5", "B1", "gift")
    for d in range(3, 25, 4):  # Carl, 22:00 in Sydney
        add(f"2026-03-{d:02d}T12:00:00Z", 100, "AUD", "A6", "B1")
    add("2026-03-26T08:00:00+08:00", 300, "PHP", "B1", "AGENT1", channel="cash_pickup")
    for m in range(1, 13):  # Rosa: monthly family support to her brother, daytime
        add(f"2025-{m:02d}-05T17:00:00Z", 150, "USD", "A7", "B8", "family support")
    write_table(b, "transactions", rows)
    return b
