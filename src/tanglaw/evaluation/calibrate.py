"""Calibrate scores on a user's own labels: a monotone logistic model over the indicator weights.

Labels are reviewed outcomes (`label` 1 = confirmed offender or victim, 0 = legitimate) for
accounts, party records or entities. Each labelled person's features are their strongest weight
per typology; the model is fitted with non-negative coefficients, so a stronger indicator never
lowers a score, and each coefficient can still be read as that typology's say in the score.
Quality is reported by five-fold cross-validation, never on the rows the model was fitted on.
"""

from __future__ import annotations

import copy
import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from ..csvsafe import first_non_utf8_line
from ..engine.workspace import open_workspace
from ..errors import BundleError, Problem
from ..pack import Pack

L2 = 1e-4
FOLDS = 5


@dataclass
class Calibration:
    n: int
    positives: int
    intercept: float
    coefficients: dict[str, float]
    auc_before: float
    auc_after_cv: float
    logloss_before: float
    logloss_after_cv: float
    unmatched: int
    notes: list[str] = field(default_factory=list)


def read_labels(path: Path) -> list[tuple[str, str, int]]:
    """(kind, id, label) rows; kind is account_id, party_id or entity_id."""
    if not path.exists():
        raise BundleError([Problem(str(path), None, None, "no such file")])
    try:
        return _read_labels(path)
    except UnicodeDecodeError:
        line = first_non_utf8_line(path)
        raise BundleError([Problem(path.name, line, None, "not UTF-8 text (save it as UTF-8)")]) from None
    except csv.Error as e:
        what = str(e).split(":")[0][:80]
        raise BundleError([Problem(path.name, None, None, f"not valid CSV ({what})")]) from None


def _read_labels(path: Path) -> list[tuple[str, str, int]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = [c.strip().lower() for c in (reader.fieldnames or [])]
        kinds = [k for k in ("account_id", "party_id", "entity_id") if k in cols]
        problems = []
        if "label" not in cols:
            problems.append(Problem(path.name, 1, "label", "a required column is missing"))
        if not kinds:
            problems.append(Problem(path.name, 1, None, "needs an account_id, party_id or entity_id column"))
        if problems:
            raise BundleError(problems)
        rows: list[tuple[str, str, int]] = []
        for i, raw in enumerate(reader, start=2):
            r = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
            if r["label"] not in ("0", "1", "true", "false"):
                problems.append(Problem(path.name, i, "label", f'"{r["label"]}" is not 0 or 1'))
                continue
            kind = next((k for k in kinds if r.get(k)), None)
            if kind is None:
                problems.append(Problem(path.name, i, None, "no id on this line"))
                continue
            rows.append((kind, r[kind], 1 if r["label"] in ("1", "true") else 0))
        if problems:
            raise BundleError(problems[:20], max(0, len(problems) - 20))
    return rows


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    allv = np.concatenate([pos, neg])[order]
    # average ranks for ties
    i = 0
    while i < len(allv):
        j = i
        while j + 1 < len(allv) and allv[j + 1] == allv[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def _logloss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + x @ theta[1:]
        p = 1 / (1 + np.exp(-z))
        g = p - y
        grad = np.concatenate([[g.mean()], x.T @ g / len(y) + 2 * L2 * theta[1:]])
        return _logloss(y, p) + L2 * float(theta[1:] @ theta[1:]), grad

    theta0 = np.zeros(x.shape[1] + 1)
    bounds = [(None, None)] + [(0.0, None)] * x.shape[1]
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    return np.asarray(res.x)


def _predict(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-(theta[0] + x @ theta[1:]))))


def calibrate(out_dir: Path, labels: Path, pack: Pack) -> tuple[Calibration, Pack]:
    rows = read_labels(labels)
    engine = open_workspace(out_dir)
    try:
        to_entity: dict[tuple[str, str], str] = {}
        for a, e, p in engine.rows("SELECT account_id, entity_id, party_id FROM account_entities"):
            to_entity[("account_id", a)] = e
            to_entity[("entity_id", e)] = e
            if p:
                to_entity[("party_id", p)] = e
        codes = [r[0] for r in engine.rows("SELECT DISTINCT code FROM hits ORDER BY code")]
        weights: dict[str, dict[str, float]] = {}
        for e, code, w in engine.rows("SELECT entity_id, code, max(weight) FROM hits GROUP BY 1, 2"):
            weights.setdefault(e, {})[code] = float(w)
        before = dict(engine.rows("SELECT entity_id, max(score) FROM entity_scores GROUP BY 1"))
    finally:
        engine.close()
    labelled: dict[str, int] = {}
    unmatched = 0
    for kind, ident, lab in rows:
        e = to_entity.get((kind, ident))
        if e is None:
            unmatched += 1
            continue
        labelled[e] = max(labelled.get(e, 0), lab)
    ents = sorted(labelled)
    y = np.array([labelled[e] for e in ents], dtype=float)
    if len(ents) < 10 or y.sum() < 3 or (len(y) - y.sum()) < 3:
        raise BundleError(
            [
                Problem(
                    labels.name,
                    None,
                    None,
                    f"too few labels to calibrate: {len(ents)} matched people, {int(y.sum())} positive "
                    "(need at least 10 people, 3 of each label)",
                )
            ]
        )
    x = np.array([[weights.get(e, {}).get(c, 0.0) for c in codes] for e in ents])
    s_before = np.array([float(before.get(e, 0.0)) for e in ents])
    fold = np.array([int(hashlib.sha1(e.encode()).hexdigest(), 16) % FOLDS for e in ents])
    cv = np.zeros(len(ents))
    for k in range(FOLDS):
        test = fold == k
        if test.all() or not test.any():
            continue
        cv[test] = _predict(_fit(x[~test], y[~test]), x[test])
    theta = _fit(x, y)
    coefs = {c: round(float(v), 4) for c, v in zip(codes, theta[1:], strict=True)}
    result = Calibration(
        n=len(ents),
        positives=int(y.sum()),
        intercept=round(float(theta[0]), 4),
        coefficients=coefs,
        auc_before=round(_auc(y, s_before), 4),
        auc_after_cv=round(_auc(y, cv), 4),
        logloss_before=round(_logloss(y, s_before), 4),
        logloss_after_cv=round(_logloss(y, cv), 4),
        unmatched=unmatched,
    )
    if unmatched:
        result.notes.append(f"{unmatched} label rows name ids this workspace does not know")
    doc = copy.deepcopy(pack.doc)
    doc["scoring"]["calibration"] = {
        "enabled": True,
        "intercept": result.intercept,
        "labels": str(labels),
        "coefficients": coefs,
    }
    return result, Pack(doc, f"{pack.origin} calibrated on {labels.name}")
