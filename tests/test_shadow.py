"""Shadow mode and candidate typologies: scored and reported apart, never in cases; bad SQL refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tanglaw.errors import PackError
from tanglaw.pack import load_pack
from tanglaw.pipeline import run_bundle

from .conftest import invoke, read_csv

CANDIDATE = '''
[candidates.FIN_MANY_SMALL]
description = "Five or more corridor payments"
role = "payer"
query = """
  SELECT entity_id, 0.9 AS weight, 'Made ' || n_payments || ' corridor payments.' AS evidence,
         txn_ids AS record_ids
  FROM payer_features WHERE n_payments >= 5
"""
'''


def test_candidate_runs_in_shadow(tmp_path: Path, network_bundle: Path) -> None:
    pack_file = tmp_path / "p.toml"
    pack_file.write_text(CANDIDATE)
    out = tmp_path / "out"
    res = run_bundle(network_bundle, out, pack=load_pack(pack_file))
    assert res.hits["FIN_MANY_SMALL (shadow)"] == 4  # John, Bob, Carl, and Rosa's monthly support
    shadow = read_csv(out / "shadow_indicators.csv")
    assert {r["code"] for r in shadow} == {"FIN_MANY_SMALL"}
    rosa = next(r for r in shadow if r["entity_id"] == "E:P7")
    assert rosa["evidence"] == "Made 12 corridor payments." and rosa["live_case_id"] == ""
    # shadow hits change no case: the live outputs are those of a run without the candidate
    plain = tmp_path / "plain"
    run_bundle(network_bundle, plain)
    for name in ("cases.csv", "case_members.csv", "indicators.csv"):
        assert (out / name).read_text() == (plain / name).read_text()
    assert "Shadow typologies" in (out / "report.html").read_text()


def test_builtin_typology_in_shadow_mode(tmp_path: Path, network_bundle: Path) -> None:
    pack_file = tmp_path / "p.toml"
    pack_file.write_text('[typologies.FIN_FACILITATOR_COLLECTOR]\nmode = "shadow"\n')
    out = tmp_path / "out"
    run_bundle(network_bundle, out, pack=load_pack(pack_file))
    ind = read_csv(out / "indicators.csv")
    assert "FIN_FACILITATOR_COLLECTOR" not in {r["code"] for r in ind}
    assert {r["code"] for r in read_csv(out / "shadow_indicators.csv")} == {"FIN_FACILITATOR_COLLECTOR"}


@pytest.mark.parametrize(
    "query,message",
    [
        ("DELETE FROM hits", "must be a SELECT, found DELETE"),
        ("SELECT 1; SELECT 2", "must be one statement, found 2"),
        ("SELECT * FROM read_csv('/etc/hosts')", "table functions"),
        ("SELECT entity_id, 1 AS weight, '' AS evidence, [] AS record_ids FROM secrets", "reads 'secrets'"),
        ("SELECT entity_id FROM payer_features", "missing weight, evidence, record_ids"),
        ("SELEC nonsense", "must be a SELECT"),
        ("SELECT (", "not valid SQL"),
    ],
)
def test_bad_candidate_queries_are_refused(tmp_path: Path, query: str, message: str) -> None:
    p = tmp_path / "p.toml"
    p.write_text(f'[candidates.FIN_BAD]\ndescription = "x"\nrole = "payer"\nquery = """{query}"""\n')
    with pytest.raises(PackError) as e:
        load_pack(p)
    assert message in str(e.value)


@pytest.mark.parametrize(
    "text,message",
    [
        (
            '[candidates.FIN_CONSUMER_REMITTER]\ndescription="x"\nrole="payer"\nquery="SELECT 1"\n',
            "is a built-in",
        ),
        ('[candidates.lower]\ndescription="x"\nrole="payer"\nquery="SELECT 1"\n', "a code is upper-case"),
        ('[candidates.FIN_X]\ndescription="x"\nrole="boss"\nquery="SELECT 1"\n', "role: 'boss'"),
        ('[candidates.FIN_X]\ndescription="x"\nrole="payer"\n', "query is missing"),
        ('[typologies.FIN_CONSUMER_REMITTER]\nmode = "maybe"\n', "mode: 'maybe'"),
    ],
)
def test_bad_candidate_sections_are_refused(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "p.toml"
    p.write_text(text)
    with pytest.raises(PackError) as e:
        load_pack(p)
    assert message in str(e.value)


def test_explain_and_list_show_candidates(tmp_path: Path, runner) -> None:
    p = tmp_path / "p.toml"
    p.write_text(CANDIDATE)
    res = invoke(runner, "typologies", "list", "--pack", p)
    assert res.exit_code == 0 and "FIN_MANY_SMALL" in res.stdout
    res = invoke(runner, "typologies", "explain", "FIN_CONSUMER_REMITTER")
    assert res.exit_code == 0
    assert "night_share" in res.stdout and "family" in res.stdout and "0.35" in res.stdout
    res = invoke(runner, "typologies", "explain", "FIN_MANY_SMALL", "--pack", p)
    assert res.exit_code == 0 and "payer_features" in res.stdout
