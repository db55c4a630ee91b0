"""Read and write hash banks in the CSV forms of python-threatexchange, HMA and Tanglaw.

Formats (all UTF-8; tags are separated by single spaces, as both upstream projects write them):

  tanglaw  Tanglaw's own, with a header; keeps every BankEntry field:
             hash,content_id,ref_id,source,category,tags,added_at
  tx-csv   what `threatexchange dataset -P --csv` prints (python-threatexchange
           threatexchange/cli/dataset_cmd.py, `_print_csv`), with a header:
             signal_type,signal_str,collab,category,tags
           Rows whose signal_type is not `pdq` are skipped and counted.
  hma      HMA 1.x's ThreatExchange data files, `<privacy group>.hash_pdq.te`, no header
           (hasher-matcher-actioner/hmalib/common/s3_adapters.py on branch HMA_1.0_archive,
           ThreatExchangeS3PDQAdapter; rows written by HMASerialization in
           python-threatexchange threatexchange/cli/dataset/simple_serialization.py):
             hash,indicator_id,descriptor_id,timestamp,tags
           The source (privacy group) is the file name up to its first dot, as HMA reads it.
  tx-te    python-threatexchange's CLI cache `simple.<type>.te`, no header
           (CliIndicatorSerialization in the same simple_serialization.py; also the
           hma-lite sample data): hash,descriptor_id,added_on,labels
           A descriptor id is an integer there; an entry without one is written as 0.
  lines    one hash per line, optionally prefixed by its signal type (`pdq d8f8…`): the file
           HMA 2 / python-threatexchange's `local_file` exchange reads
           (threatexchange/exchanges/impl/file_api.py); lines of other signal types are skipped.

Files are written with the line ends the upstream tools write (CRLF, the csv module's default)
for tx-csv, hma and tx-te, and LF for the others; all are read with either.

Field mapping: tx-csv collab -> source; hma indicator_id -> content_id, descriptor_id -> ref_id,
timestamp -> added_at; tx-te descriptor_id -> ref_id, added_on -> added_at, labels -> tags.
Writing a bank to a format keeps the fields that format has; each format read and written back
gives the same rows. Only the layouts were taken from those projects; no code was copied.

A malformed file is refused whole with one `file:line: problem` per problem
(tanglaw.errors.BundleError, exit code 2 on the command line).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..csvsafe import first_non_utf8_line
from ..errors import BundleError, Problem
from .bank import Bank, BankEntry, Role
from .hashes import is_hash

FORMATS = ("tanglaw", "tx-csv", "hma", "tx-te", "lines")
TANGLAW_HEADER = ("hash", "content_id", "ref_id", "source", "category", "tags", "added_at")
TX_CSV_HEADER = ("signal_type", "signal_str", "collab", "category", "tags")
PDQ_SIGNAL = "pdq"
#: line ends as written: the upstream tools write with Python's csv module, whose default is CRLF
LINE_ENDS = {"tanglaw": "\n", "tx-csv": "\r\n", "hma": "\r\n", "tx-te": "\r\n", "lines": "\n"}
#: refusals list at most this many problems before giving up on a file
MAX_PROBLEMS = 200


@dataclass
class ReadResult:
    """The entries of a bank file, the format it was in and how many rows were skipped (other signal types)."""

    entries: list[BankEntry]
    fmt: str
    skipped: int = 0


def _tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in text.split(" ") if t)


def detect_format(first_line: str) -> str | None:
    """Guess the format from the first non-blank line; None when it cannot be told."""
    line = first_line.strip().lstrip("\ufeff")
    low = line.lower()
    if low.startswith("hash,content_id"):
        return "tanglaw"
    if low.startswith("signal_type,"):
        return "tx-csv"
    if "," not in line:
        return "lines"
    fields = next(csv.reader([line]))
    return {5: "hma", 4: "tx-te"}.get(len(fields))


def _counting_lines(fh: io.TextIOBase, on_progress: Callable[[int], None] | None) -> Iterator[str]:
    done = 0
    for line in fh:
        done += len(line)
        if on_progress is not None and done >= 1 << 20:
            on_progress(done)
            done = 0
        yield line
    if on_progress is not None and done:
        on_progress(done)


def read_entries(
    path: str | Path,
    fmt: str = "auto",
    on_progress: Callable[[int], None] | None = None,
) -> ReadResult:
    """Read a bank file; `on_progress` gets characters read since its last call (for a progress bar)."""
    path = Path(path)
    name = str(path)
    try:
        fh = open(path, encoding="utf-8", newline="")
    except OSError as e:
        raise BundleError([Problem(name, None, None, f"cannot open: {e.strerror or e}")]) from e
    with fh:
        try:
            first = ""
            if fmt == "auto":
                for line in fh:
                    if line.strip():
                        first = line
                        break
                fh.seek(0)
                if not first:
                    return ReadResult([], "lines")
                guess = detect_format(first)
                if guess is None:
                    raise BundleError(
                        [
                            Problem(
                                name,
                                1,
                                None,
                                f"cannot tell the bank format; name one of {', '.join(FORMATS)}",
                            )
                        ]
                    )
                fmt = guess
            if fmt not in FORMATS:
                raise ValueError(f"unknown bank format {fmt!r}; known: {', '.join(FORMATS)}")
            lines = _counting_lines(fh, on_progress)
            return _READERS[fmt](name, lines)
        except UnicodeDecodeError:
            bad_line = first_non_utf8_line(path)
            raise BundleError([Problem(name, bad_line, None, "not UTF-8 text (save it as UTF-8)")]) from None
        except csv.Error as e:  # a NUL byte, a field over the size limit: the kind, never the text
            what = str(e).split(":")[0][:80]
            raise BundleError([Problem(name, None, None, f"not valid CSV ({what})")]) from None


class _Problems:
    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Problem] = []
        self.extra = 0

    def add(self, line: int, column: str | None, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(self.name, line, column, message))
        else:
            self.extra += 1

    def check(self) -> None:
        if self.items:
            raise BundleError(self.items, self.extra)


def hash_problem_in_file(text: str) -> str | None:
    """Why a value read from a file is not a PDQ hash, without quoting any of it (a refusal names
    the file, line and kind of problem, never the file's contents: the file may be any file)."""
    s = text.strip()
    if is_hash(s):
        return None
    if not s:
        return "empty where a PDQ hash (64 hex characters) is needed"
    if any(c not in "0123456789abcdefABCDEF" for c in s):
        return f"not a PDQ hash: {len(s)} characters, not all of them hex digits"
    return f"not a PDQ hash: {len(s)} hex characters where 64 are needed"


def _check_hash(problems: _Problems, line: int, column: str | None, text: str) -> str | None:
    issue = hash_problem_in_file(text)
    if issue is not None:
        problems.add(line, column, issue)
        return None
    return text.strip().lower()


def _read_tanglaw(name: str, lines: Iterable[str]) -> ReadResult:
    return _read_with_header(name, lines, TANGLAW_HEADER, "tanglaw")


def _read_tx_csv(name: str, lines: Iterable[str]) -> ReadResult:
    return _read_with_header(name, lines, TX_CSV_HEADER, "tx-csv")


def _read_with_header(name: str, lines: Iterable[str], header: tuple[str, ...], fmt: str) -> ReadResult:
    problems = _Problems(name)
    reader = csv.reader(lines)
    head = next(reader, None)
    if head is None:
        return ReadResult([], fmt)
    head = [h.strip().lstrip("\ufeff") for h in head]
    missing = [h for h in header if h not in head]
    if missing:
        problems.add(
            reader.line_num, None, f"header lacks {', '.join(missing)} (expected {','.join(header)})"
        )
        problems.check()
    col = {h: head.index(h) for h in header}
    entries: list[BankEntry] = []
    skipped = 0
    for row in reader:
        n = reader.line_num
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != len(head):
            problems.add(n, None, f"{len(row)} fields where the header has {len(head)}")
            continue
        get = {h: row[i] for h, i in col.items()}
        if fmt == "tx-csv":
            if get["signal_type"].strip().lower() != PDQ_SIGNAL:
                skipped += 1
                continue
            h = _check_hash(problems, n, "signal_str", get["signal_str"])
            if h is not None:
                entries.append(
                    BankEntry(h, source=get["collab"], category=get["category"], tags=_tags(get["tags"]))
                )
        else:
            h = _check_hash(problems, n, "hash", get["hash"])
            if h is not None:
                entries.append(
                    BankEntry(
                        h,
                        content_id=get["content_id"],
                        ref_id=get["ref_id"],
                        source=get["source"],
                        category=get["category"],
                        tags=_tags(get["tags"]),
                        added_at=get["added_at"],
                    )
                )
    problems.check()
    return ReadResult(entries, fmt, skipped)


def _read_headerless(name: str, lines: Iterable[str], width: int, fmt: str) -> ReadResult:
    problems = _Problems(name)
    source = Path(name).name.split(".")[0] if fmt == "hma" else ""
    reader = csv.reader(lines)
    entries: list[BankEntry] = []
    for row in reader:
        n = reader.line_num
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != width:
            problems.add(n, None, f"{len(row)} fields where the {fmt} format has {width}")
            continue
        h = _check_hash(problems, n, None, row[0])
        if h is None:
            continue
        if fmt == "hma":
            _, indicator_id, descriptor_id, timestamp, tags = row
            entries.append(
                BankEntry(
                    h,
                    content_id=indicator_id,
                    ref_id=descriptor_id,
                    source=source,
                    added_at=timestamp,
                    tags=_tags(tags),
                )
            )
        else:
            _, descriptor_id, added_on, labels = row
            entries.append(BankEntry(h, ref_id=descriptor_id, added_at=added_on, tags=_tags(labels)))
    problems.check()
    return ReadResult(entries, fmt)


def _read_lines(name: str, lines: Iterable[str]) -> ReadResult:
    problems = _Problems(name)
    entries: list[BankEntry] = []
    skipped = 0
    for n, raw in enumerate(lines, start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        kind, _, value = line.partition(" ")
        if value:
            if kind.lower() != PDQ_SIGNAL:
                skipped += 1
                continue
            line = value.strip()
        h = _check_hash(problems, n, None, line)
        if h is not None:
            entries.append(BankEntry(h))
    problems.check()
    return ReadResult(entries, "lines", skipped)


_READERS: dict[str, Callable[[str, Iterable[str]], ReadResult]] = {
    "tanglaw": _read_tanglaw,
    "tx-csv": _read_tx_csv,
    "hma": lambda name, lines: _read_headerless(name, lines, 5, "hma"),
    "tx-te": lambda name, lines: _read_headerless(name, lines, 4, "tx-te"),
    "lines": _read_lines,
}


def rows(entries: Iterable[BankEntry], fmt: str) -> Iterator[list[str]]:
    """The CSV rows (header first, where the format has one) of `entries` in `fmt`."""
    if fmt == "tanglaw":
        yield list(TANGLAW_HEADER)
        for e in entries:
            yield [e.hash, e.content_id, e.ref_id, e.source, e.category, " ".join(e.tags), e.added_at]
    elif fmt == "tx-csv":
        yield list(TX_CSV_HEADER)
        for e in entries:
            yield [PDQ_SIGNAL, e.hash, e.source, e.category, " ".join(e.tags)]
    elif fmt == "hma":
        for e in entries:
            yield [e.hash, e.content_id, e.ref_id, e.added_at, " ".join(e.tags)]
    elif fmt == "tx-te":
        for e in entries:
            yield [e.hash, e.ref_id or "0", e.added_at, " ".join(e.tags)]
    elif fmt == "lines":
        for e in entries:
            yield [e.hash]
    else:
        raise ValueError(f"unknown bank format {fmt!r}; known: {', '.join(FORMATS)}")


def write_entries(entries: Iterable[BankEntry], path: str | Path, fmt: str = "tanglaw") -> int:
    """Write entries to `path` in `fmt` (see the module docstring); returns the number of entries.

    The file is written beside `path` and moved into place, so a failure leaves the old file."""
    path = Path(path)
    count = 0
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator=LINE_ENDS.get(fmt, "\n"))
            for i, row in enumerate(rows(entries, fmt)):
                w.writerow(row)
                if i == 0 and fmt in ("tanglaw", "tx-csv"):
                    continue  # the header
                count += 1
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return count


def read_bank(
    path: str | Path,
    fmt: str = "auto",
    *,
    name: str | None = None,
    threshold: int | None = None,
    role: Role = "match",
    on_progress: Callable[[int], None] | None = None,
) -> Bank:
    """A Bank from a file (named after the file unless `name` is given)."""
    result = read_entries(path, fmt, on_progress)
    return Bank.of(name or Path(path).name.split(".")[0], result.entries, threshold, role)


def write_bank(bank: Bank, path: str | Path, fmt: str = "tanglaw") -> int:
    return write_entries(bank, path, fmt)
