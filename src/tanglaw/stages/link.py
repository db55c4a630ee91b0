"""Link: cut the flagged entities into networks along the payments between them.

Hubs (an entity with more distinct counterparties than `link.max_counterparties`, such as a
remittance agent or a merchant) never join two networks.
"""

from __future__ import annotations

from ..engine import Engine
from ..graph import components_table
from ..pack import Pack

STAGE = "link"


def _score_sql(pack: Pack) -> str:
    """Noisy-or of the indicator weights, or the user's calibrated logistic model when enabled."""
    cal = pack["scoring"]["calibration"]
    if not cal["enabled"]:
        return "1 - product(1 - weight)"
    terms = " + ".join(
        f"{float(c)} * coalesce(max(weight) FILTER (WHERE code = '{code}'), 0)"
        for code, c in cal["coefficients"].items()
    )
    return f"1 / (1 + exp(-({float(cal['intercept'])}{' + ' + terms if terms else ''})))"


def score_entities(engine: Engine, pack: Pack) -> None:
    s = pack["scoring"]
    engine.execute(
        f"""
        CREATE TABLE entity_scores AS
        WITH by_role AS (
            SELECT entity_id, role, {_score_sql(pack)} AS score, count(*) AS n_hits,
                   list(DISTINCT code ORDER BY code) AS codes
            FROM hits GROUP BY entity_id, role
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY entity_id ORDER BY score DESC, role) AS pick
            FROM by_role
        )
        SELECT entity_id, role, score, n_hits, codes,
               score >= CASE role WHEN 'payer' THEN {s["payer_threshold"]}
                                  ELSE {s["facilitator_threshold"]} END AS flagged,
               pick = 1 AS main_role
        FROM ranked
        """,
        stage=STAGE,
    )


def run(engine: Engine, pack: Pack) -> None:
    score_entities(engine, pack)
    hub = int(pack["link"]["max_counterparties"])
    engine.execute(
        f"""
        CREATE TEMP TABLE __flagged AS
        SELECT entity_id FROM entity_scores WHERE flagged AND main_role;
        CREATE TEMP TABLE __edges AS
        WITH degree AS (
            SELECT ent, count(DISTINCT other) AS d FROM (
                SELECT s_ent AS ent, r_ent AS other FROM corridor_payments
                UNION ALL SELECT r_ent, s_ent FROM corridor_payments
                UNION ALL SELECT s_ent, r_ent FROM payment_bursts
                UNION ALL SELECT r_ent, s_ent FROM payment_bursts) GROUP BY ent
        )
        SELECT DISTINCT c.s_ent AS a, c.r_ent AS b
        FROM (SELECT s_ent, r_ent FROM corridor_payments
              UNION ALL SELECT s_ent, r_ent FROM payment_bursts WHERE NOT via_merchant
              UNION ALL SELECT s_ent, r_ent FROM crypto_payments
              UNION ALL SELECT v_ent, h_ent FROM session_pairs) c
        JOIN __flagged fa ON fa.entity_id = c.s_ent
        JOIN __flagged fb ON fb.entity_id = c.r_ent
        LEFT JOIN degree da ON da.ent = c.s_ent
        LEFT JOIN degree db ON db.ent = c.r_ent
        WHERE coalesce(da.d, 0) <= {hub} AND coalesce(db.d, 0) <= {hub}
        """,
        stage=STAGE,
    )
    components_table(
        engine, "SELECT entity_id FROM __flagged", "SELECT a, b FROM __edges", "__net", stage=STAGE
    )
    engine.execute(
        """
        CREATE TABLE network_members AS
        SELECT n.node AS entity_id, n.component AS network_id, s.role, s.score
        FROM __net n JOIN entity_scores s ON s.entity_id = n.node AND s.main_role;
        DROP TABLE __net; DROP TABLE __edges; DROP TABLE __flagged;
        """,
        stage=STAGE,
    )
