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
    StageTable(
        "payments",
        "prepare",
        "transactions with USD amounts, countries and the sender's local hour (in memory during the run, a view after it)",
    ),
    StageTable(
        "er_records", "resolve", "per party record: the normalised name, birth date, phone, email and id"
    ),
    StageTable(
        "identity_links", "resolve", "pairs of party records of one kind sharing a non-hub phone, email or id"
    ),
    StageTable(
        "er_pairs",
        "resolve",
        "merged pairs of party records: match probability, weight per comparison, why merged",
    ),
    StageTable(
        "er_refused",
        "resolve",
        "pairs of party records scored as one person but left apart: joining them would put two "
        "different birth dates in one entity (the two dates)",
    ),
    StageTable("er_model", "resolve", "the entity-resolution model in use (Splink JSON), origin, threshold"),
    StageTable(
        "platform_links",
        "resolve",
        "accounts sharing a non-hub device or IP in sessions, or named together in a report "
        "(joined into entities only with resolve.platform_links)",
    ),
    StageTable("party_entities", "resolve", "party_id → entity_id: the person behind each party record"),
    StageTable(
        "account_entities", "resolve", "account_id → entity_id (an unowned account is its own entity)"
    ),
    StageTable("entity_names", "resolve", "per entity: names, surnames, countries, number of records"),
    StageTable(
        "cross_border_payments", "detect", "person-to-person cross-border payments, each counted once"
    ),
    StageTable(
        "first_visits",
        "detect",
        "per person and country: the first time the person paid in person there (a hotel, a meal, cash)",
    ),
    StageTable(
        "mass_payers",
        "detect",
        "payers of many people abroad (payouts, grants, payroll): institutions, not persons",
    ),
    StageTable("corridor_payments", "detect", "small person-to-person payments into high-risk countries"),
    StageTable(
        "receiver_profiles",
        "detect",
        "per receiving entity: its senders as a whole (one-off buyers, order and game-item references, fans' words, a romance scam's pretexts, regulars, ages, payouts) and which look-alike it is, if any",
    ),
    StageTable(
        "receiver_households",
        "detect",
        "per receiving entity: its household (receivers tied by a phone number, a device or money passed on, and paid by a sender in common), counted together by two-sided evidence",
    ),
    StageTable("payer_features", "detect", "per sending entity: cross-border payment features"),
    StageTable("receiver_features", "detect", "per receiving entity: incoming cross-border payment features"),
    StageTable(
        "burst_collectors",
        "detect",
        "receivers that several people each paid in one short burst, mostly rising, and never again",
    ),
    StageTable(
        "payment_bursts",
        "detect",
        "sender → new beneficiary pairs whose payments all fall in one burst (abroad, or at home to a collector)",
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
    StageTable(
        "session_payment_links",
        "detect",
        "viewer/host pairs whose private sessions are repeatedly followed by payments between two other entities",
    ),
    StageTable(
        "banned_links",
        "detect",
        "per account: private contact with, or a device or IP shared with, an account banned for CSEA",
    ),
    StageTable(
        "media_matches",
        "detect",
        "media items whose PDQ hash matches a hash bank named in the pack (media.bank_files)",
    ),
    StageTable(
        "message_signals",
        "detect",
        "chat messages whose text scores for a category (payment arrangement, grooming, …), with a snippet",
    ),
    StageTable("hits", "detect", "one row per indicator hit: code, entity, weight, evidence, record ids"),
    StageTable("shadow_hits", "detect", "hits of typologies in shadow mode: reported apart, never in cases"),
    StageTable("entity_scores", "score", "per entity and role: combined score and whether it is flagged"),
    StageTable(
        "network_members",
        "link",
        "entity → household case (network_id) for flagged entities and joiners; a payer is in every household it pays",
    ),
    StageTable(
        "network_edges", "link", "the links between flagged entities that made each network (hubs left out)"
    ),
    StageTable(
        "network_facts", "link", "per network: payers shared between facilitators, bridges (cut entities)"
    ),
    StageTable("case_ids", "cases", "network → case id from the case book (kept, split from, merged from)"),
    StageTable("case_table", "score", "one row per case, ranked"),
    StageTable("case_member_table", "score", "case members per account, with role and score"),
    StageTable(
        "case_lifecycle", "cases", "per case as the run left the case book: status, assignee, notes, times"
    ),
    StageTable("indicator_table", "score", "indicators per case, as exported (tips add TIP_LINKED rows)"),
    StageTable(
        "case_payments", "score", "per case, the payments its indicators cite (read by a case's readers)"
    ),
    StageTable(
        "tip_links", "tips", "one row per tip and account it names, with the case and how they were joined"
    ),
    StageTable(
        "tip_scores", "tips", "per tip: actionability (report quality), what it lacks, its cases and group"
    ),
)

TABLE_NAMES = tuple(t.name for t in STAGE_TABLES)
