"""Explain a typology in words, from its pack section: what it looks at, how it weighs, what lowers it."""

from __future__ import annotations

from typing import Any

from .detectors import DETECTORS
from .errors import PackError
from .pack import Pack

_GROUPS = (
    ("weight_", "adds"),
    ("_factor", "multiplies by"),
)


def _fmt(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def explain_typology(pack: Pack, code: str) -> str:
    known = {d.code: d for d in DETECTORS}
    if code in pack.candidates:
        c = pack.candidates[code]
        return "\n".join(
            [
                f"{code} — candidate typology ({c['mode']}), role {c['role']}",
                c["description"],
                f"Source: {c['source']}",
                "",
                "Query:",
                c["query"].strip(),
            ]
        )
    if code not in known:
        raise PackError(f"unknown typology {code!r}; known: {', '.join(list(known) + list(pack.candidates))}")
    cfg = pack.typology(code)
    d = known[code]
    lines = [
        f"{code} — {d.description}",
        f"Role: {cfg.get('role', d.role)}; mode: {pack.mode(code)}; reads: {', '.join(d.needs)}.",
        f"Sources: {cfg.get('source', '')}",
        "",
        "How the weight is built: each part that holds adds its weight by noisy-or,",
        "weight = 1 − Π(1 − w), so no single part decides and every part is listed in the",
        "indicator's `components`. Mitigations then multiply the weight.",
        "",
        "Parts (weight_*):",
    ]
    for k, v in cfg.items():
        if k.startswith("weight_"):
            lines.append(f"  {k[len('weight_') :]:<22} {_fmt(v)}")
    mitig = [(k, v) for k, v in cfg.items() if k.endswith("_factor")]
    if mitig:
        lines += ["", "Mitigations (*_factor, multiply the weight):"]
        lines += [f"  {k[: -len('_factor')]:<22} x{_fmt(v)}" for k, v in mitig]
    params = [
        (k, v)
        for k, v in cfg.items()
        if not k.startswith("weight_")
        and not k.endswith("_factor")
        and k not in ("description", "source", "role", "mode")
    ]
    if params:
        lines += ["", "Thresholds and parameters:"]
        lines += [f"  {k:<28} {_fmt(v)}" for k, v in params]
    s = pack["scoring"]
    role = cfg.get("role", d.role)
    thr = s.get(f"{role}_threshold", s["facilitator_threshold"])
    lines += [
        "",
        f"A person enters a case when the noisy-or of all their {role} indicators reaches {_fmt(thr)}",
        "(scoring.*_threshold in the pack).",
    ]
    return "\n".join(lines)
