"""Entity resolution: which party records are one person (or one organisation).

`normalise` turns party records into comparable keys (names read through the pack's nickname
and particle lists, phones in one international form, hubs blanked), `model` holds the Splink
comparisons and the shipped default parameters, `link` scores candidate pairs with Splink and
`explain` says in words why two records were merged; `stage` is the run's resolve step
(`run(engine, pack)`: party records → entities, with names, countries and accounts).
"""

from __future__ import annotations

from .stage import run

__all__ = ["run"]
