"""Resolve: party records → entities (people and organisations).

Party records are normalised (`resolution.normalise`), scored in pairs by Splink with the model in
use (the shipped default, or one trained with `tanglaw entities train` and kept beside the
outputs as `er-model.json`), and joined transitively into entities. Two records are one entity
when Splink's match probability reaches `resolve.cluster_threshold`, or when they share a
non-hub phone, email or id number and neither their names nor their birth dates disagree (a
shared identifier stays strong evidence). An identifier shared by more than
`resolve.max_parties_per_identifier` records is a hub and never evidence; an organisation never
merges with a person. `resolve.method = "exact"` keeps only the shared-identifier links.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from ...engine.core import Engine
from ...engine.graph import components_table
from ...pack import Pack
from .cluster import constrained_components
from .link import MW_PREFIX, merge_condition, score_pairs
from .model import default_model
from .normalise import build_records, family_tokens_sql, surname_kept_sql, surname_sql

STAGE = "resolve"
#: Splink is asked for pairs down to this probability, so that shared-identifier pairs are seen
FLOOR = 0.001


def run(
    engine: Engine,
    pack: Pack,
    *,
    model: dict[str, Any] | None = None,
    model_origin: str = "built-in",
    threads: int | None = None,
) -> None:
    cfg = pack["resolve"]
    build_records(engine, pack, stage=STAGE)
    engine.execute(
        """
        CREATE TABLE identity_links AS
        WITH ids AS (
            SELECT party_id, is_org, 'phone' AS kind, phone AS value FROM er_records WHERE phone IS NOT NULL
            UNION ALL
            SELECT party_id, is_org, 'email', email FROM er_records WHERE email IS NOT NULL
            UNION ALL
            SELECT party_id, is_org, 'id_number', id_number FROM er_records WHERE id_number IS NOT NULL
        ), shared AS (
            SELECT kind, value, is_org, list(DISTINCT party_id ORDER BY party_id) AS members
            FROM ids GROUP BY kind, value, is_org HAVING count(DISTINCT party_id) >= 2
        )
        SELECT members[1] AS party_a, unnest(members[2:]) AS party_b, kind, value FROM shared
        """,
        stage=STAGE,
    )
    threshold = float(cfg["cluster_threshold"])
    if cfg["method"] == "splink":
        model = model or default_model()
        records = engine.arrow("SELECT * FROM er_records ORDER BY party_id", stage=STAGE)
        pairs = score_pairs(records, model, FLOOR, threads=threads, validate=model_origin != "built-in")
        engine.register_arrow("__resolve__er_scored", pairs)
        names = [c["output_column_name"] for c in model["splink"]["comparisons"]]
        engine.execute(
            f"""
            CREATE TABLE er_pairs AS
            SELECT party_a, party_b, match_probability, match_weight,
                   {", ".join(MW_PREFIX + n for n in names)}, match_key,
                   match_probability >= {threshold} AS by_probability,
                   NOT (match_probability >= {threshold}) AND {merge_condition(threshold)} AS by_identifier
            FROM __resolve__er_scored WHERE {merge_condition(threshold)};
            DROP TABLE __resolve__er_scored;
            """,
            stage=STAGE,
        )
    else:
        model_origin = "none (resolve.method = exact)"
        engine.execute(
            """
            CREATE TABLE er_pairs AS
            SELECT DISTINCT party_a, party_b, 1.0 AS match_probability, NULL::DOUBLE AS match_weight,
                   NULL::VARCHAR AS match_key, false AS by_probability, true AS by_identifier
            FROM identity_links
            """,
            stage=STAGE,
        )
    engine.execute("CREATE TABLE er_model (key VARCHAR, value VARCHAR)", stage=STAGE)
    for k, v in (
        ("method", str(cfg["method"])),
        ("origin", model_origin),
        ("cluster_threshold", str(threshold)),
        ("model", json.dumps(model) if cfg["method"] == "splink" else ""),
    ):
        engine.execute("INSERT INTO er_model VALUES (?, ?)", [k, v], stage=STAGE)
    _entities_from_pairs(engine)
    engine.execute(
        """
        CREATE TABLE party_entities AS
        SELECT p.party_id, 'E:' || coalesce(c.component, p.party_id) AS entity_id
        FROM (SELECT DISTINCT party_id FROM parties) p LEFT JOIN __resolve__party_comp c ON c.node = p.party_id;
        DROP TABLE __resolve__party_comp;
        CREATE TEMP TABLE __resolve__acc AS
        SELECT a.account_id, coalesce(pe.entity_id, 'A:' || a.account_id) AS entity_id, a.party_id
        FROM all_accounts a LEFT JOIN party_entities pe ON pe.party_id = a.party_id;
        """,
        stage=STAGE,
    )
    _platform_links(engine, pack)
    platform = "UNION ALL SELECT account_a, account_b FROM platform_links" if cfg["platform_links"] else ""
    # common-input clustering: crypto addresses spent together in one on-chain transaction are
    # held by one person (or wallet); their entities are joined. With `resolve.platform_links`,
    # so are accounts joined by a platform link.
    n_edges = components_table(
        engine,
        "SELECT DISTINCT entity_id FROM __resolve__acc",
        f"""
        WITH co AS (
            SELECT chain_txn, list(DISTINCT sender_account_id ORDER BY sender_account_id) AS inputs
            FROM transactions WHERE chain_txn IS NOT NULL GROUP BY chain_txn HAVING count(DISTINCT sender_account_id) > 1
        ), pairs AS (SELECT inputs[1] AS a, unnest(inputs[2:]) AS b FROM co {platform})
        SELECT ea.entity_id AS a, eb.entity_id AS b
        FROM pairs JOIN __resolve__acc ea ON ea.account_id = pairs.a JOIN __resolve__acc eb ON eb.account_id = pairs.b
        WHERE ea.entity_id <> eb.entity_id
        """,
        "__resolve__ent_comp",
        stage=STAGE,
    )
    if n_edges:
        # a cluster that holds a resolved person keeps that person's id
        engine.execute(
            """
            CREATE TEMP TABLE __resolve__relabel AS
            SELECT node, coalesce(min(node) FILTER (WHERE node LIKE 'E:%') OVER (PARTITION BY component),
                                  component) AS entity_id
            FROM __resolve__ent_comp;
            UPDATE __resolve__acc SET entity_id = r.entity_id FROM __resolve__relabel r WHERE r.node = __resolve__acc.entity_id;
            UPDATE party_entities SET entity_id = r.entity_id FROM __resolve__relabel r WHERE r.node = party_entities.entity_id;
            DROP TABLE __resolve__relabel;
            """,
            stage=STAGE,
        )
    engine.execute(
        "DROP TABLE __resolve__ent_comp; CREATE TABLE account_entities AS SELECT * FROM __resolve__acc; DROP TABLE __resolve__acc",
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE entity_names AS
        WITH names AS (
            SELECT pe.entity_id, p.name, p.country, p.kind, {family_tokens_sql("p.name")} AS family_tokens
            FROM party_entities pe JOIN parties p USING (party_id)
        ), tokens AS (
            SELECT entity_id, {surname_sql("t")} AS surname
            FROM (SELECT entity_id, unnest(family_tokens) AS t FROM names)
        ), surnames AS (
            SELECT entity_id, list(DISTINCT surname ORDER BY surname) AS surnames FROM tokens
            WHERE {surname_kept_sql("surname", pack)} GROUP BY entity_id
        )
        SELECT n.entity_id,
               list(DISTINCT n.name ORDER BY n.name) FILTER (WHERE n.name IS NOT NULL) AS names,
               coalesce(any_value(s.surnames), []) AS surnames,
               list(DISTINCT n.country ORDER BY n.country) FILTER (WHERE n.country IS NOT NULL) AS countries,
               coalesce(bool_or(n.kind = 'organization'), false) AS is_organization,
               count(*) AS n_records
        FROM names n LEFT JOIN surnames s USING (entity_id)
        GROUP BY n.entity_id
        """,
        stage=STAGE,
    )


