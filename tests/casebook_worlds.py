"""Hand-built bundles of payer → facilitator networks, for the case-book and network tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .conftest import payment, write_table

#: payer country → (currency, a UTC time that is night there)
NIGHT = {
    "US": ("USD", "04:30:00Z"),
    "GB": ("GBP", "23:30:00Z"),
    "AU": ("AUD", "12:00:00Z"),
    # money passed on inside a household in the Philippines
    "PH": ("PHP", "04:00:00Z"),
}


def trio(payer_prefix: str, facilitator: str) -> list[tuple[str, str, str]]:
    """Three payers (US, GB, AU) paying one facilitator in PH."""
    return [(f"{payer_prefix}{i}", facilitator, c) for i, c in enumerate(("US", "GB", "AU"))]


def build(
    folder: Path,
    links: Sequence[tuple[str, str, str]],
    *,
    month: str = "03",
    extra_parties: Sequence[dict[str, Any]] = (),
    extra_accounts: Sequence[dict[str, Any]] = (),
) -> Path:
    """`links`: (payer, receiver, payer country); each payer pays each of its receivers six times
    at night in `month` of 2026. Everyone has a party record and one remittance account."""
    people: dict[str, str] = {}
    for p, f, c in links:
        people.setdefault(p, c)
        people.setdefault(f, "PH")
    extra = {a["account_id"] for a in extra_accounts}
    parties = [
        {
            "party_id": f"P-{who}",
            "source": "bank-a",
            "name": f"Person {who}",
            "country": c,
            "email": f"{who.lower()}@example.com",
        }
        for who, c in sorted(people.items())
        if who not in extra
    ] + list(extra_parties)
    accounts = [
        {"account_id": who, "source": "bank-a", "party_id": f"P-{who}", "kind": "remittance", "country": c}
        for who, c in sorted(people.items())
        if who not in extra
    ] + list(extra_accounts)
    rows = []
    for p, f, c in links:
        cur, t = NIGHT[c]
        for d in range(2, 26, 4):
            rows.append(
                payment(f"T-{p}-{f}-{month}-{d}", f"2026-{month}-{d:02d}T{t}", 60, p, f, currency=cur)
            )
    write_table(folder, "parties", parties, ["party_id", "source", "kind", "name", "country", "email"])
    write_table(folder, "accounts", accounts)
    write_table(folder, "transactions", rows)
    return folder
