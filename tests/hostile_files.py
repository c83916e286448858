"""Builders of hostile and broken input files, made in a test's temporary folder (never committed).

Each builder writes its file(s) under ``folder`` and returns the path to import. Large
inputs are written in pieces, so building them costs the test little memory.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

MiB = 1 << 20
GPX_HEAD = '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'


def _zeros_deflated(size: int, head: bytes = b"") -> tuple[bytes, int]:
    """(raw deflate stream of ``head`` and then ``size`` spaces, its CRC-32), built a MiB at a time.

    Spaces, not zero bytes: after an XML start tag they keep the parser reading (a zero byte
    would stop it at once), so it is the size limits that must stop the read.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    out, chunk = io.BytesIO(), b" " * MiB
    out.write(packer.compress(head))
    crc = zlib.crc32(head)
    for _ in range(size // MiB):
        out.write(packer.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    out.write(packer.flush())
    return out.getvalue(), crc


def _zip_entry(name: bytes, packed: bytes, crc: int, declared: int, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    return struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(packed), declared, len(name), 0)


def _central(name: bytes, packed: int, crc: int, declared: int, offset: int, method: int = zipfile.ZIP_DEFLATED):
    return struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, packed, declared, len(name), 0, 0, 0, 0,
        0, offset,
    ) + name  # fmt: skip


def _end(entries: int, directory_size: int, directory_offset: int) -> bytes:
    return struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, entries, entries, directory_size, directory_offset, 0)


def underdeclared_zip(folder: Path, unpacked: int = 200 * MiB, declared: int = 1000) -> Path:
    """A "Strava export" whose one GPX says it is ``declared`` bytes but unpacks to ``unpacked`` bytes."""
    packed, crc = _zeros_deflated(unpacked, GPX_HEAD.encode())
    name = b"export_1/activities/1234.gpx"
    local = _zip_entry(name, packed, crc, declared) + name + packed
    central = _central(name, len(packed), crc, declared, 0)
    path = folder / "strava-export.zip"
    path.write_bytes(local + central + _end(1, len(central), len(local)))
    return path


def declared_bomb_zip(folder: Path, unpacked: int = 48 * MiB) -> Path:
    """A zip whose member honestly says it unpacks to ``unpacked`` bytes (a ratio of about 1,000)."""
    packed, crc = _zeros_deflated(unpacked, b"<TrainingCenterDatabase>")
    name = b"activities/zeros.tcx"
    local = _zip_entry(name, packed, crc, unpacked) + name + packed
    central = _central(name, len(packed), crc, unpacked, 0)
    path = folder / "zeros.zip"
    path.write_bytes(local + central + _end(1, len(central), len(local)))
    return path


def overlapping_zip(folder: Path, copies: int = 400) -> Path:
    """One member of 1 MiB (packing about 6:1) listed ``copies`` times under the same name: all share its bytes."""
    rng = random.Random(3)
    data = bytes(rng.choice(b"ab") for _ in range(MiB))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(data) + packer.flush()
    crc = zlib.crc32(data)
    name = b"activities/1.gpx"
    local = _zip_entry(name, packed, crc, len(data)) + name + packed
    central = b"".join(_central(name, len(packed), crc, len(data), 0) for _ in range(copies))
    path = folder / "overlapping.zip"
    path.write_bytes(local + central + _end(copies, len(central), len(local)))
    return path


def huge_table_zip(folder: Path, entries: int = 60_000) -> Path:
    """A zip whose end record claims more entries than any export (the table itself is not there)."""
    path = folder / "huge-table.zip"
    path.write_bytes(_end(entries, 46 * entries, 0))
    return path


def bzip2_zip(folder: Path) -> Path:
    path = folder / "bzip2.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_BZIP2) as z:
        z.writestr("activities/1.gpx", GPX_HEAD + "</gpx>")
    return path


def escaping_zip(folder: Path) -> Path:
    """Entries named ``../evil.gpx`` and ``/etc/abs.gpx``: names that point outside the zip."""
    path = folder / "escaping.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name in ("../evil.gpx", "/etc/abs.gpx"):
            info = zipfile.ZipInfo("x")
            info.filename = name  # ZipInfo would clean the name; a hostile tool does not
            z.writestr(info, GPX_HEAD + "</gpx>")
    return path


