"""Export: the contract's output files (cases, case members, indicators) and the HTML report."""

from __future__ import annotations

from pathlib import Path

from ...csvsafe import copy_csv
from ...engine.core import Engine
from ...safepath import inside

TS = "strftime({c}, '%Y-%m-%dT%H:%M:%SZ')"

#: output file → SELECT over the score tables; contract columns first, extras after
OUTPUT_QUERIES: dict[str, str] = {
    "cases.csv": f"""
        SELECT case_id, rank, priority, score, title, typologies,
               {TS.format(c="first_seen")} AS first_seen, {TS.format(c="last_seen")} AS last_seen,
               n_parties, n_accounts, total_amount_usd, priority_reason, n_payers, n_facilitators, n_victims,
               priority_reasons, actionability, actionability_reasons, n_shared_payers, n_bridges,
               bridge_accounts, household_victims, {TS.format(c="last_activity")} AS last_activity,
               l.status, l.assignee, l.n_notes, lineage, related_cases, network_shape
        FROM case_table LEFT JOIN case_lifecycle l USING (case_id) ORDER BY rank
    """,
    "case_members.csv": """
        SELECT m.case_id, m.account_id, m.party_id, m.role, m.score, m.entity_id
        FROM case_member_table m JOIN case_table c USING (case_id)
        ORDER BY c.rank, m.role, m.score DESC, m.account_id
    """,
    "indicators.csv": """
        SELECT indicator_id, code, case_id, account_id, party_id, weight, evidence, record_ids,
               components, role, entity_id
        FROM indicator_table ORDER BY rank, entity_id, weight DESC, code, indicator_id, account_id
    """,
    "tips.csv": """
        SELECT s.report_id, s.score AS actionability, s.case_ids, s.group_id, s.group_size, s.missing,
               (SELECT string_agg(DISTINCT l.account_id || ' (' || l.joined_on || ')', '; ')
                FROM tip_links l WHERE l.report_id = s.report_id) AS accounts
        FROM tip_scores s ORDER BY s.case_ids IS NULL, s.score DESC, s.report_id
    """,
    "entities.csv": """
        SELECT entity_id, party_id FROM party_entities ORDER BY entity_id, party_id
    """,
    "shadow_indicators.csv": """
        SELECT 'SHD-' || upper(substr(md5(h.code || '|' || h.role || '|' || h.entity_id), 1, 10)) AS indicator_id,
               h.code, h.role, h.entity_id, h.weight,
               (SELECT min(account_id) FROM account_entities a WHERE a.entity_id = h.entity_id) AS account_id,
               h.evidence, array_to_string(h.record_ids, ';') AS record_ids, h.components,
               (SELECT min(c.case_id) FROM case_member_table c WHERE c.entity_id = h.entity_id) AS live_case_id
        FROM shadow_hits h ORDER BY h.code, h.weight DESC, h.entity_id, h.role
    """,
}


def write_outputs(engine: Engine, out_dir: Path, staging: Path) -> list[Path]:
    """Write every output file into `staging`; the caller moves them into `out_dir`."""
    staging.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sql in OUTPUT_QUERIES.items():
        target = inside(staging, name)  # fixed names; checked like every write (tanglaw.safepath)
        written.append(copy_csv(engine, sql, target, stage="export"))  # text cells neutralised
    return written
