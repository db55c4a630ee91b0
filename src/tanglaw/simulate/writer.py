"""Writing tables incrementally as CSV, Parquet or JSON Lines, deterministically."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

EXTENSIONS = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl"}


JSONL_BATCH = 250_000


def _json_strings(col: pa.Array) -> pa.Array:
    """JSON text of each value of a column: strings quoted and escaped, nulls as null."""
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        esc = col
        for char, escaped in (("\\", "\\\\"), ('"', '\\"')):
            if pc.any(pc.match_substring(esc, char)).as_py():
                esc = pc.replace_substring(esc, char, escaped)
        text = pc.binary_join_element_wise('"', esc, '"', "")
    elif pa.types.is_boolean(col.type):
        text = pc.if_else(col, "true", "false")
    else:
        text = pc.cast(col, pa.string())
    return pc.fill_null(text, "null")


def jsonl_chunks(table: pa.Table) -> list[memoryview]:
    """Newline-delimited JSON objects, keys in schema order, as byte views."""
    views = []
    for start in range(0, table.num_rows, JSONL_BATCH):
        part = table.slice(start, JSONL_BATCH)
        pieces: list[pa.Array | str] = []
        for i, name in enumerate(part.column_names):
            pieces.append(("{" if i == 0 else ",") + f'"{name}":')
            pieces.append(_json_strings(part.column(i).combine_chunks()))
        pieces.append("}\n")
        lines = pc.binary_join_element_wise(*pieces, "")
        if isinstance(lines, pa.ChunkedArray):
            lines = lines.combine_chunks()
        width = np.int32 if pa.types.is_string(lines.type) else np.int64
        offsets = np.frombuffer(lines.buffers()[1], dtype=width)[lines.offset : lines.offset + len(lines) + 1]
        views.append(memoryview(lines.buffers()[2])[int(offsets[0]) : int(offsets[-1])])
    return views


def jsonl_bytes(table: pa.Table) -> bytes:
    return b"".join(bytes(v) for v in jsonl_chunks(table))


class Sink:
    """One output table, written in pieces that share a schema."""

    def __init__(self, path: Path, fmt: str, schema: pa.Schema) -> None:
        self.path = path
        self.fmt = fmt
        self.schema = schema
        self.rows = 0
        self._csv: pcsv.CSVWriter | None = None
        self._pq: pq.ParquetWriter | None = None
        self._fh: BinaryIO | None = None
        if fmt == "csv":
            self._csv = pcsv.CSVWriter(str(path), schema, write_options=pcsv.WriteOptions(batch_size=65_536))
        elif fmt == "parquet":
            self._pq = pq.ParquetWriter(str(path), schema, compression="zstd")
        elif fmt == "jsonl":
            self._fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        else:
            raise ValueError(f"unknown format {fmt!r}")

    def write(self, table: pa.Table) -> None:
        table = table.cast(self.schema)
        self.rows += table.num_rows
        if self._csv is not None:
            self._csv.write_table(table)
        elif self._pq is not None:
            if table.num_rows:
                self._pq.write_table(table)
        elif self._fh is not None:
            for view in jsonl_chunks(table):
                self._fh.write(view)

    def close(self) -> int:
        """Close the file; returns its size in bytes."""
        if self._csv is not None:
            self._csv.close()
        if self._pq is not None:
            self._pq.close()
        if self._fh is not None:
            self._fh.close()
        return self.path.stat().st_size


def write_csv(path: Path, table: pa.Table) -> int:
    sink = Sink(path, "csv", table.schema)
    sink.write(table)
    return sink.close()