def gzip_bomb(folder: Path, unpacked: int = 200 * MiB) -> Path:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    path = folder / "bomb.gpx.gz"
    with path.open("wb") as out:
        out.write(packer.compress(GPX_HEAD.encode()))
        chunk = b" " * MiB
        for _ in range(unpacked // MiB):
            out.write(packer.compress(chunk))
        out.write(packer.flush())
    return path


def deep_gpx(folder: Path, depth: int = 200_000, name: str = "deep.gpx") -> Path:
    path = folder / name
    path.write_text(GPX_HEAD + "<trk>" + "<a>" * depth + "</a>" * depth + "</trk></gpx>")
    return path


def deep_in_strava_export(folder: Path, marker: str) -> Path:
    """A Strava export zip whose one run row (no distance) points at a deeply nested GPX."""
    from tests.import_helpers import STRAVA_HEADER, csv_bytes, strava_row

    row = strava_row(1, "Mar 2, 2024, 6:10:00 AM", elapsed="2700", filename="activities/1.gpx", description=marker)
    deep = GPX_HEAD + "<trk>" + "<a>" * 200_000 + "</a>" * 200_000 + "</trk></gpx>"
    path = folder / "strava-deep.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("export/activities.csv", csv_bytes(STRAVA_HEADER, [row]))
        z.writestr("export/activities/1.gpx", deep)
    return path


def wide_tag_gpx(folder: Path, attributes: int = 3_000_000) -> Path:
    """A GPX whose one tag holds millions of short attributes (expat would hold them all at once)."""
    path = folder / "wide.gpx"
    with path.open("w") as out:
        out.write(GPX_HEAD + "<trk ")
        for start in range(0, attributes, 100_000):
            out.write(" ".join(f"a{i}=''" for i in range(start, min(attributes, start + 100_000))) + " ")
        out.write("/></gpx>")
    return path


def entity_gpx(folder: Path) -> Path:
    """Billion laughs: entities that expand to gigabytes."""
    lines = ['<!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">']
    lines += [f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)]
    path = folder / "laughs.gpx"
    path.write_text(
        '<?xml version="1.0"?>' + "".join(lines) + "]>" + '<gpx version="1.1"><trk><type>&j;</type></trk></gpx>'
    )
    return path


def broken_tcx_with_notes(folder: Path, marker: str) -> Path:
    path = folder / "broken.tcx"
    path.write_text(
        '<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>2024-03-02T06:10:00Z</Id>'
        f"<Notes>{marker} my back hurt</Notes><Lap StartTime='2024-03-02T06:10:00Z'><<<</Lap>"
    )
    return path


def long_line_csv(folder: Path) -> Path:
    from tests.import_helpers import STRAVA_HEADER

    path = folder / "activities.csv"
    path.write_text(",".join(STRAVA_HEADER) + "\n" + "x" * (2 * MiB) + "\n")
    return path


def special_files(folder: Path) -> Path:
    """A folder holding a link to /dev/zero named like a GPX and a named pipe named like a TCX."""
    folder.mkdir()
    (folder / "zero.gpx").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.tcx")
    return folder


def link_to_dev_zero(folder: Path, name: str) -> Path:
    path = folder / name
    path.symlink_to("/dev/zero")
    return path


def fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def long_number_json(folder: Path) -> Path:
    path = folder / "long-number.json"
    path.write_text('{"format": "run-journal", "version": 1, "runs": [{"date": "2024-03-01", "distance_km": '
                    + "9" * 5000 + "}]}")  # fmt: skip
    return path


def deep_json(folder: Path, depth: int = 100_000) -> Path:
    path = folder / "deep.json"
    path.write_text('{"format": "run-journal", "runs": ' + "[" * depth + "]" * depth + "}")
    return path


def huge_json(folder: Path, size: int = 70 * MiB) -> Path:
    path = folder / "huge.json"
    with path.open("w") as out:
        out.write('{"format": "run-journal", "runs": [')
        out.write(("{}," * (MiB // 3)) * (size // MiB))
        out.write("{}]}")
    return path


def bad_json_with_notes(folder: Path, marker: str) -> Path:
    path = folder / "bad-entry.json"
    path.write_text(
        '{"format": "run-journal", "version": 1, "runs": [{"date": "2024-03-01", "distance_km": "far", '
        f'"notes": "{marker} sore back"}}]}}'
    )
    return path


def gz_of(path: Path) -> Path:
    target = path.with_name(path.name + ".gz")
    target.write_bytes(gzip.compress(path.read_bytes()))
    return target


def many_values_json(folder: Path, values: int = 5_000_000) -> Path:
    """A short file of millions of tiny values: parsed, each would take many times its two bytes."""
    path = folder / "many.json"
    with path.open("w") as out:
        out.write('{"format": "run-journal", "runs": [], "x": [')
        out.write("1," * values)
        out.write("1]}")
    return path


def wide_text_json(folder: Path, size: int = 19 * MiB) -> Path:
    """A JSON backup under the size cap whose one long string holds an emoji (Python stores it 4 bytes a character)."""
    path = folder / "emoji.json"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "run-journal", "version": 1, "runs": [{"date": "2024-03-01", "distance_km": "far", ')
        out.write('"notes": "\U0001f3c3')
        out.write("a" * size)
        out.write('"}]}')
    return path


def long_gpx(folder: Path, points: int = 250_000) -> Path:
    """An honest GPX of a very long run (about 25 MB): it must import, in little memory."""
    from datetime import datetime, timedelta

    t0 = datetime(2024, 3, 2, 6, 0)
    path = folder / "ultra.gpx"
    with path.open("w") as out:
        out.write(GPX_HEAD + "<trk><type>running</type><trkseg>")
        for i in range(points):
            t = t0 + timedelta(seconds=i // 4)
            out.write(
                f'<trkpt lat="{46 + i * 1e-6:.7f}" lon="{14 + i * 1e-6:.7f}"><ele>{300 + i % 50}.0</ele>'
                f"<time>{t:%Y-%m-%dT%H:%M:%S}Z</time></trkpt>\n"
            )
        out.write("</trkseg></trk></gpx>")
    return path
