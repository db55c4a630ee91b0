"""`tanglaw media hash|bank|match`: output, refusals with exit 2, and a clear message without the extra."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tanglaw.cli import app

from .test_media_banks import BRIDGE, TX_EXPORT, WEE

PDQ = Path(__file__).resolve().parents[2] / "shared" / "external" / "pdq"
BRIDGE_JPG = PDQ / "data" / "reg-test-input" / "dih" / "bridge-1-original.jpg"
ROTATED_JPG = PDQ / "data" / "reg-test-input" / "dih" / "bridge-2-rotate-90.jpg"


def run(*args: object) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["media", *(str(a) for a in args)], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def needs_media() -> None:
    pytest.importorskip("pdqhash")
    pytest.importorskip("PIL")
    if not BRIDGE_JPG.is_file():
        pytest.skip("PDQ reference images not found")


def test_bank_convert_and_info(tmp_path: Path) -> None:
    src = tmp_path / "collab.csv"
    src.write_bytes(TX_EXPORT.encode())
    code, _, err = run("bank", "convert", src, tmp_path / "g.hash_pdq.te", "--to", "hma")
    assert code == 0 and "Read 3 PDQ hash(es) (tx-csv); skipped 3 row(s)" in err
    assert (tmp_path / "g.hash_pdq.te").read_text().splitlines()[0] == f"{BRIDGE},,,,"
    code, out, _ = run("bank", "info", tmp_path / "g.hash_pdq.te")
    assert code == 0 and "hma bank" in out and "entries          3" in out


def test_malformed_bank_is_refused_with_file_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"pdq {BRIDGE}\npdq {BRIDGE[:-2]}\n")
    code, out, err = run("match", WEE, "--bank", bad)
    assert code == 2 and out == ""
    assert f"{bad}:2: " in err and "62 hex characters where 64 are needed" in err
    assert "refused: 1 problem(s)" in err
    code, _, err = run("bank", "convert", bad, tmp_path / "x.csv")
    assert code == 2 and not (tmp_path / "x.csv").exists()


def test_bank_add_remove_and_match_hashes(tmp_path: Path) -> None:
    bank = tmp_path / "known.csv"
    code, _, err = run("bank", "add", bank, BRIDGE, WEE, "--content-id", "case-7", "--tag", "demo")
    assert code == 0 and "Added 2 hash(es)" in err
    code, out, _ = run("match", BRIDGE, "--bank", f"{bank}:0", "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("input,frame,seconds,status,bank")
    assert lines[1].startswith(f"{BRIDGE},,,alert,known,0,case-7,{BRIDGE},0,original")
    code, out, _ = run("match", "f" * 64, "--bank", bank)
    assert code == 0 and out.strip() == f"{'f' * 64}  no match"
    code, _, err = run("bank", "remove", bank, WEE)
    assert code == 0 and "Removed 1 entry; 1 left." in err


def test_malformed_hash_and_missing_file_are_refused(tmp_path: Path) -> None:
    bank = tmp_path / "known.csv"
    run("bank", "add", bank, BRIDGE)
    code, _, err = run("match", "abc123", "--bank", bank)
    assert (
        code == 2 and "abc123: no such file, and not a PDQ hash: 6 hex characters where 64 are needed" in err
    )
    code, _, err = run("bank", "add", bank, "zz" + BRIDGE[2:])
    assert code == 2 and "'z' are not hex digits" in err
    code, _, err = run("bank", "remove", bank, BRIDGE[:10])
    assert code == 2 and "10 hex characters" in err
    code, _, err = run("hash", tmp_path / "missing.png")
    assert code == 2 and f"{tmp_path / 'missing.png'}: no such file" in err


def test_hash_images_and_unreadable_image(tmp_path: Path) -> None:
    needs_media()
    code, out, _ = run("hash", BRIDGE_JPG)
    assert (
        code == 0
        and out == f"{'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22'} 100 {BRIDGE_JPG}\n"
    )
    code, out, _ = run("hash", BRIDGE_JPG, "--dihedral", "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 9 and ",rotate90," in out
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8 not really a jpeg")
    code, out, err = run("hash", BRIDGE_JPG, bad)
    assert code == 2 and out == "" and f"{bad}: cannot read as an image" in err


def test_match_rotated_image_through_dihedral(tmp_path: Path) -> None:
    needs_media()
    bank = tmp_path / "known.csv"
    assert run("bank", "add", bank, BRIDGE_JPG)[0] == 0
    code, out, _ = run("match", ROTATED_JPG, "--bank", bank)
    assert code == 0 and "ALERT  known:bridge-1-original.jpg  distance 0 via rotate270" in out
    code, out, _ = run("match", ROTATED_JPG, "--bank", bank, "--no-dihedral")
    assert code == 0 and "no match" in out


def test_match_video_as_stream_and_vpdq_output(tmp_path: Path) -> None:
    needs_media()
    pytest.importorskip("av")
    from .test_media_stream import write_video

    video = tmp_path / "clip.mp4"
    write_video(video, scenes=[0, 1, 2])
    code, out, _ = run("hash", video, "--format", "vpdq")
    assert code == 0 and len(out.splitlines()) == 6 and out.splitlines()[1].startswith("5,")
    bank = tmp_path / "known.csv"
    assert run("bank", "add", bank, video, "--content-id", "clip-1")[0] == 0
    code, out, _ = run("match", video, "--bank", bank, "--window", "4", "--hits", "3")
    assert code == 0
    assert out.startswith(
        f"{video}#10@2.000s  ALERT  known:clip-1  distance 0 (3 of the last 3 frames (frames 0 5 10))"
    )
    code, _, err = run("match", video, "--bank", bank, "--window", "2", "--hits", "3")
    assert code == 2 and "--hits" in err


def test_missing_media_extra_names_the_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> object:
        if name in ("pdqhash", "PIL.Image", "av"):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr("tanglaw.media._deps.importlib.import_module", fake)
    img = tmp_path / "x.png"
    img.write_bytes(b"whatever")
    code, _, err = run("hash", img)
    assert code == 1 and "pip install 'tanglaw[media]'" in err
