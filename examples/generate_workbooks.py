"""Write the example commune's first village as the Excel workbooks a commune official keeps.

Run ``python examples/generate_workbooks.py`` to (re)write ``examples/data/xa-mau/``:

* ``ho-gia-dinh.xlsx`` — one row per household of thôn C001-V01, headed by the Vietnamese
  labels of happy-family's inputs (``Mã hộ``, ``Khu vực``, ``Thu nhập bình quân đầu
  người/tháng``...), with the household head's name in ``Họ tên chủ hộ``, yes/no as
  ``có``/``không`` and enumerated values by their Vietnamese label, as an official types them;
* ``thanh-vien.xlsx`` — the household members, one row each, linked by ``household_id``.

The source is the generated commune (``examples/data/commune``, from generate_commune.py);
the same files give the same workbooks (the creation date is fixed). The README and the
Vietnamese guide (docs/huong-dan.md) evaluate, explain and report on these workbooks.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from criteria_engine import load_registry
from criteria_engine.format.models import InputSpec

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "data" / "commune"
TARGET = ROOT / "data" / "xa-mau"
VILLAGE = "C001-V01"
SET = "happy-family"
FIXED = dt.datetime(2026, 11, 20, 8, 0)
AS_OF = dt.date(2026, 12, 1)


def _rows(name: str) -> list[dict[str, str]]:
    with (SOURCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cell(raw: str, spec: InputSpec | None) -> object:
    """A CSV cell as an official types it: numbers as numbers, có/không, enum labels."""
    if raw == "":
        return None
    if spec is None or spec.type in ("string", "date"):
        return raw
    if spec.type == "boolean":
        return "có" if raw in ("1", "true", "True") else "không"
    if spec.type == "enum":
        labels = (spec.value_labels or {}).get(raw)
        return labels.get("vi", raw) if labels else raw
    number = float(raw)
    return int(number) if number.is_integer() else number


def _save(book: Workbook, path: Path) -> None:
    """Save with fixed dates (document properties and zip entries): same data, same bytes."""
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = "UBND xã (ví dụ)"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            target.writestr(fixed, data)


def generate(target: Path = TARGET) -> list[Path]:
    """Write the two workbooks into ``target``; returns their paths."""
    revision = load_registry().get(SET, AS_OF)  # the revision the examples are evaluated with
    inputs = revision.model.inputs
    households = [h for h in _rows("household.csv") if h["village_id"] == VILLAGE]
    persons = [p for p in _rows("person.csv") if p["household_id"].startswith(VILLAGE + "-")]
    heads = {}
    for person in persons:
        heads.setdefault(person["household_id"], person["full_name"])
    columns = [c for c in households[0] if c in inputs or c in ("id", "village_id")]
    headers = {"id": "Mã hộ", "village_id": "Mã thôn"}
    target.mkdir(parents=True, exist_ok=True)

    book = Workbook()
    sheet = book.active
    sheet.title = "Hộ gia đình"
    sheet.append(["Mã hộ", "Họ tên chủ hộ", *(headers.get(c) or inputs[c].label["vi"] for c in columns[1:])])
    for household in households:
        values = [_cell(household[c], inputs.get(c)) for c in columns[1:]]
        sheet.append([household["id"], heads.get(household["id"], ""), *values])
    _save(book, target / "ho-gia-dinh.xlsx")

    items = inputs["persons"].items or {}
    fields = [c for c in persons[0] if c in items]
    book = Workbook()
    sheet = book.active
    sheet.title = "Thành viên"
    sheet.append(["Mã thành viên", "household_id", *(items[c].label["vi"] for c in fields)])
    for person in persons:
        values = [_cell(person[c], items[c]) for c in fields]
        sheet.append([person["id"], person["household_id"], *values])
    _save(book, target / "thanh-vien.xlsx")
    return [target / "ho-gia-dinh.xlsx", target / "thanh-vien.xlsx"]


if __name__ == "__main__":
    for path in generate():
        print(f"wrote {path.relative_to(ROOT.parent)}")
