"""Receiving households: the collectors of one household, joined before two-sided evidence is counted.

A den's money is collected by several people (a mother and her partner, an aunt, a wallet opened
under a relative's name), each paid by some of its payers. Two-sided evidence
(`FIN_SHARED_BENEFICIARY`, `FIN_HOUSEHOLD_PAYER`) counts the payers of the household, not of each
collector: two collectors each paid by one strong payer (and both by some other sender) are one
household paid by two.

Receivers (entities paid in the corridor, look-alikes aside) are joined along what only one
household shares, the ties the link stage cuts households along (`link`):

* a phone number on the records of a few people in one country (`link.max_phone_sharers`);
* a device that sessions show for no more than a few accounts (`link.device_links`);
* money passed on domestically, again and again (`link.household_min_payments`), between two
  people neither of whom has more than `link.household_max_counterparties` domestic
  counterparties (a cash agent or a shop joins nobody).

A shared address is not among them here (it is in `link`, between people flagged already): pooled
for two-sided evidence it made 4 more false facilitators on world K seed 53 (facilitator precision
0.60 -> 0.56) for 1 more found on N seed 81.

Within a group of people tied that way, two receivers are collectors of one household only when
an unrelated sender pays both: a den's payers rotate over its accounts, while neighbours and
relatives who pass money on to each other are each paid by people of their own (measured on world K
seed 53: without this, 59 ordinary people and 28 family recipients became facilitators).

Non-persons (`link.hub_account_kinds`, `link.hub_party_kinds`) join nobody. A group of more than
`link.household_max_receivers` receivers is no household (a chain of neighbours, a shared
phone shop): each of its receivers stays a household of its own. Writes
`receiver_households(entity_id, household_id, n_collectors, ties, ties_words, n_unrelated)`:
`household_id` is the smallest entity id of its receivers, `ties` the kinds of tie that joined it
("phone", "device", "transfers") and `ties_words` the same in words, empty for a household of one,
and `n_unrelated` the household's unrelated senders (each counted once, a relative of any of its
collectors none; for a household of one, the receiver's own, as in `receiver_profiles`).
"""

from __future__ import annotations

from ...engine.core import Engine
from ...engine.graph import components_table
from ...engine.sqltext import literal_list as sql_list
from ...pack import Pack

STAGE = "detect"

#: the words of each kind of tie, for the evidence
TIE_WORDS = {"phone": "a shared phone number", "device": "a shared device", "transfers": "money passed on"}


def _shared_value_pairs_sql(column: str, hub_flag: str | None, max_sharers: int) -> str:
    """SQL: pairs of entities (`a` < `b`) whose party records give the same value of `column` (not
    flagged a hub value by `hub_flag`, not an organisation's), shared by no more than `max_sharers`
    entities, in one country (below 2: none)."""
    hub = f"AND NOT coalesce(r.{hub_flag}, false)" if hub_flag else ""
    return f"""
        WITH p AS (
            SELECT DISTINCT pe.entity_id, r.{column} AS v, r.country FROM er_records r JOIN party_entities pe USING (party_id)
            WHERE r.{column} IS NOT NULL AND r.{column} <> '' {hub} AND NOT coalesce(r.is_org, false)
        ), few AS (
            SELECT v FROM p GROUP BY v HAVING count(*) BETWEEN 2 AND {int(max_sharers)}
        )
        SELECT DISTINCT a.entity_id AS a, b.entity_id AS b FROM p a JOIN p b USING (v)
        WHERE a.v IN (SELECT v FROM few) AND a.entity_id < b.entity_id
          AND a.country IS NOT DISTINCT FROM b.country
    """


def phone_pairs_sql(pack: Pack) -> str:
    """SQL: pairs of entities (`a` < `b`) whose party records give the same phone number (not a
    hub number, not an organisation's), shared by no more than `link.max_phone_sharers` entities,
    in one country (a household; below 2: none)."""
    return _shared_value_pairs_sql("phone", "phone_is_hub", int(pack["link"]["max_phone_sharers"]))


