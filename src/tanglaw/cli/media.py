"""`tanglaw media hash|bank|match`: PDQ hashes, hash banks and matching on the command line.

A Typer sub-app; the main command line registers it with `app.add_typer(media_app, name="media")`.

    tanglaw media hash photo.jpg clip.mp4 [--dihedral] [--fps 1] [--format text|csv|vpdq]
    tanglaw media bank convert export.csv bank.csv [--from auto] [--to tanglaw|tx-csv|hma|tx-te|lines]
    tanglaw media bank add bank.csv photo.jpg d8f8… [--content-id ID] [--source S] [--tag T]
    tanglaw media bank remove bank.csv d8f8…
    tanglaw media bank info bank.csv
    tanglaw media match photo.jpg d8f8… live.mp4 --bank known.csv:31 --suppress fp.csv:16
                        [--window 10 --hits 3 --distance 31] [--quarantine-max 100 --quarantine-window 3600]

Exit codes: 0 done; 2 input a person must fix (a malformed hash, an unreadable image or video,
a malformed bank file: one `file:line: problem` line each, nothing written); 1 anything else,
e.g. the media extra not installed.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from .. import csvsafe
from ..errors import BundleError, Problem
from ..media.bank import DEFAULT_SUPPRESS_THRESHOLD, Bank, BankEntry, Role
from ..media.bankfile import FORMATS, read_bank, read_entries, write_entries
from ..media.hashes import DEFAULT_THRESHOLD, MIN_QUALITY, describe_problem, hash_problem, is_hash
from ..media.matcher import Matcher, MatchResult
from ..media.quarantine import QuarantinePolicy
from ..media.video import VIDEO_SUFFIXES, FrameHash
from .console import err
from .console import fail as _fail

app = typer.Typer(
    name="media",
    help="PDQ hashes of images and video, hash banks (ThreatExchange/HMA CSV) and matching. "
    "Pictures are only hashed: nothing but hashes is kept or shown.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
bank_app = typer.Typer(help="Convert, fill and inspect hash banks.", no_args_is_help=True)
app.add_typer(bank_app, name="bank")

out = Console(highlight=False, soft_wrap=True)

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
Fps = Annotated[float, typer.Option("--fps", help="Video: frames hashed per second of video.")]
MaxSide = Annotated[
    int | None,
    typer.Option(
        "--max-side", help="Video: shrink frames to at most this many pixels a side before hashing."
    ),
]


# -- shared helpers -------------------------------------------------------------------------------


def _progress(quiet: bool, bytes_: bool = False) -> Progress:
    counter = DownloadColumn() if bytes_ else MofNCompleteColumn()
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),  # descriptions hold file names: data
        BarColumn(),
        counter,
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet,
    )


def _is_video(path: Path) -> bool:
    return path.suffix.lower() in VIDEO_SUFFIXES


def _check_inputs(
    items: list[str], allow_hashes: bool, problems: list[Problem] | None = None
) -> list[str | Path]:
    """Each item as a checked hash (str) or an existing file (Path). Problems go to `problems` when
    given (the caller refuses later, with its own), else they are refused at once."""
    own = problems is None
    problems = [] if problems is None else problems
    parsed: list[str | Path] = []
    for item in items:
        p = Path(item)
        if p.is_file():
            parsed.append(p)
        elif allow_hashes and is_hash(item):
            parsed.append(item.strip().lower())
        elif p.exists():
            problems.append(Problem(item, None, None, "not a file"))
        elif allow_hashes:
            problems.append(
                Problem(item, None, None, f"no such file, and not a PDQ hash: {hash_problem(item)}")
            )
        else:
            problems.append(Problem(item, None, None, "no such file"))
    if own and problems:
        raise BundleError(problems)
    return parsed


def _problem(path: Path, e: Exception) -> Problem:
    return Problem(str(path), None, None, str(e).removeprefix(f"{path}: "))


def _check_fps(fps: float) -> None:
    if not fps > 0:
        raise BundleError([Problem("--fps", None, None, f"must be above 0, not {fps}")])


def _load_bank(spec: str, role: Role, quiet: bool) -> Bank:
    """A bank from `PATH` or `PATH:DISTANCE`."""
    path_text, threshold = spec, None
    head, sep, tail = spec.rpartition(":")
    if sep and tail.isdigit() and head:
        path_text, threshold = head, int(tail)
    if threshold is not None and not 0 <= threshold <= 256:
        raise BundleError([Problem(spec, None, None, "a distance must be between 0 and 256")])
    path = Path(path_text)
    if threshold is None:
        threshold = DEFAULT_SUPPRESS_THRESHOLD if role == "suppress" else DEFAULT_THRESHOLD
    size = path.stat().st_size if path.is_file() else 0
    with _progress(quiet or size < 8 << 20, bytes_=True) as bar:
        task = bar.add_task(f"Reading {path.name}", total=size)
        bank = read_bank(path, threshold=threshold, role=role, on_progress=lambda n: bar.advance(task, n))
    return bank


# -- hash -----------------------------------------------------------------------------------------


@app.command("hash")
def hash_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Image or video files.")],
    dihedral: Annotated[
        bool, typer.Option("--dihedral", help="Images: also print the 7 rotated and flipped hashes.")
    ] = False,
    fps: Fps = 1.0,
    max_side: MaxSide = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text, csv, or vpdq (frame,quality,hash,seconds; one video).")
    ] = "text",
    quiet: Quiet = False,
) -> None:
    """Print the PDQ hash and quality of each image, and of each sampled frame of each video."""
    from ..media.image import ImageError, hash_image, hash_image_dihedral
    from ..media.video import VideoError, iter_frame_hashes

    if fmt not in ("text", "csv", "vpdq"):
        _fail(BundleError([Problem("--format", None, None, f"{fmt!r} is not one of text, csv, vpdq")]))
    rows: list[tuple[str, str, str, str, str, str]] = []  # path, frame, seconds, transform, hash, quality
    problems: list[Problem] = []
    _check_fps(fps)
    files = _check_inputs([str(p) for p in paths], allow_hashes=False, problems=problems)
    if fmt == "vpdq" and (len(files) != 1 or not _is_video(Path(files[0]))):
        raise BundleError([Problem("--format", None, None, "vpdq prints the frames of exactly one video")])
    with _progress(quiet or (len(files) < 3 and not any(_is_video(Path(f)) for f in files))) as bar:
        task = bar.add_task("Hashing", total=len(files))
        for f in files:
            path = Path(f)
            try:
                if _is_video(path):
                    for fr in iter_frame_hashes(path, fps=fps, max_side=max_side):
                        bar.update(task, description=f"Hashing {path.name} at {fr.seconds:.0f} s")
                        rows.append(
                            (str(path), str(fr.frame), f"{fr.seconds:.3f}", "", fr.hash, str(fr.quality))
                        )
                elif dihedral:
                    dh = hash_image_dihedral(path)
                    for name, h in dh.hashes.items():
                        rows.append((str(path), "", "", name, h, str(dh.quality)))
                else:
                    ih = hash_image(path)
                    rows.append((str(path), "", "", "", ih.hash, str(ih.quality)))
            except (ImageError, VideoError) as e:
                problems.append(_problem(path, e))
            bar.advance(task)
    if problems:
        raise BundleError(problems)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["path", "frame", "seconds", "transform", "hash", "quality"])
        w.writerows(csvsafe.row(r) for r in rows)  # text cells neutralised
        sys.stdout.write(buf.getvalue())
    elif fmt == "vpdq":
        for _, frame, seconds, _, h, q in rows:
            sys.stdout.write(f"{frame},{q},{h},{seconds}\n")
    else:
        for path_s, frame, seconds, transform, h, q in rows:
            where = f"{path_s}#{frame}@{seconds}s" if frame else path_s
            sys.stdout.write(f"{h} {q:>3} {where}{' ' + transform if transform else ''}\n")


# -- bank -----------------------------------------------------------------------------------------


@bank_app.command("convert")
def bank_convert(
    src: Annotated[Path, typer.Argument(help="A bank file.")],
    dst: Annotated[Path, typer.Argument(help="The file to write.")],
    src_fmt: Annotated[str, typer.Option("--from", help=f"auto, {', '.join(FORMATS)}.")] = "auto",
    dst_fmt: Annotated[str, typer.Option("--to", help=", ".join(FORMATS) + ".")] = "tanglaw",
    quiet: Quiet = False,
) -> None:
    """Convert a bank between the python-threatexchange, HMA and Tanglaw CSV formats (import/export)."""
    for opt, value, allowed in (("--from", src_fmt, ("auto", *FORMATS)), ("--to", dst_fmt, FORMATS)):
        if value not in allowed:
            _fail(BundleError([Problem(opt, None, None, f"{value!r} is not one of {', '.join(allowed)}")]))
    size = src.stat().st_size if src.is_file() else 0
    with _progress(quiet or size < 8 << 20, bytes_=True) as bar:
        task = bar.add_task(f"Reading {src.name}", total=size)
        result = read_entries(src, src_fmt, on_progress=lambda n: bar.advance(task, n))
    n = write_entries(result.entries, dst, dst_fmt)
    skipped = f"; skipped {result.skipped} row(s) of other signal types" if result.skipped else ""
    err.print(
        f"Read {len(result.entries):,} PDQ hash(es) ({result.fmt}){skipped}; wrote {n:,} to {dst} ({dst_fmt})."
    )


def _open_native(bank_path: Path) -> list[BankEntry]:
    if not bank_path.exists():
        return []
    result = read_entries(bank_path, "auto")
    if result.fmt != "tanglaw" and result.entries:
        raise BundleError(
            [
                Problem(
                    str(bank_path),
                    1,
                    None,
                    f"is a {result.fmt} bank; convert it first: tanglaw media bank convert {bank_path} NEW.csv",
                )
            ]
        )
    return result.entries


@bank_app.command("add")
def bank_add(
    bank_path: Annotated[Path, typer.Argument(help="A Tanglaw bank file (created if missing).")],
    items: Annotated[list[str], typer.Argument(help="Images, videos or PDQ hashes (64 hex characters).")],
    content_id: Annotated[
        str | None, typer.Option("--content-id", help="Content id (default: the file name; none for hashes).")
    ] = None,
    source: Annotated[str, typer.Option("--source", help="Where the material came from.")] = "",
    category: Annotated[str, typer.Option("--category", help="e.g. POSITIVE_CLASS.")] = "",
    tags: Annotated[list[str] | None, typer.Option("--tag", help="A label (repeatable).")] = None,
    fps: Fps = 1.0,
    max_side: MaxSide = None,
    quiet: Quiet = False,
) -> None:
    """Hash images and videos (every sampled frame) or take hashes, and append them to a bank."""
    from ..media.image import ImageError, hash_image
    from ..media.video import VideoError, hash_video

    added_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    new: list[BankEntry] = []
    problems: list[Problem] = []
    _check_fps(fps)
    entries = _open_native(bank_path)
    inputs = _check_inputs(items, allow_hashes=True, problems=problems)
    with _progress(quiet or len(inputs) < 3) as bar:
        task = bar.add_task("Hashing", total=len(inputs))
        for item in inputs:
            meta: dict[str, Any] = dict(
                source=source, category=category, tags=tuple(tags or ()), added_at=added_at
            )
            if isinstance(item, str):
                new.append(BankEntry(item, content_id=content_id or "", **meta))
            else:
                cid = content_id or item.name
                try:
                    if _is_video(item):
                        frames = [
                            f
                            for f in hash_video(item, fps=fps, max_side=max_side)
                            if f.quality >= MIN_QUALITY
                        ]
                        if not frames:
                            problems.append(
                                Problem(
                                    str(item),
                                    None,
                                    None,
                                    f"no sampled frame has PDQ quality {MIN_QUALITY} or more",
                                )
                            )
                        new.extend(
                            BankEntry(f.hash, content_id=cid, ref_id=str(f.frame), **meta) for f in frames
                        )
                    else:
                        ih = hash_image(item)
                        if ih.quality < MIN_QUALITY:
                            problems.append(
                                Problem(
                                    str(item),
                                    None,
                                    None,
                                    f"PDQ quality {ih.quality} is below {MIN_QUALITY}: too flat to bank",
                                )
                            )
                        new.append(BankEntry(ih.hash, content_id=cid, **meta))
                except (ImageError, VideoError) as e:
                    problems.append(_problem(item, e))
            bar.advance(task)
    if problems:
        raise BundleError(problems)
    write_entries([*entries, *new], bank_path, "tanglaw")
    err.print(f"Added {len(new):,} hash(es) to {bank_path} ({len(entries) + len(new):,} in all).")


@bank_app.command("remove")
def bank_remove(
    bank_path: Annotated[Path, typer.Argument(help="A Tanglaw bank file.")],
    hashes: Annotated[
        list[str], typer.Argument(help="PDQ hashes to remove (every entry with that exact hash).")
    ],
) -> None:
    """Remove entries by exact hash."""
    bad = [Problem(h, None, None, p) for h in hashes if (p := describe_problem(h)) is not None]
    if bad:
        raise BundleError(bad)
    if not bank_path.is_file():
        raise BundleError([Problem(str(bank_path), None, None, "no such file")])
    entries = _open_native(bank_path)
    gone = {h.strip().lower() for h in hashes}
    kept = [e for e in entries if e.hash not in gone]
    write_entries(kept, bank_path, "tanglaw")
    err.print(
        f"Removed {len(entries) - len(kept):,} entr{'y' if len(entries) - len(kept) == 1 else 'ies'}; {len(kept):,} left."
    )


@bank_app.command("info")
def bank_info(
    bank_path: Annotated[Path, typer.Argument(help="A bank file in any supported format.")],
    fmt: Annotated[str, typer.Option("--from", help=f"auto, {', '.join(FORMATS)}.")] = "auto",
    quiet: Quiet = False,
) -> None:
    """Count a bank's entries, distinct hashes and sources, and time building its index."""
    from collections import Counter

    size = bank_path.stat().st_size if bank_path.is_file() else 0
    with _progress(quiet or size < 8 << 20, bytes_=True) as bar:
        task = bar.add_task(f"Reading {bank_path.name}", total=size)
        result = read_entries(bank_path, fmt, on_progress=lambda n: bar.advance(task, n))
    t0 = time.perf_counter()
    bank = Bank.of(bank_path.name.split(".")[0], result.entries)
    built = time.perf_counter() - t0
    sources = Counter(e.source for e in result.entries if e.source)
    out.print(f"{bank_path}: {result.fmt} bank")
    out.print(f"  entries          {len(result.entries):,}")
    out.print(f"  distinct hashes  {len({e.hash for e in result.entries}):,}")
    out.print(f"  content ids      {len({e.content_id for e in result.entries if e.content_id}):,}")
    if result.skipped:
        out.print(f"  skipped rows     {result.skipped:,} (other signal types)")
    if sources:
        out.print("  sources          " + ", ".join(f"{s} ({n:,})" for s, n in sources.most_common(5)))
    out.print(f"  index            built in {built:.2f} s, {bank.index.nbytes / 2**20:.1f} MiB")


