"""The data contract v1 as code: one table spec that drives validation, ingest and the docs.

Every input table of a bundle and every output file of a run is declared here once. The
validator (`tanglaw.stages.ingest.validate`), the typed workspace tables and `docs/contract.md`
(`tanglaw contract --markdown`) are all derived from these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal["str", "ts", "date", "dec", "cc", "cur", "bool", "int"]

#: DuckDB type each contract type is stored as in the workspace.
DUCKDB_TYPES: dict[str, str] = {
    "str": "VARCHAR",
    "ts": "TIMESTAMPTZ",
    "date": "DATE",
    "dec": "DOUBLE",
    "cc": "VARCHAR",
    "cur": "VARCHAR",
    "bool": "BOOLEAN",
    "int": "BIGINT",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = "str"
    required: bool = False
    meaning: str = ""
    #: a value must be one of these (after lower-casing), when set
    choices: tuple[str, ...] = ()
    #: for `dec` and `int`: the smallest value allowed, and whether it is excluded
    minimum: float | None = None
    exclusive_minimum: bool = False
    maximum: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]
    #: the column whose values must be unique, if any
    key: str | None = None
    #: the first column holding a timestamp that dates the record (for "first/last seen")
    time_column: str | None = None
    extra_doc: str = field(default="")

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


C = Column

PARTIES = Table(
    "parties",
    "people and organisations as a source knows them (KYC, user profiles)",
    (
        C("party_id", required=True, meaning="unique across the bundle"),
        C("source", required=True, meaning="the organisation that holds the record, e.g. `bank-a`"),
        C("kind", choices=("person", "organization"), meaning="`person` (default) or `organization`"),
        C("name", meaning="full name as recorded (variants and typos are expected)"),
        C("birth_date", "date"),
        C("gender", choices=("f", "m", "x"), meaning="`f`, `m`, `x`"),
        C("country", "cc", meaning="country of residence"),
        C("city"),
        C("address"),
        C("phone"),
        C("email"),
        C("id_number"),
        C("created_at", "ts", meaning="when the source first knew the party"),
    ),
    key="party_id",
)

ACCOUNT_KINDS = ("bank", "remittance", "ewallet", "card", "crypto", "platform", "merchant")

ACCOUNTS = Table(
    "accounts",
    "anything that sends, receives or acts: bank and remittance accounts, e-wallets, cards, "
    "crypto addresses, platform user accounts",
    (
        C("account_id", required=True, meaning="unique across the bundle"),
        C("source", required=True),
        C("party_id", meaning="owner, if known"),
        C("kind", choices=ACCOUNT_KINDS, meaning=", ".join(f"`{k}`" for k in ACCOUNT_KINDS)),
        C("country", "cc"),
        C("username", meaning="platform accounts"),
        C("display_name", meaning="platform accounts"),
        C("opened_at", "ts"),
        C("closed_at", "ts"),
        C(
            "banned_reason",
            meaning="set when the source banned or closed it for child sexual exploitation or abuse",
        ),
    ),
    key="account_id",
)

CHANNELS = ("remittance", "bank_transfer", "ewallet", "card", "crypto", "gift_card", "cash_pickup")

TRANSACTIONS = Table(
    "transactions",
    "payments between accounts",
    (
        C("txn_id", required=True, meaning="unique across the bundle"),
        C("source", required=True),
        C("timestamp", "ts", required=True),
        C("amount", "dec", required=True, minimum=0, exclusive_minimum=True, meaning="> 0, in `currency`"),
        C("currency", "cur", required=True),
        C("sender_account_id", required=True, meaning="account_id (may be absent from `accounts`)"),
        C("receiver_account_id", required=True),
        C("channel", choices=CHANNELS, meaning=", ".join(f"`{k}`" for k in CHANNELS)),
        C("sender_country", "cc"),
        C("receiver_country", "cc"),
        C("reference", meaning="free text entered by the payer"),
        C("merchant_category", meaning="ISO 18245 MCC, for card purchases"),
        C("merchant_name"),
        C(
            "chain_txn",
            meaning="extension: the on-chain transaction a crypto payment belongs to; "
            "payments sharing one were spent together (common-input clustering)",
        ),
        C(
            "sender_name",
            meaning="extension: the originator's name as the payment message carries it (FATF "
            "Recommendation 16, the travel rule); read only for a family tie (a surname shared with "
            "the receiver), never to join people",
        ),
        C(
            "receiver_name",
            meaning="extension: the beneficiary's name as the payment message carries it; read only "
            "for a family tie",
        ),
    ),
    key="txn_id",
    time_column="timestamp",
)

SESSIONS = Table(
    "sessions",
    "live-stream and video-call sessions, one row per host and viewer pair",
    (
        C("session_id", required=True, meaning="repeated for each viewer of the same session"),
        C("source", required=True, meaning="the platform"),
        C("started_at", "ts", required=True),
        C("ended_at", "ts"),
        C("host_account_id", required=True, meaning="the account that broadcasts"),
        C("viewer_account_id"),
        C("host_country", "cc", meaning="from IP geolocation or profile"),
        C("viewer_country", "cc"),
        C("host_ip"),
        C("viewer_ip"),
        C("host_device_id"),
        C("viewer_device_id"),
        C("private", "bool", meaning="one-to-one or invite-only"),
        C("paid_amount", "dec", minimum=0, meaning="tips, tokens or fees paid in the session"),
        C("currency", "cur"),
    ),
    time_column="started_at",
)

MESSAGES = Table(
    "messages",
    "chat text where the source may lawfully share it",
    (
        C("message_id", required=True),
        C("source", required=True),
        C("sent_at", "ts", required=True),
        C("sender_account_id", required=True),
        C("recipient_account_id"),
        C("session_id"),
        C("text"),
    ),
    key="message_id",
    time_column="sent_at",
)

SIGNAL_TYPES = ("pdq", "vpdq", "md5", "sha256")

MEDIA = Table(
    "media",
    "hashes of media items; never the media itself",
    (
        C("media_id", required=True),
        C("source", required=True),
        C("seen_at", "ts", required=True),
        C("account_id", meaning="the uploader or broadcaster"),
        C("session_id", meaning="set for frames sampled from a live session"),
        C("signal_type", required=True, choices=SIGNAL_TYPES),
        C("hash", required=True, meaning="hex"),
        C("quality", "int", minimum=0, maximum=100, meaning="0–100 for pdq"),
    ),
    key="media_id",
    time_column="seen_at",
)

REPORTS = Table(
    "reports",
    "tips received from platforms, hotlines, NGOs or the public",
    (
        C("report_id", required=True),
        C("source", required=True),
        C("received_at", "ts", required=True),
        C(
            "incident_type",
            meaning="e.g. `live_streaming`, `enticement`, `sextortion`, `csam`, `trafficking`",
        ),
        C("description"),
        C("account_ids", meaning="`;`-separated account_ids the report names"),
        C("usernames", meaning="`;`-separated identifiers the report names"),
        C("emails"),
        C("phones"),
        C("ips"),
        C("payment_accounts"),
        C("urls"),
        C("country", "cc"),
    ),
    key="report_id",
    time_column="received_at",
)

FX_RATES = Table(
    "fx_rates",
    "optional exchange rates; without it a documented built-in table of approximate rates is used",
    (
        C("date", "date", required=True),
        C("currency", "cur", required=True),
        C("usd_per_unit", "dec", required=True, minimum=0, exclusive_minimum=True),
    ),
)

INPUT_TABLES: tuple[Table, ...] = (
    PARTIES,
    ACCOUNTS,
    TRANSACTIONS,
    SESSIONS,
    MESSAGES,
    MEDIA,
    REPORTS,
    FX_RATES,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in INPUT_TABLES}

#: a run needs at least one of these
ACTIVITY_TABLES = ("transactions", "sessions", "messages", "media", "reports")

#: file name endings a bundle may use, and the reader each maps to
FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".csv.gz": "csv",
    ".parquet": "parquet",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "xml",
}

#: tables that may come as XML (CyberTipline-style reports; see docs/tip-xml.md)
XML_TABLES = ("reports",)

#: the longest record a bundle file may hold (a CSV record, a JSON line), line break included
MAX_RECORD_BYTES = 16 * 2**20

# ---- outputs -----------------------------------------------------------------------------

ROLES = ("payer", "facilitator", "host", "viewer", "buyer", "seller", "victim", "other")
#: the household side of a case (who collects, streams or sells) and the paying side
#: the case book a run keeps beside its outputs (ids, status, notes across re-runs)
BOOK_FILE = "casebook.sqlite"

HOUSEHOLD_ROLES = ("facilitator", "host", "seller")
PAYER_ROLES = ("payer", "viewer", "buyer")

OUTPUT_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "cases.csv": (
        ("case_id", "stable: the same network keeps its id across re-runs and added data"),
        ("rank", "1 = look at first"),
        ("priority", "`P1` (a child at risk now) … `P4`"),
        ("score", "0–1"),
        ("title", "one line a person can read"),
        ("typologies", "`;`-separated typology codes"),
        ("first_seen", "ts"),
        ("last_seen", "ts"),
        ("n_parties", ""),
        ("n_accounts", ""),
        ("total_amount_usd", ""),
        ("priority_reason", "extension: the main reason for the priority, in words"),
        ("n_payers", "extension"),
        ("n_facilitators", "extension"),
        ("n_victims", "extension: likely sextortion victims"),
        ("priority_reasons", "extension: every reason for the priority, danger first, `; `-separated"),
        (
            "actionability",
            "extension: 0–1, how much a receiver could act on (identifiers, location); "
            "scored apart from danger, never changes the priority",
        ),
        ("actionability_reasons", "extension: the identifier kinds the case has and lacks"),
        ("n_shared_payers", "extension: payers paying two or more of the case's facilitators"),
        ("n_bridges", "extension: members whose removal would cut the case network in two"),
        ("bridge_accounts", "extension: `;`-separated accounts of those bridges"),
        ("household_victims", "extension: most victims of the case sharing one address"),
        ("last_activity", "extension: ts of the last payment or session of a member"),
        ("status", "extension: `open`, `triaged`, `referred`, `closed` (case book, as the run left it)"),
        ("assignee", "extension: who owns the case (case book)"),
        ("n_notes", "extension: analysts' notes on the case, and on cases merged into it"),
        (
            "lineage",
            "extension: `split from ID` / `merged from ID` when the network split or merged this run",
        ),
        ("related_cases", "extension: `;`-separated other cases its payers also pay"),
        (
            "network_shape",
            "extension: `household` (payers each pay several of its collectors), `several victims` or "
            "`single`; within a priority the queue ranks the first two before `single`",
        ),
    ),
    "case_members.csv": (
        ("case_id", ""),
        ("account_id", "may be empty"),
        ("party_id", "may be empty"),
        ("role", ", ".join(f"`{r}`" for r in ROLES)),
        ("score", "0–1"),
    ),
    "entities.csv": (
        (
            "entity_id",
            "the person (or organisation) behind the party records: `E:` and the smallest "
            "party_id of the entity, so the same input gives the same ids",
        ),
        ("party_id", "one row per party record; `tanglaw entities show ID` says why records were merged"),
    ),
    "indicators.csv": (
        ("indicator_id", ""),
        ("code", "typology code"),
        ("case_id", ""),
        ("account_id", ""),
        ("party_id", ""),
        ("weight", "0–1"),
        ("evidence", "a sentence a person can read, with numbers"),
        ("record_ids", "`;`-separated ids of the records that support it"),
    ),
}


def contract_markdown() -> str:
    """Render the contract as Markdown (the source of `docs/contract.md`)."""
    lines = ["# Data contract v1 (generated from `tanglaw.contract`)", ""]
    lines.append("Types: " + ", ".join(f"`{k}` → {v}" for k, v in DUCKDB_TYPES.items()) + ".")
    lines.append("**Bold** columns are required.")
    lines.append("")
    lines.append("## Input bundle")
    lines.append("")
    lines.append(
        "Each table is one file named after it, ending in "
        + ", ".join(f"`{e}`" for e in FORMATS)
        + ". A run needs at least one of "
        + ", ".join(f"`{t}`" for t in ACTIVITY_TABLES)
        + "."
    )
    lines += [
        "",
        f"A record (a CSV record, quoted line breaks and all, or a JSON line) may be up to "
        f"{MAX_RECORD_BYTES // 2**20} MB; a longer one, a NUL byte or a compressed file cut short is "
        "refused with its line, never cut or dropped, and every record of a file is loaded or the "
        "file is refused. A column the contract does not know is kept as given, with a note; one "
        "whose name is close to a column its table lacks (`reciever_country`) is refused as a "
        "misspelling, unless `tanglaw run --allow-unknown-columns`.",
    ]
    for t in INPUT_TABLES:
        lines += ["", f"### {t.name} — {t.meaning}", "", "| column | type | meaning |", "|---|---|---|"]
        for c in t.columns:
            name = f"**{c.name}**" if c.required else c.name
            lines.append(f"| {name} | {c.type} | {c.meaning} |")
        if t.key:
            lines.append("")
            lines.append(f"`{t.key}` is unique.")
    lines += ["", "## Output folder", ""]
    for fname, cols in OUTPUT_COLUMNS.items():
        lines += [f"### {fname}", "", "| column | meaning |", "|---|---|"]
        lines += [f"| {n} | {m} |" for n, m in cols]
        lines.append("")
    return "\n".join(lines)