def address_pairs_sql(pack: Pack) -> str:
    """SQL: pairs of entities (`a` < `b`) whose party records give the same address (as entity
    resolution normalises it), shared by no more than `link.max_address_sharers` entities, in one
    country: people living together (below 2: none)."""
    return _shared_value_pairs_sql("address", None, int(pack["link"]["max_address_sharers"]))


def device_union_sql(pack: Pack) -> str:
    """SQL to append to a union of entity pairs (`a`, `b`, kind): pairs whose platform accounts
    share a device that sessions show for no more than `resolve.max_accounts_per_device` accounts,
    kind 'device'; empty when `link.device_links` is off."""
    if not pack["link"]["device_links"]:
        return ""
    return """UNION ALL SELECT ea.entity_id, eb.entity_id, 'device' FROM platform_links l
           JOIN account_entities ea ON ea.account_id = l.account_a
           JOIN account_entities eb ON eb.account_id = l.account_b
           WHERE l.kind = 'device'"""


def not_person_sql(pack: Pack) -> str:
    """SQL: the entities that are not people (an account or party record of a hub kind)."""
    kinds = sql_list(pack["link"]["hub_account_kinds"])
    party_kinds = sql_list(pack["link"]["hub_party_kinds"])
    return f"""
        SELECT DISTINCT ae.entity_id FROM account_entities ae JOIN all_accounts a USING (account_id)
        WHERE a.kind IN ({kinds}) OR a.party_kind IN ({party_kinds})
    """


