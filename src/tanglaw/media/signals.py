"""The `media_matches` stage table: the bundle's PDQ hashes matched against the pack's hash banks.

Only when `media.bank_files` names at least one bank file (any format `tanglaw media` reads); a
run without banks, or a bundle without a `media` table, gets an empty table at no cost. Hashes
below `media.min_quality` are not matched (flat pictures match everything).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ..engine.core import Engine
from ..pack import Pack

STAGE = "detect"
COLUMNS = pa.schema(
    [
        ("media_id", pa.string()),
        ("bank", pa.string()),
        ("content_id", pa.string()),
        ("distance", pa.int64()),
    ]
)


def build_media_matches(engine: Engine, pack: Pack) -> None:
    m = pack["media"]
    out: dict[str, list[object]] = {n: [] for n in COLUMNS.names}
    files = [str(pack.path(str(f))) for f in m["bank_files"]]
    rows = (
        engine.rows(
            "SELECT media_id, hash FROM media WHERE signal_type = 'pdq' AND coalesce(quality, 100) >= ? "
            "ORDER BY media_id",
            [int(m["min_quality"])],
            stage=STAGE,
        )
        if files
        else []
    )
    if rows:
        from .bank import Bank
        from .bankfile import read_entries
        from .hashes import describe_problem

        rows = [(i, h) for i, h in rows if describe_problem(h) is None]  # a malformed hash matches nothing

        threshold = int(m["threshold"])
        for f in files:
            bank = Bank.of(Path(f).stem, read_entries(f).entries, threshold=threshold)
            for media_id, h in rows:
                for hit in bank.query(h):
                    out["media_id"].append(media_id)
                    out["bank"].append(bank.name)
                    out["content_id"].append(hit.entry.content_id or str(hit.entry_id))
                    out["distance"].append(int(hit.distance))
    engine.register_arrow("__detect__media_matches", pa.table(out, schema=COLUMNS))
    engine.execute(
        """
        CREATE TABLE media_matches AS
        SELECT x.media_id, m.seen_at, m.account_id, m.session_id, x.bank, x.content_id, x.distance
        FROM __detect__media_matches x JOIN media m USING (media_id);
        DROP TABLE __detect__media_matches
        """,
        stage=STAGE,
    )