def _entities_from_pairs(engine: Engine) -> None:
    """`__resolve__party_comp(node, component)` for the records in a merged pair, joined strongest
    first, refusing a pair that would put two different birth dates in one entity (`cluster`); the
    refused pairs leave `er_pairs` for `er_refused`, with the two birth dates."""
    pairs = engine.rows(
        """
        SELECT party_a, party_b, match_probability FROM er_pairs
        ORDER BY match_probability DESC, match_weight DESC NULLS LAST, party_a, party_b
        """,
        stage=STAGE,
    )
    dates = dict(
        engine.rows(
            """
            SELECT party_id, TRY_CAST(birth_date AS DATE) FROM er_records
            WHERE TRY_CAST(birth_date AS DATE) IS NOT NULL
              AND party_id IN (SELECT party_a FROM er_pairs UNION SELECT party_b FROM er_pairs)
            """,
            stage=STAGE,
        )
    )
    labels, refused = constrained_components([(str(a), str(b)) for a, b, _ in pairs], dates)
    engine.register_arrow(
        "__resolve__party_comp",
        pa.table(
            {
                "node": pa.array(list(labels), pa.string()),
                "component": pa.array(list(labels.values()), pa.string()),
            }
        ),
    )
    engine.register_arrow(
        "er_refused",
        pa.table(
            {
                "party_a": pa.array([pairs[i][0] for i, _, _ in refused], pa.string()),
                "party_b": pa.array([pairs[i][1] for i, _, _ in refused], pa.string()),
                "match_probability": pa.array([float(pairs[i][2]) for i, _, _ in refused], pa.float64()),
                "birth_date_a": pa.array([x for _, x, _ in refused], pa.date32()),
                "birth_date_b": pa.array([y for _, _, y in refused], pa.date32()),
            }
        ),
    )
    engine.execute(
        """
        DELETE FROM er_pairs WHERE EXISTS (
            SELECT 1 FROM er_refused r WHERE r.party_a = er_pairs.party_a AND r.party_b = er_pairs.party_b
        )
        """,
        stage=STAGE,
    )