def build_receiver_households(engine: Engine, pack: Pack) -> None:
    link = pack["link"]
    words = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in TIE_WORDS.items())
    devices = device_union_sql(pack)
    engine.execute(
        f"""
        CREATE TEMP TABLE __households__receivers AS
        SELECT DISTINCT r_ent AS entity_id FROM corridor_payments
        WHERE r_ent NOT IN (SELECT entity_id FROM receiver_profiles WHERE lookalike);
        CREATE TEMP TABLE __households__not_person AS {not_person_sql(pack)};
        CREATE TEMP TABLE __households__domestic AS
        -- domestic person-to-person transfers touching a receiver, per pair of entities
        SELECT se.entity_id AS a, re.entity_id AS b, count(*) AS n FROM payments p
        JOIN account_entities se ON se.account_id = p.s_acc
        JOIN account_entities re ON re.account_id = p.r_acc
        WHERE p.s_country = p.r_country AND NOT p.is_purchase AND NOT p.is_business_sender
          AND se.entity_id <> re.entity_id
          AND (se.entity_id IN (SELECT entity_id FROM __households__receivers)
               OR re.entity_id IN (SELECT entity_id FROM __households__receivers))
        GROUP BY ALL;
        CREATE TEMP TABLE __households__edges AS
        WITH busy AS (
            -- a cash agent, a shop: more domestic counterparties than a household has
            SELECT ent FROM (SELECT a AS ent, b AS other FROM __households__domestic
                             UNION SELECT b, a FROM __households__domestic)
            GROUP BY ent HAVING count(*) > {int(link["household_max_counterparties"])}
        ), e AS (
            SELECT a, b, 'phone' AS kind FROM ({phone_pairs_sql(pack)})
            {devices}
            UNION ALL SELECT a, b, 'transfers' FROM __households__domestic
            WHERE n >= {int(link["household_min_payments"])}
              AND a NOT IN (SELECT ent FROM busy) AND b NOT IN (SELECT ent FROM busy)
        )
        SELECT DISTINCT a, b, kind FROM e
        WHERE a <> b AND a NOT IN (SELECT entity_id FROM __households__not_person)
          AND b NOT IN (SELECT entity_id FROM __households__not_person)
          -- a look-alike receiver (a shop, a performer) is no collector of anyone's household
          AND a NOT IN (SELECT entity_id FROM receiver_profiles WHERE lookalike)
          AND b NOT IN (SELECT entity_id FROM receiver_profiles WHERE lookalike);
        """,
        stage=STAGE,
    )
    components_table(
        engine,
        "SELECT entity_id FROM __households__receivers UNION SELECT a FROM __households__edges "
        "UNION SELECT b FROM __households__edges",
        "SELECT a, b FROM __households__edges",
        "__households__tied",
        stage=STAGE,
    )
    # within each group of tied people, two receivers are one household's collectors only when an
    # unrelated sender pays both (a den's payers rotate over its accounts): neighbours and relatives
    # who pass money on to each other, each paid by people of their own, are no household
    engine.execute(
        """
        CREATE TEMP TABLE __households__shared AS
        WITH s AS (
            SELECT c.r_ent, c.s_ent, t.component FROM corridor_payments c
            JOIN __households__receivers r ON r.entity_id = c.r_ent
            JOIN __households__tied t ON t.node = c.r_ent
            GROUP BY c.r_ent, c.s_ent, t.component HAVING NOT bool_or(c.family)
        )
        SELECT DISTINCT a.r_ent AS a, b.r_ent AS b, a.component FROM s a
        JOIN s b ON b.s_ent = a.s_ent AND b.component = a.component AND a.r_ent < b.r_ent
        """,
        stage=STAGE,
    )
    components_table(
        engine,
        "SELECT entity_id FROM __households__receivers",
        "SELECT a, b FROM __households__shared",
        "__households__components",
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE receiver_households AS
        WITH c AS (
            SELECT r.entity_id, c.component, t.component AS tied FROM __households__receivers r
            JOIN __households__components c ON c.node = r.entity_id
            JOIN __households__tied t ON t.node = r.entity_id
        ), sizes AS (
            SELECT component, count(*) AS n, min(entity_id) AS first FROM c GROUP BY component
        ), ties AS (
            -- the kinds of tie of its collectors, in the group of tied people they are in (a tie may
            -- run through someone who receives nothing from abroad: a phone number on three records)
            SELECT c.component, list(DISTINCT e.kind ORDER BY e.kind) AS ties,
                   string_agg(DISTINCT CASE e.kind {words} END, ', ' ORDER BY CASE e.kind {words} END) AS ties_words
            FROM __households__edges e
            JOIN __households__tied ta ON ta.node = e.a
            JOIN c ON c.tied = ta.component AND (c.entity_id = e.a OR c.entity_id = e.b)
            GROUP BY c.component
        ), pooled AS (
            -- too many receivers in one household is no household: each stays alone
            SELECT c.entity_id, s.n <= {int(link["household_max_receivers"])} AS pooled, s.first, s.n, t.ties,
                   t.ties_words
            FROM c JOIN sizes s USING (component) LEFT JOIN ties t USING (component)
        ), households AS (
            SELECT entity_id,
                   CASE WHEN pooled THEN first ELSE entity_id END AS household_id,
                   CASE WHEN pooled THEN n ELSE 1 END AS n_collectors,
                   CASE WHEN pooled AND n > 1 THEN ties ELSE []::VARCHAR[] END AS ties,
                   CASE WHEN pooled AND n > 1 THEN ties_words ELSE '' END AS ties_words
            FROM pooled
        ), unrelated AS (
            -- a household of several collectors: its unrelated senders, a sender counted once
            -- however many of its collectors it pays, and a relative of any of them none
            SELECT household_id, count(*) FILTER (WHERE NOT family) AS n_unrelated FROM (
                SELECT h.household_id, c.s_ent, bool_or(c.family) AS family
                FROM corridor_payments c JOIN households h ON h.entity_id = c.r_ent
                WHERE h.n_collectors > 1
                GROUP BY h.household_id, c.s_ent)
            GROUP BY household_id
        )
        -- a household of one: the receiver's own (`receiver_profiles`, counted so already)
        SELECT h.*, coalesce(u.n_unrelated, rp.n_unrelated) AS n_unrelated
        FROM households h LEFT JOIN unrelated u USING (household_id)
        JOIN receiver_profiles rp USING (entity_id);
        DROP TABLE __households__receivers;
        DROP TABLE __households__not_person;
        DROP TABLE __households__domestic;
        DROP TABLE __households__edges;
        DROP TABLE __households__tied;
        DROP TABLE __households__shared;
        DROP TABLE __households__components;
        """,
        stage=STAGE,
    )
