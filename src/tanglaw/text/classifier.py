"""Text classifiers: the built-in lexicon classifier, and loading a user's class from the pack.

A classifier scores texts for one category (`payment_arrangement`, `grooming`, …) between 0 and
1. The pack's `text.classifier = "module:Class"` plugs in a class of your own: it is imported
only when a bundle has messages, built as `Class(category="grooming")`, and must have
`score(texts) -> list[float]`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from ..errors import PackError
from .normalize import Normalizer

SPEC = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*$")


@runtime_checkable
class TextClassifier(Protocol):
    def score(self, texts: Sequence[str]) -> list[float]:
        """One score in 0–1 per text."""
        ...


class LexiconClassifier:
    """Scores a text by the distinct lexicon terms in its normal form: 1 − (1 − w)^n.

    A term is matched as whole words after normalisation; `#` in a term stands for a number
    ("# per min" matches "50 per min").
    """

    def __init__(self, terms: Sequence[str], normalizer: Normalizer, term_weight: float = 0.5):
        self.normalizer = normalizer
        self.term_weight = term_weight
        alts = []
        for term in sorted(set(terms), key=len, reverse=True):
            parts = [re.escape(normalizer(p)) for p in term.split("#")]
            rx = r"\s*\d+\s*".join(parts).strip()
            rx = re.sub(r"(\\ )+", r"\\s*", rx)
            if rx.strip():
                alts.append(rx)
        self._rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])") if alts else None

    def matches(self, normal: str) -> list[tuple[str, int]]:
        """(matched words, position) in a normalised text."""
        if self._rx is None:
            return []
        return [(m.group(0), m.start()) for m in self._rx.finditer(normal)]

    def score(self, texts: Sequence[str]) -> list[float]:
        return self.score_normal([self.normalizer(t) for t in texts])

    def score_normal(self, normals: Sequence[str]) -> list[float]:
        """Scores of texts already in normal form."""
        out = []
        for t in normals:
            n = len({w for w, _ in self.matches(t)})
            out.append(1.0 - (1.0 - self.term_weight) ** n)
        return out


def check_spec(spec: str) -> str | None:
    """What is wrong with a `module:Class` setting, or None."""
    if spec and not SPEC.match(spec):
        return f"{spec!r} is not of the form module.path:ClassName"
    return None


def load_classifier(spec: str, category: str) -> TextClassifier:
    """Import `module:Class` and build it for one category; a clear PackError when that fails."""
    where = f"text.classifier: {spec!r}"
    problem = check_spec(spec)
    if problem or not spec:
        raise PackError(f"text.classifier: {problem or 'empty'}")
    module_name, cls_name = spec.split(":")
    try:
        module = importlib.import_module(module_name)
    except Exception as e:  # an import can fail in many ways; each is the user's to fix
        raise PackError(f"{where}: cannot import {module_name!r} ({type(e).__name__}: {e})") from e
    cls = getattr(module, cls_name, None)
    if cls is None or not isinstance(cls, type):
        raise PackError(f"{where}: {module_name!r} has no class {cls_name!r}")
    try:
        obj = cls(category=category)
    except Exception as e:
        raise PackError(f"{where}: {cls_name}(category={category!r}) failed ({type(e).__name__}: {e})") from e
    if not isinstance(obj, TextClassifier):
        raise PackError(f"{where}: {cls_name} has no method score(texts) -> list[float]")
    return obj


def checked_scores(clf: TextClassifier, texts: Sequence[str], spec: str) -> list[float]:
    """Run a classifier and refuse an answer of the wrong length or outside 0–1."""
    try:
        scores = list(clf.score(texts))
    except Exception as e:
        raise PackError(f"text.classifier: {spec!r}: score() failed ({type(e).__name__}: {e})") from e
    if len(scores) != len(texts):
        raise PackError(
            f"text.classifier: {spec!r}: score() returned {len(scores)} scores for {len(texts)} texts"
        )
    for s in scores:
        if isinstance(s, bool) or not isinstance(s, (int, float)) or not 0.0 <= float(s) <= 1.0:
            raise PackError(f"text.classifier: {spec!r}: score() returned {s!r}, not a number in 0–1")
    return [float(s) for s in scores]
