"""Case coherence (evaluate) on hand-made outputs, and case-id stability with 20% more data on a
small simulated world."""

from __future__ import annotations

from pathlib import Path

from tanglaw.evaluate import case_coherence


def test_case_coherence_counts_pairs_of_offender_accounts() -> None:
    persons = [
        {"person_id": "a", "role": "payer", "network_id": "N1"},
        {"person_id": "b", "role": "facilitator", "network_id": "N1"},
        {"person_id": "c", "role": "payer", "network_id": "N1"},
        {"person_id": "d", "role": "facilitator", "network_id": "N2"},
        {"person_id": "v", "role": "victim", "network_id": "S1"},  # not an offender: left out
        {"person_id": "x", "role": "", "network_id": ""},  # legitimate: left out
    ]
    accounts = [{"account_id": k.upper(), "person_id": k} for k in "abcdvx"] + [
        {"account_id": "B2", "person_id": "b"}
    ]
    members = [
        {"case_id": "K1", "account_id": "A"},
        {"case_id": "K1", "account_id": "B"},
        {"case_id": "K1", "account_id": "D"},  # N2 glued into K1
        {"case_id": "K1", "account_id": "V"},
        {"case_id": "K1", "account_id": "X"},
        {"case_id": "K2", "account_id": "C"},  # N1 split
        {"case_id": "K2", "account_id": "B2"},
    ]
    k = case_coherence(members, persons, accounts)
    # same case: A-B, A-D, B-D (K1), B2-C (K2) = 4, of which A-B and B2-C are one network
    # same network (N1): A, B, B2, C -> 6 pairs, of which A-B and B2-C share a case
    assert (k.accounts, k.same_case_pairs, k.same_network_pairs, k.both) == (5, 4, 6, 2)
    assert (k.precision, k.recall) == (0.5, 0.3333)


def test_ids_and_notes_survive_20_percent_more_data(tmp_path: Path) -> None:
    from tanglaw.casebook.stability import stability
    from tanglaw.simulate import SimulationConfig, simulate_world

    simulate_world(
        tmp_path / "w", SimulationConfig(seed=11, customers=3_000, payer_rate=0.004), progress=False
    )
    f = stability(tmp_path / "w" / "bundle", tmp_path / "s")
    assert f["cases_first"] and f["notes_kept"] == f["notes_added"] == f["cases_first"]
    assert float(f["ids_kept_pct_of_continuing"]) >= 95.0, f