# -- match ----------------------------------------------------------------------------------------


def _match_rows(label: str, r: MatchResult) -> list[dict[str, Any]]:
    if r.skipped:
        return [dict(input=label, status="skipped", note=r.skipped)]
    if not r.matches:
        return [dict(input=label, status="no match")]
    return [
        dict(
            input=label,
            status=m.status,
            bank=m.bank,
            entry_id=m.entry_id,
            content_id=m.entry.content_id,
            hash=m.entry.hash,
            distance=m.distance,
            transform=m.transform,
        )
        for m in r.matches
    ]


MATCH_FIELDS = [
    "input",
    "frame",
    "seconds",
    "status",
    "bank",
    "entry_id",
    "content_id",
    "hash",
    "distance",
    "transform",
    "note",
]


def _emit_text(row: dict[str, Any]) -> None:
    where = row["input"] + (f"#{row['frame']}@{row['seconds']}s" if row.get("frame") else "")
    status = row["status"]
    note = f" ({row['note']})" if row.get("note") else ""
    if status in ("no match", "skipped"):
        out.print(f"{where}  {status}{note}", markup=False)
        return
    key = row.get("content_id") or row.get("hash", "")
    transform = "" if row.get("transform") in (None, "", "original") else f" via {row['transform']}"
    out.print(
        f"{where}  {status.upper()}  {row['bank']}:{key}  distance {row['distance']}{transform}{note}",
        markup=False,
    )


