"""Command line: python -m world_o.generator OUT --seed 91 --customers 50000 [--view full|receiver|platform] [--no-chat]"""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m world_o.generator", description=__doc__)
    ap.add_argument("out", help="output folder (bundle/ and truth/ are written inside)")
    ap.add_argument("--seed", type=int, default=91)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=["full", "receiver", "platform"], default="full")
    ap.add_argument("--no-chat", action="store_true", help="write no messages")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    info = generate(a.out, a.seed, a.customers, view=a.view, chat=not a.no_chat)
    with open(os.path.join(a.out, "world.json"), "w", encoding="utf-8") as fh:
        json.dump(info, fh, indent=2, sort_keys=True)
    json.dump(
        {k: info[k] for k in ("seed", "customers", "view", "chat", "window", "rows", "timings_s")},
        sys.stdout,
        indent=2,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
