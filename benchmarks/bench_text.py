"""Chat-text scoring speed: normalise and score N synthetic innocuous messages for every category.

.venv/bin/python benchmarks/bench_text.py [N]
"""

from __future__ import annotations

import random
import sys
import time

from tanglaw.pack import load_pack
from tanglaw.text.signals import lexicon_of, normalizer_of

LINES = (
    "kumusta ka na",
    "ingat kayo dyan",
    "padala ko na pang tuition",
    "send L0AD first po 💰",
    "p a d a l a muna sa g.c.a.s.h",
    "500 per min po",
    "see you at dinner",
    "thanks see you next time",
)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(1)
    texts = [" ".join(rng.choice(LINES) for _ in range(rng.randint(1, 3))) for _ in range(n)]
    pack = load_pack()
    norm = normalizer_of(pack)
    t0 = time.perf_counter()
    normals = [norm(t) for t in texts]
    t1 = time.perf_counter()
    flagged = 0
    for category in pack["text"]["lexicons"]:
        scores = lexicon_of(pack, category, norm).score_normal(normals)
        flagged += sum(1 for s in scores if s >= float(pack["text"]["min_score"]))
    t2 = time.perf_counter()
    print(
        f"{n:,} messages: normalised in {t1 - t0:.2f} s ({n / (t1 - t0):,.0f}/s), "
        f"scored for {len(pack['text']['lexicons'])} categories in {t2 - t1:.2f} s; {flagged:,} flags"
    )


if __name__ == "__main__":
    main()
