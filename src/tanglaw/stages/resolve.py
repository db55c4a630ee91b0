"""Resolve: party records → entities (people), by shared phone, email or id number.

Deterministic for now: two party records are one entity when they share a normalised phone,
email or id number that no more than `resolve.max_parties_per_identifier` records share (more is
a hub: an office line, a shared mailbox). Probabilistic resolution (Splink) replaces this later.
"""

from __future__ import annotations

from ..engine import Engine
from ..graph import components_table
from ..pack import Pack

STAGE = "resolve"


def run(engine: Engine, pack: Pack) -> None:
    cfg = pack["resolve"]
    digits = int(cfg["phone_digits"])
    engine.execute(
        f"""
        CREATE TABLE identity_links AS
        WITH ids AS (
            SELECT party_id, 'phone' AS kind,
                   right(regexp_replace(phone, '[^0-9]', '', 'g'), {digits}) AS value
            FROM parties WHERE length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 7
            UNION ALL
            SELECT party_id, 'email', lower(trim(email)) FROM parties WHERE email LIKE '%_@_%'
            UNION ALL
            SELECT party_id, 'id_number', upper(regexp_replace(id_number, '[^0-9A-Za-z]', '', 'g'))
            FROM parties WHERE length(regexp_replace(id_number, '[^0-9A-Za-z]', '', 'g')) >= 4
        ), shared AS (
            SELECT kind, value, list(DISTINCT party_id ORDER BY party_id) AS members
            FROM ids GROUP BY kind, value
            HAVING count(DISTINCT party_id) BETWEEN 2 AND {int(cfg["max_parties_per_identifier"])}
        )
        SELECT members[1] AS party_a, unnest(members[2:]) AS party_b, kind, value FROM shared
        """,
        stage=STAGE,
    )
    components_table(
        engine,
        "SELECT party_id FROM parties",
        "SELECT party_a, party_b FROM identity_links",
        "__party_comp",
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TABLE party_entities AS
        SELECT node AS party_id, 'E:' || component AS entity_id FROM __party_comp;
        DROP TABLE __party_comp;
        CREATE TEMP TABLE __acc AS
        SELECT a.account_id, coalesce(pe.entity_id, 'A:' || a.account_id) AS entity_id, a.party_id
        FROM all_accounts a LEFT JOIN party_entities pe ON pe.party_id = a.party_id;
        """,
        stage=STAGE,
    )
    # common-input clustering: crypto addresses spent together in one on-chain transaction are
    # held by one person (or wallet); their entities are joined
    n_edges = components_table(
        engine,
        "SELECT DISTINCT entity_id FROM __acc",
        """
        WITH co AS (
            SELECT chain_txn, list(DISTINCT sender_account_id ORDER BY sender_account_id) AS inputs
            FROM transactions WHERE chain_txn IS NOT NULL GROUP BY chain_txn HAVING count(DISTINCT sender_account_id) > 1
        ), pairs AS (SELECT inputs[1] AS a, unnest(inputs[2:]) AS b FROM co)
        SELECT ea.entity_id AS a, eb.entity_id AS b
        FROM pairs JOIN __acc ea ON ea.account_id = pairs.a JOIN __acc eb ON eb.account_id = pairs.b
        WHERE ea.entity_id <> eb.entity_id
        """,
        "__ent_comp",
        stage=STAGE,
    )
    if n_edges:
        # a cluster that holds a resolved person keeps that person's id
        engine.execute(
            """
            CREATE TEMP TABLE __relabel AS
            SELECT node, coalesce(min(node) FILTER (WHERE node LIKE 'E:%') OVER (PARTITION BY component),
                                  component) AS entity_id
            FROM __ent_comp;
            UPDATE __acc SET entity_id = r.entity_id FROM __relabel r WHERE r.node = __acc.entity_id;
            UPDATE party_entities SET entity_id = r.entity_id FROM __relabel r WHERE r.node = party_entities.entity_id;
            DROP TABLE __relabel;
            """,
            stage=STAGE,
        )
    engine.execute(
        "DROP TABLE __ent_comp; CREATE TABLE account_entities AS SELECT * FROM __acc; DROP TABLE __acc",
        stage=STAGE,
    )
    particles = ", ".join("'" + w.replace("'", "''") + "'" for w in pack["names"]["particles"])
    engine.execute(
        f"""
        CREATE TABLE entity_names AS
        WITH names AS (
            SELECT pe.entity_id, p.name, p.country, p.kind,
                   -- "LAST, First M." puts the family name first; otherwise the first token is the
                   -- given name and the rest are middle (often the mother's family) and family names
                   CASE WHEN p.name LIKE '%,%'
                        THEN string_split(split_part(p.name, ',', 1), ' ')
                        ELSE string_split(trim(p.name), ' ')[2:] END AS family_tokens
            FROM party_entities pe JOIN parties p USING (party_id)
        ), tokens AS (
            SELECT entity_id, lower(regexp_replace(t, '[^[:alpha:]]', '', 'g')) AS surname
            FROM (SELECT entity_id, unnest(family_tokens) AS t FROM names)
        ), surnames AS (
            SELECT entity_id, list(DISTINCT surname ORDER BY surname) AS surnames FROM tokens
            WHERE length(surname) >= 3 AND surname NOT IN ({particles}) GROUP BY entity_id
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
