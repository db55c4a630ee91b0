"""A contract test base for one typology (issue #13), after python-threatexchange's signal-type
test helpers: a subclass names a typology, gives tiny input tables and the hits it expects, and
inherits tests that run *only the stages a typology reads* (ingest, prepare, resolve, features,
the detectors) on an in-memory workspace — no cases, no files, no full run.

    class TestNightRemitter(TypologyContract):
        code = "FIN_CONSUMER_REMITTER"
        expected = {"E:P1": ("payer", 0.66, "8 small payments")}
        absent = {"E:P9"}

        def tables(self):
            return {"parties": [...], "accounts": [...], "transactions": [...]}
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import duckdb
import pytest

from tanglaw.engine.core import DuckDBEngine
from tanglaw.pack import Pack, load_pack
from tanglaw.stages import prepare, resolve
from tanglaw.stages.detect import DETECTORS, features, run_detectors
from tanglaw.stages.ingest import ingest_bundle

from .conftest import write_table


@dataclass(frozen=True)
class Hit:
    role: str
    weight: float
    evidence: str
    record_ids: tuple[str, ...]
    components: str


def detect(bundle: Path, pack: Pack | None = None) -> dict[str, dict[str, Hit]]:
    """Every live hit of every typology on `bundle`: code -> entity id -> hit."""
    pack = pack or load_pack()
    con = duckdb.connect()
    try:
        engine = DuckDBEngine(con)
        ingest_bundle(engine, bundle)
        prepare.run(engine, pack)
        resolve.run(engine, pack)
        features.run(engine, pack)
        run_detectors(engine, pack, DETECTORS)
        hits: dict[str, dict[str, Hit]] = {}
        for code, role, entity, weight, evidence, ids, components in engine.rows(
            "SELECT code, role, entity_id, weight, evidence, record_ids, components FROM hits ORDER BY 1, 3"
        ):
            hits.setdefault(code, {})[entity] = Hit(
                role, weight, evidence, tuple(ids or ()), components or ""
            )
        return hits
    finally:
        con.close()


class TypologyContract:
    """Subclass it (name the subclass `Test…`): `code`, `tables()`, `expected`, and `absent`."""

    #: the typology under test
    code: ClassVar[str]
    #: entity id -> (role, weight to 2 decimals, a phrase its evidence sentence holds)
    expected: ClassVar[dict[str, tuple[str, float, str]]]
    #: entity ids (look-alikes) this typology must not flag, or only below the pack's threshold for
    #: its role (a weak hit that never makes anyone a case member on its own)
    absent: ClassVar[set[str]] = set()
    #: TOML laid over the built-in pack for this test, if any
    pack_text: ClassVar[str] = ""

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        raise NotImplementedError

    @pytest.fixture
    def hits(self, tmp_path: Path) -> dict[str, Hit]:
        bundle = tmp_path / "bundle"
        for name, rows in self.tables().items():
            write_table(bundle, name, rows)
        pack = None
        if self.pack_text:
            (tmp_path / "pack.toml").write_text(self.pack_text, encoding="utf-8")
            pack = load_pack(tmp_path / "pack.toml")
        return detect(bundle, pack).get(self.code, {})

    def test_declared_once_in_the_pack(self) -> None:
        """Description, role and sources are data in the pack; the query is one detector."""
        section = load_pack().typology(self.code)
        assert section["description"].strip() and section["source"].strip()
        roles = {role for role, _w, _e in self.expected.values()}
        assert section["role"] in roles or not roles
        assert [d.code for d in DETECTORS].count(self.code) == 1

    def test_expected_hits(self, hits: dict[str, Hit]) -> None:
        for entity, (role, weight, phrase) in self.expected.items():
            assert entity in hits, f"{self.code} did not flag {entity}; flagged: {sorted(hits)}"
            hit = hits[entity]
            assert hit.role == role
            assert hit.weight == pytest.approx(weight, abs=0.005), hit.components
            assert phrase in hit.evidence, hit.evidence
            assert hit.record_ids, "every hit names the records behind it"

    def test_look_alikes_are_not_flagged(self, hits: dict[str, Hit]) -> None:
        scoring = load_pack()["scoring"]
        strong = {
            e: (hits[e].weight, hits[e].components)
            for e in self.absent & set(hits)
            if hits[e].weight >= float(scoring[f"{hits[e].role}_threshold"])
        }
        assert strong == {}