@app.command("match")
def match_cmd(
    items: Annotated[
        list[str], typer.Argument(help="Images, videos (matched as a live stream) or PDQ hashes.")
    ],
    banks: Annotated[
        list[str],
        typer.Option("--bank", help="A bank file, optionally with its distance: known.csv:31 (repeatable)."),
    ],
    suppress: Annotated[
        list[str] | None,
        typer.Option(
            "--suppress",
            help=f"A bank of known false positives, PATH[:DISTANCE] (default {DEFAULT_SUPPRESS_THRESHOLD}).",
        ),
    ] = None,
    dihedral: Annotated[
        bool, typer.Option("--dihedral/--no-dihedral", help="Images: also look up the 7 rotations and flips.")
    ] = True,
    fps: Fps = 1.0,
    max_side: MaxSide = None,
    window: Annotated[int, typer.Option("--window", help="Video: frames in the sliding window (n).")] = 10,
    hits: Annotated[
        int, typer.Option("--hits", help="Video: matching frames in the window that raise an alert (k).")
    ] = 3,
    distance: Annotated[
        int | None,
        typer.Option("--distance", help="Video: distance a frame must be within (d; default: each bank's)."),
    ] = None,
    quarantine_max: Annotated[
        int | None,
        typer.Option("--quarantine-max", help="Quarantine an entry matching more than this many times …"),
    ] = None,
    quarantine_window: Annotated[
        float, typer.Option("--quarantine-window", help="… within this many seconds.")
    ] = 3600.0,
    fmt: Annotated[str, typer.Option("--format", help="text, csv or jsonl.")] = "text",
    quiet: Quiet = False,
) -> None:
    """Match pictures, videos and hashes against banks; videos alert at the first k-of-n frame window."""
    from ..media.image import DihedralHashes, ImageError, hash_image, hash_image_dihedral
    from ..media.stream import StreamMatcher
    from ..media.video import iter_frame_hashes

    if fmt not in ("text", "csv", "jsonl"):
        _fail(BundleError([Problem("--format", None, None, f"{fmt!r} is not one of text, csv, jsonl")]))
    _check_fps(fps)
    inputs = _check_inputs(items, allow_hashes=True)
    if not 1 <= hits <= window:
        raise BundleError([Problem("--hits", None, None, f"must be between 1 and --window ({window})")])
    if quarantine_max is not None and quarantine_max < 1:
        raise BundleError(
            [Problem("--quarantine-max", None, None, f"must be at least 1, not {quarantine_max}")]
        )
    if not 0 < quarantine_window < float("inf"):
        raise BundleError([Problem("--quarantine-window", None, None, "must be a number of seconds above 0")])
    if distance is not None and not 0 <= distance <= 256:
        raise BundleError([Problem("--distance", None, None, f"must be between 0 and 256, not {distance}")])
    loaded = [_load_bank(b, "match", quiet) for b in banks] + [
        _load_bank(s, "suppress", quiet) for s in suppress or []
    ]
    policy = QuarantinePolicy(quarantine_max, quarantine_window) if quarantine_max is not None else None
    matcher = Matcher(loaded, quarantine=policy)

    writer = csv.DictWriter(sys.stdout, MATCH_FIELDS, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()

    def emit(row: dict[str, Any]) -> None:
        if writer is not None:
            writer.writerow(csvsafe.dict_row(row))  # text cells neutralised
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(row) + "\n")
        else:
            _emit_text(row)

    for item in inputs:
        if isinstance(item, str):
            for row in _match_rows(item, matcher.match(item)):
                emit(row)
        elif _is_video(item):
            _match_video(
                item,
                matcher,
                StreamMatcher,
                iter_frame_hashes,
                emit,
                window,
                hits,
                distance,
                fps,
                max_side,
                quiet,
            )
        else:
            try:
                query: str | DihedralHashes
                if dihedral:
                    query, quality = hash_image_dihedral(item), None
                else:
                    ih = hash_image(item)
                    query, quality = ih.hash, ih.quality
            except ImageError as e:
                raise BundleError([_problem(item, e)]) from e
            for row in _match_rows(str(item), matcher.match(query, quality=quality)):
                emit(row)
    for event in matcher.quarantine.held():
        err.print(f"note: {event.describe()}", markup=False)


