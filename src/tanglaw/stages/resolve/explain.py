"""Why records were merged: each merge edge of an entity, in words.

The comparison levels of the model in use (kept in the workspace table `er_model`) are evaluated
again on the two records of each merged pair (`er_pairs`), so the words name exactly the levels
Splink scored, with the values that met them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ...engine.core import Engine
from ...engine.sqltext import literal
from .model import COLUMNS
from .normalise import pairs_list


@dataclass
class Edge:
    party_a: str
    party_b: str
    probability: float
    reasons: list[str]
    by_identifier: bool
    by_probability: bool

    def sentence(self) -> str:
        words = "; ".join(self.reasons) if self.reasons else "no comparison agreed"
        how = f"match probability {self.probability:.3f}"
        if self.by_identifier and not self.by_probability:
            how += " (merged on the shared identifier: neither names nor birth dates disagree)"
        return f"{words}; {how}"


@dataclass
class EntityView:
    entity_id: str
    records: list[dict[str, Any]] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    #: pairs scored as one person but left apart (`er_refused`), as sentences
    refused: list[str] = field(default_factory=list)


def find_entity(engine: Engine, ident: str) -> str | None:
    """The entity id for an entity id or a party id, or None."""
    row = engine.rows(
        "SELECT entity_id FROM party_entities WHERE entity_id = ? OR party_id = ? LIMIT 1", [ident, ident]
    )
    return str(row[0][0]) if row else None


def _levels(model: dict[str, Any]) -> list[tuple[str, str]]:
    """(comparison name, SQL CASE yielding the level label) per comparison."""
    out = []
    for comp in model["splink"]["comparisons"]:
        whens = []
        for level in comp["comparison_levels"]:
            label = literal(str(level["label_for_charts"]))
            cond = level["sql_condition"]
            if cond.strip().upper() == "ELSE":
                whens.append(f"ELSE {label}")
            else:
                whens.append(f"WHEN {cond} THEN {label}")
        out.append((comp["output_column_name"], "CASE " + " ".join(whens) + " END"))
    return out


def _nickname_note(name: str | None, nicknames: dict[str, str]) -> list[str]:
    notes = []
    for raw in re.split(r"[\s,]+", name or ""):
        key = re.sub(r"[.'`’]", "", raw).lower()
        if key in nicknames and raw:
            notes.append(f"reading '{raw}' as '{nicknames[key].title()}'")
    return notes


def _reason(comp: str, label: str, a: dict[str, Any], b: dict[str, Any], nick: dict[str, str]) -> str | None:
    if label.endswith("missing"):
        return None
    if comp == "name":
        notes = _nickname_note(a["name"], nick) + _nickname_note(b["name"], nick)
        text = f"names '{a['name']}' and '{b['name']}': {label}"
        if a["name"] and b["name"] and "," in (a["name"] + b["name"]):
            notes.append("reading 'LAST, First' as 'First LAST'")
        return text + (" after " + ", ".join(notes) if notes else "")
    if comp == "birth_date":
        if a["birth_date"] == b["birth_date"]:
            return f"same birth date {a['birth_date']}"
        return f"{label} ({a['birth_date']} / {b['birth_date']})"
    if comp == "phone":
        if label.startswith("same"):
            return f"phones agree on the last {len(str(a['phone']))} digits ({a['phone']})"
        return "phones differ"
    if comp == "location":
        if label == "same address":
            return f"same address '{a['address']}'"
        if label == "same city":
            return f"same city {a['city']} ({a['country'] or 'country missing'})"
        if label.startswith("same country"):
            return f"{label} ({a['country']})"
        return f"{label} ({a['country']} / {b['country']})"
    if comp in ("email", "id_number"):
        what = comp.replace("_", " ")
        if label.startswith("same") and a[comp] == b[comp]:
            return f"same {what} {a[comp]}"
        return label
    return label


def describe(engine: Engine, entity_id: str, nicknames: list[str]) -> EntityView:
    view = EntityView(entity_id)
    cols = [
        "party_id",
        "source",
        "kind",
        "name",
        "birth_date",
        "country",
        "city",
        "phone",
        "email",
        "id_number",
    ]
    rows = engine.rows(
        f"""
        SELECT {", ".join("p." + c for c in cols)}
        FROM party_entities pe JOIN parties p USING (party_id)
        WHERE pe.entity_id = ? ORDER BY p.party_id
        """,
        [entity_id],
    )
    view.records = [dict(zip(cols, r, strict=True)) for r in rows]
    ncols = ["party_id", "name", "birth_date", "country", "city", "address", "phone", "email", "id_number"]
    by_id = {
        r[0]: dict(zip(ncols, r, strict=True))
        for r in engine.rows(
            f"""
            SELECT {", ".join("r." + c for c in ncols)} FROM party_entities pe JOIN er_records r USING (party_id)
            WHERE pe.entity_id = ?
            """,
            [entity_id],
        )
    }
    view.accounts = [
        (str(a), str(k or ""), str(s or ""))
        for a, k, s in engine.rows(
            """
            SELECT ae.account_id, aa.kind, aa.source FROM account_entities ae
            LEFT JOIN all_accounts aa USING (account_id) WHERE ae.entity_id = ? ORDER BY ae.account_id
            """,
            [entity_id],
        )
    ]
    if engine.table_exists("er_refused"):
        view.refused = [
            f"{a} + {b} (match probability {float(p):.3f}): joining them would put birth dates {x} and {y} "
            "in one entity"
            for a, b, p, x, y in engine.rows(
                """
                SELECT party_a, party_b, match_probability, birth_date_a, birth_date_b FROM er_refused
                WHERE party_a IN (SELECT party_id FROM party_entities WHERE entity_id = ?)
                   OR party_b IN (SELECT party_id FROM party_entities WHERE entity_id = ?)
                ORDER BY match_probability DESC, party_a, party_b
                """,
                [entity_id, entity_id],
            )
        ]
    model_json = engine.scalar("SELECT value FROM er_model WHERE key = 'model'")
    nick = dict(pairs_list(nicknames, "names.nicknames"))
    if not model_json:
        for a, b, kind, value in engine.rows(
            """
            SELECT party_a, party_b, kind, value FROM identity_links
            WHERE party_a IN (SELECT party_id FROM party_entities WHERE entity_id = ?) ORDER BY 1, 2
            """,
            [entity_id],
        ):
            view.edges.append(Edge(a, b, 1.0, [f"same {kind.replace('_', ' ')} {value}"], True, False))
        return view
    model = json.loads(model_json)
    levels = _levels(model)
    side = ", ".join(f"l.{c} AS {c}_l, r.{c} AS {c}_r" for c in COLUMNS if c != "party_id")
    cases = ", ".join(f"{sql} AS lvl_{name}" for name, sql in levels)
    pairs = engine.rows(
        f"""
        WITH p AS (
            SELECT p.party_a, p.party_b, p.match_probability, p.by_identifier, p.by_probability, {side}
            FROM er_pairs p
            JOIN party_entities pe ON pe.party_id = p.party_a AND pe.entity_id = ?
            JOIN er_records l ON l.party_id = p.party_a JOIN er_records r ON r.party_id = p.party_b
        )
        SELECT party_a, party_b, match_probability, by_identifier, by_probability, {cases}
        FROM p ORDER BY match_probability DESC, party_a, party_b
        """,
        [entity_id],
    )
    for row in pairs:
        a, b, prob, by_id_, by_p = row[:5]
        reasons = []
        for (name, _), label in zip(levels, row[5:], strict=True):
            text = _reason(name, str(label), by_id[a], by_id[b], nick)
            if text:
                reasons.append(text)
        view.edges.append(Edge(a, b, float(prob), reasons, bool(by_id_), bool(by_p)))
    return view
