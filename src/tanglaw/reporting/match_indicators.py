"""Partner matches become indicators: each keyed-hash match on a case member is recorded in the
workspace as a `SHARED_SIGNAL_MATCH` indicator with its provenance, and `indicators.csv` is
written again. A match is evidence for an analyst, not danger: it carries no weight in the score.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..csvsafe import copy_csv
from ..engine.workspace import open_workspace
from ..stages.export.outputs import OUTPUT_QUERIES
from .sharing import MATCH_COLUMNS


def add_match_indicators(out_dir: Path, rows: list[dict[str, Any]]) -> int:
    """Record partner matches on case members as indicators; return how many were added."""
    if not rows:
        return 0
    engine = open_workspace(out_dir, read_only=False)
    try:
        engine.register_arrow(
            "__share__matches",
            pa.table({c: pa.array([str(r.get(c) or "") for r in rows], pa.string()) for c in MATCH_COLUMNS}),
        )
        engine.execute(
            """
            CREATE TEMP TABLE __share__new AS
            SELECT 'IND-' || upper(substr(md5('SHARE|' || m.partner || '|' || m.partner_ref || '|' || c.case_id), 1, 10))
                       AS indicator_id,
                   'SHARED_SIGNAL_MATCH' AS code, c.case_id, c.account_id, c.party_id, 0.0 AS weight,
                   printf('%s holds this %s in its own case %s (keyed-hash match; %s).', m.partner,
                          replace(m.kind, '_', ' '), m.partner_case_ref, m.provenance) AS evidence,
                   m.partner_ref AS record_ids, 'partner signal (evidence, not danger) 0.00' AS components,
                   c.role, c.entity_id, k.rank
            FROM __share__matches m
            JOIN case_member_table c ON (m.account_id <> '' AND c.account_id = m.account_id)
                                     OR (m.party_id <> '' AND c.party_id = m.party_id)
            JOIN case_table k ON k.case_id = c.case_id
            QUALIFY row_number() OVER (PARTITION BY m.partner, m.partner_ref, c.case_id ORDER BY c.account_id) = 1;
            DELETE FROM indicator_table WHERE indicator_id IN (SELECT indicator_id FROM __share__new);
            INSERT INTO indicator_table SELECT * FROM __share__new;
            DROP TABLE __share__matches;
            """,
            stage="share",
        )
        added = int(engine.scalar("SELECT count(*) FROM __share__new"))
        target = out_dir / "indicators.csv"
        tmp = out_dir / ".indicators.csv.partial"
        copy_csv(engine, OUTPUT_QUERIES["indicators.csv"], tmp, stage="share")  # text cells neutralised
        engine.execute("CHECKPOINT", stage="share")
    finally:
        engine.close()
    os.replace(tmp, target)
    return added