def _match_video(
    path: Path,
    matcher: Matcher,
    stream_cls: Any,
    frames_of: Callable[..., Iterator[FrameHash]],
    emit: Callable[[dict[str, Any]], None],
    window: int,
    hits: int,
    distance: int | None,
    fps: float,
    max_side: int | None,
    quiet: bool,
) -> None:
    sm = stream_cls(matcher, window=window, hits=hits, distance=distance)
    alerts = 0
    with err.status(f"Watching {path.name}", spinner="dots") if not quiet else _nothing():
        for fr in frames_of(path, fps=fps, max_side=max_side):
            for a in sm.push_frame(fr):
                alerts += 1
                emit(
                    dict(
                        input=str(path),
                        frame=str(a.frame),
                        seconds=f"{a.seconds:.3f}" if a.seconds is not None else "",
                        status="alert",
                        bank=a.bank,
                        content_id=a.entry.content_id,
                        hash=a.entry.hash,
                        distance=a.best_distance,
                        note=f"{a.hits} of the last {a.window} frames (frames {' '.join(map(str, a.frames))})",
                    )
                )
    if not alerts:
        emit(dict(input=str(path), status="no match", note=f"{sm.frames_seen} frame(s) watched"))


@contextmanager
def _nothing() -> Iterator[None]:
    yield
