"""Bank files: both upstream CSV formats (and ours) read, written back identically, refused when malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tanglaw.errors import BundleError
from tanglaw.media.bank import Bank, BankEntry
from tanglaw.media.bankfile import (
    FORMATS,
    detect_format,
    read_bank,
    read_entries,
    write_bank,
    write_entries,
)

# Benign hashes: the ThreatExchange bridge photo and its edits (pdq/data/bridge-mods), as
# python-threatexchange ships them in PdqSignal.get_examples().
BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
BRIDGE_SHRUNK = "d0f8f1ccc0f4a84d0a370a3a228f67f0b36e2ed5b6623e1d33e6339c4e9c9b22"
WEE = "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d"

# The start of what `threatexchange dataset -P --csv` (python-threatexchange 1.2.17, sample
# collaboration) printed here, CRLF line ends and all; other signal types are mixed in.
TX_EXPORT = (
    "signal_type,signal_str,collab,category,tags\r\n"
    "video_md5,cab08b36195edb1a1231d2d09fa450e0,Sample Signals,INVESTIGATION_SEED,\r\n"
    f"pdq,{BRIDGE},Sample Signals,INVESTIGATION_SEED,\r\n"
    f"pdq,{BRIDGE_SHRUNK},Sample Signals,INVESTIGATION_SEED,\r\n"
    'trend_query,"{""and"": [{""or"": [""basketball"", ""bball""]}]}",Sample Signals,INVESTIGATION_SEED,\r\n'
    f"pdq,{WEE},Sample Signals,INVESTIGATION_SEED,\r\n"
    "url,https://developers.facebook.com/docs/threat-exchange/reference/apis/,Sample Signals,INVESTIGATION_SEED,\r\n"
)

# HMA 1.x data file rows: hash,indicator_id,descriptor_id,timestamp,tags (no header).
HMA_FILE = (
    f"{BRIDGE},2880742865368386,3197774930304089,2020-07-31T18:47:52+0000,media_priority_samples media_type_photo\r\n"
    f"{WEE},2888629371260007,3197774930304090,2020-07-31T18:47:52+0000,\r\n"
)

# python-threatexchange CLI cache rows: hash,descriptor_id,added_on,labels (no header).
TX_TE_FILE = (
    f"{BRIDGE},3197774930304089,2020-07-31T18:47:52+0000,sample disputed\r\n"
    f"{BRIDGE_SHRUNK},3197774930304091,2020-07-31T18:47:53+0000,\r\n"
)

LINES_FILE = f"pdq {BRIDGE}\n{WEE}\nvideo_md5 cab08b36195edb1a1231d2d09fa450e0\n\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


def test_tx_export_round_trip(tmp_path: Path) -> None:
    src = _write(tmp_path, "collab.csv", TX_EXPORT)
    r = read_entries(src)
    assert r.fmt == "tx-csv" and r.skipped == 3
    assert [e.hash for e in r.entries] == [BRIDGE, BRIDGE_SHRUNK, WEE]
    assert r.entries[0].source == "Sample Signals" and r.entries[0].category == "INVESTIGATION_SEED"
    out = tmp_path / "again.csv"
    write_entries(r.entries, out, "tx-csv")
    pdq_only = [ln for ln in TX_EXPORT.split("\r\n") if ln.startswith(("signal_type", "pdq,"))]
    assert out.read_bytes().decode() == "\r\n".join(pdq_only) + "\r\n"


def test_hma_round_trip_and_privacy_group(tmp_path: Path) -> None:
    src = _write(tmp_path, "1234567890.hash_pdq.te", HMA_FILE)
    r = read_entries(src)
    assert r.fmt == "hma"
    e = r.entries[0]
    assert (e.content_id, e.ref_id, e.added_at) == (
        "2880742865368386",
        "3197774930304089",
        "2020-07-31T18:47:52+0000",
    )
    assert e.tags == ("media_priority_samples", "media_type_photo")
    assert e.source == "1234567890"  # HMA reads the privacy group from the file name
    out = tmp_path / "out.hash_pdq.te"
    write_entries(r.entries, out, "hma")
    assert out.read_bytes() == src.read_bytes()


def test_tx_te_and_lines_round_trip(tmp_path: Path) -> None:
    src = _write(tmp_path, "simple.pdq.te", TX_TE_FILE)
    r = read_entries(src)
    assert (
        r.fmt == "tx-te"
        and r.entries[0].ref_id == "3197774930304089"
        and r.entries[0].tags == ("sample", "disputed")
    )
    write_entries(r.entries, tmp_path / "b.te", "tx-te")
    assert (tmp_path / "b.te").read_bytes() == src.read_bytes()

    src = _write(tmp_path, "hashes.txt", LINES_FILE)
    r = read_entries(src)
    assert r.fmt == "lines" and r.skipped == 1 and [e.hash for e in r.entries] == [BRIDGE, WEE]
    write_entries(r.entries, tmp_path / "c.txt", "lines")
    assert read_entries(tmp_path / "c.txt").entries == r.entries


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_keeps_its_fields_through_tanglaw(tmp_path: Path, fmt: str) -> None:
    """format -> Tanglaw -> format gives the same file: nothing a format carries is lost."""
    entries = [
        BankEntry(
            BRIDGE,
            content_id="c1",
            ref_id="11",
            source="src",
            category="POSITIVE_CLASS",
            tags=("a", "b"),
            added_at="t1",
        ),
        BankEntry(WEE, content_id="c2", ref_id="12", source="src", category="", tags=(), added_at="t2"),
    ]
    first = tmp_path / f"src.{fmt}"
    write_entries(entries, first, fmt)
    bank = read_bank(first, fmt)
    native = tmp_path / "native.csv"
    write_bank(bank, native, "tanglaw")
    again = tmp_path / f"again.{fmt}"
    write_entries(read_entries(native).entries, again, fmt)
    assert again.read_bytes() == first.read_bytes()
    if fmt == "tanglaw":
        assert list(read_bank(native)) == entries


def test_detect_format() -> None:
    assert detect_format("hash,content_id,ref_id,source,category,tags,added_at") == "tanglaw"
    assert detect_format("signal_type,signal_str,collab,category,tags") == "tx-csv"
    assert detect_format(f"{BRIDGE},1,2,t,x") == "hma"
    assert detect_format(f"{BRIDGE},1,t,x") == "tx-te"
    assert detect_format(f"pdq {BRIDGE}") == "lines"
    assert detect_format("a,b") is None


REFUSALS = [
    (
        "short hash",
        "signal_type,signal_str,collab,category,tags\r\npdq,abc123,c,POSITIVE_CLASS,\r\n",
        "bank.csv:2: signal_str: not a PDQ hash: 6 hex characters where 64 are needed",
    ),
    (
        "not hex",
        f"{'z' + BRIDGE[1:]},1,2,t,\r\n",
        "bank.csv:1: not a PDQ hash: 64 characters, not all of them hex digits",  # never the text
    ),
    ("field count", f"{BRIDGE},1,2,t,\r\n{WEE},1,2\r\n", "bank.csv:2: 3 fields where the hma format has 5"),
    (
        "bad header",
        "signal_type,signal,collab\r\npdq,x,y\r\n",
        "bank.csv:1: header lacks signal_str, category, tags",
    ),
    ("unknown layout", "a,b\r\n", "bank.csv:1: cannot tell the bank format"),
    ("bad line", f"pdq {BRIDGE}\npdq nothex\n", "bank.csv:2: not a PDQ hash: 6 characters, not all"),
]


@pytest.mark.parametrize(("case", "text", "expected"), REFUSALS, ids=[c[0] for c in REFUSALS])
def test_malformed_bank_files_are_refused_with_file_and_line(
    tmp_path: Path, case: str, text: str, expected: str
) -> None:
    p = _write(tmp_path, "bank.csv", text)
    with pytest.raises(BundleError) as ei:
        read_entries(p)
    first = ei.value.lines()[0]
    assert first.replace(str(tmp_path) + "/", "").startswith(expected), first


def test_refusal_counts_every_problem(tmp_path: Path) -> None:
    text = "".join(f"pdq {'x' * 64}\n" for _ in range(30))
    with pytest.raises(BundleError) as ei:
        read_entries(_write(tmp_path, "many.txt", text))
    assert ei.value.total == 30 and ei.value.lines()[-1] == "… and 10 more problems"


def test_not_utf8_and_missing_file_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "bin.csv"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BundleError, match="not UTF-8"):
        read_entries(p, "lines")
    with pytest.raises(BundleError, match="cannot open"):
        read_entries(tmp_path / "none.csv")


def test_bank_add_remove_query_and_thresholds() -> None:
    bank = Bank("b", threshold=10)
    a = bank.add(BankEntry(BRIDGE, content_id="x"))
    b = bank.add(BankEntry(BRIDGE_SHRUNK, content_id="y"))
    from tanglaw.media.hashes import distance

    d = distance(BRIDGE, BRIDGE_SHRUNK)
    assert 0 < d <= 31
    assert [h.entry_id for h in bank.query(BRIDGE)] == ([a, b] if d <= 10 else [a])
    assert [h.entry_id for h in bank.query(BRIDGE, threshold=31)] == [a, b]
    assert bank.remove(a) and not bank.remove(a)
    assert [h.entry_id for h in bank.query(BRIDGE, threshold=31)] == [b]
    assert bank.remove_hash(BRIDGE_SHRUNK) == 1 and len(bank) == 0
    with pytest.raises(ValueError):
        Bank("bad", threshold=300)
