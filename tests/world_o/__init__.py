"""World O: a blind synthetic evaluation world for Tanglaw.

    from world_o import generate
    info = generate("out/o91", seed=91, customers=50000, view="full", chat=True)

writes out/o91/bundle (data contract v1) and out/o91/truth (truth format v1.1), and returns
row counts, drawn parameters and cohort sizes.
"""

from __future__ import annotations

import time

from .institutions import VIEWS


def generate(out_dir: str, seed: int, customers: int, view: str = "full", chat: bool = True) -> dict:
    from .world import World

    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}")
    t = time.time()
    w = World(str(out_dir), int(seed), int(customers), view, bool(chat))
    counts = w.run()
    return {
        "seed": int(seed),
        "customers": int(customers),
        "view": view,
        "chat": bool(chat),
        "window": [w.sink.fmt.ts(w.t0, 0), w.sink.fmt.ts(w.t1, 0)],
        "rows": counts,
        "params": dict(w.P.values),
        "cohorts": dict(sorted(w.cohorts.items())),
        "households": len(w.households),
        "sextortion_rings": len(w.rings),
        "timings_s": {**w.timings, "total": round(time.time() - t, 2)},
    }


__all__ = ["generate"]