def _platform_links(engine: Engine, pack: Pack) -> None:
    """`platform_links`: accounts joined by a device id or IP that sessions show for no more than
    `resolve.max_accounts_per_device` accounts (more is a hub: a shared Wi-Fi, an internet café),
    and a platform account and a payment account named together in one report."""
    cap = int(pack["resolve"]["max_accounts_per_device"])
    engine.execute(
        f"""
        CREATE TABLE platform_links AS
        WITH seen AS (
            SELECT host_account_id AS account_id, 'device' AS kind, host_device_id AS value FROM sessions
            UNION ALL SELECT viewer_account_id, 'device', viewer_device_id FROM sessions
            UNION ALL SELECT host_account_id, 'ip', host_ip FROM sessions
            UNION ALL SELECT viewer_account_id, 'ip', viewer_ip FROM sessions
        ), shared AS (
            SELECT kind, value, list(DISTINCT account_id ORDER BY account_id) AS members FROM seen
            WHERE account_id IS NOT NULL AND nullif(trim(value), '') IS NOT NULL
            GROUP BY kind, value HAVING count(DISTINCT account_id) BETWEEN 2 AND {cap}
        ), named AS (
            SELECT r.report_id, trim(a.id) AS platform_account, trim(p.id) AS payment_account
            FROM reports r,
                 LATERAL (SELECT unnest(string_split(r.account_ids, ';')) AS id) a,
                 LATERAL (SELECT unnest(string_split(r.payment_accounts, ';')) AS id) p
        )
        SELECT members[1] AS account_a, unnest(members[2:]) AS account_b, kind, value FROM shared
        UNION ALL
        SELECT DISTINCT n.platform_account, n.payment_account, 'report', n.report_id
        FROM named n
        JOIN all_accounts pa ON pa.account_id = n.platform_account AND pa.kind = 'platform'
        JOIN all_accounts qa ON qa.account_id = n.payment_account AND qa.kind <> 'platform'
        """,
        stage=STAGE,
    )
