"""Every table a stage writes in the workspace, named and documented in one place.

Stages read only tables named here (or contract input tables) and write only their own; a test
checks that a run creates exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageTable:
    name: str
    stage: str
    meaning: str


STAGE_TABLES: tuple[StageTable, ...] = (
    StageTable("run_info", "run", "one row per fact about the run: versions, bundle, pack, notes"),
    StageTable("fx", "prepare", "USD per unit of each currency used (from fx_rates or the built-in table)"),
    StageTable("all_accounts", "prepare", "every account named anywhere, with kind, country and owner"),
    StageTable(
        "country_offsets", "prepare", "a representative UTC offset per country, to read times as local"
    ),
    StageTable("payments", "prepare", "transactions with USD amounts, countries and the sender's local hour"),
    StageTable("identity_links", "resolve", "pairs of party records joined by a shared identifier"),
    StageTable("party_entities", "resolve", "party_id → entity_id: the person behind each party record"),
    StageTable(
        "account_entities", "resolve", "account_id → entity_id (an unowned account is its own entity)"
    ),
    StageTable("entity_names", "resolve", "per entity: names, surnames, countries, number of records"),
    StageTable(
        "cross_border_payments", "detect", "person-to-person cross-border payments, each counted once"
    ),
    StageTable("corridor_payments", "detect", "small person-to-person payments into high-risk countries"),
    StageTable("payer_features", "detect", "per sending entity: cross-border payment features"),
    StageTable("receiver_features", "detect", "per receiving entity: incoming cross-border payment features"),
    StageTable(
        "payment_bursts",
        "detect",
        "sender → new foreign beneficiary pairs whose payments all fall in one burst",
    ),
    StageTable(
        "crypto_payments",
        "detect",
        "crypto payments between entities, with the exposure of the receiving address",
    ),
    StageTable(
        "session_pairs",
        "detect",
        "per host and viewer: private cross-border sessions, and those next to payments",
    ),
    StageTable("hits", "detect", "one row per indicator hit: code, entity, weight, evidence, record ids"),
    StageTable("shadow_hits", "detect", "hits of typologies in shadow mode: reported apart, never in cases"),
    StageTable("entity_scores", "score", "per entity and role: combined score and whether it is flagged"),
    StageTable("network_members", "link", "entity → network for flagged entities, cut on payment links"),
    StageTable("case_table", "score", "one row per case, ranked"),
    StageTable("case_member_table", "score", "case members per account, with role and score"),
    StageTable("indicator_table", "score", "indicators per case, as exported (tips add TIP_LINKED rows)"),
    StageTable(
        "tip_links", "tips", "one row per tip and account it names, with the case and how they were joined"
    ),
    StageTable(
        "tip_scores", "tips", "per tip: actionability (report quality), what it lacks, its cases and group"
    ),
)

TABLE_NAMES = tuple(t.name for t in STAGE_TABLES)
