"""Reading files: criteria-set folders, and candidate data streamed as raw rows, headers mapped
to inputs, values converted by declared type, tables gathered into datasets.

* :mod:`.readers` — :func:`iter_rows` over CSV/TSV, JSON, JSONL and XLSX files (the header
  row found below a title; every limit an invalid row or a located error);
* :mod:`.header_words` — how headers are compared (accents, abbreviations), id headers,
  totals rows;
* :mod:`.columns` — :class:`ColumnMap`: which column holds which input;
* :mod:`.convert` — :func:`convert_value`: typed values and problems; :mod:`.row_convert` —
  :func:`convert_row` and :class:`~.row_convert.RowConverter` (compiled per table by
  :mod:`.row_code`): whole rows;
* :mod:`.records` — :class:`~.records.DataSource` and :func:`~.records.read_records`: a file's
  candidates for a set, with :mod:`.children` (members' tables), :mod:`.ids` (repeated ids)
  and :mod:`.source_checks` (a run that would be wrong);
* :mod:`.quality` — what the reading found: grouped warnings, counts, the data-quality list;
* :mod:`.template` — the empty workbook (or CSV) a commune fills in;
* :mod:`.dataset` — :func:`open_dataset` and :func:`attach_children`;
* :mod:`.dataset_tables` — a dataset's tables handed to the roll-up: :func:`evaluate_dataset`;
* :mod:`.catalog` — criteria-set files and folders read and checked into a registry.

May import: every part below it — :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`,
:mod:`criteria_engine.format`, :mod:`criteria_engine.rules`, :mod:`criteria_engine.evaluators`,
:mod:`criteria_engine.explain` — and openpyxl, PyYAML. Not :mod:`criteria_engine.render`,
:mod:`criteria_engine.revisions` or :mod:`criteria_engine.cli`.
"""

from criteria_engine.io.columns import ColumnMap, InputMatcher, fold, load_map_file
from criteria_engine.io.convert import convert_value, is_missing, parse_number
from criteria_engine.io.dataset import Dataset, TableSource, attach_children, open_dataset
from criteria_engine.io.readers import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    RawRow,
    detect_format,
    iter_rows,
    list_sheets,
    read_headers,
)
from criteria_engine.io.row_convert import convert_raw_row, convert_row

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "ColumnMap",
    "Dataset",
    "InputMatcher",
    "RawRow",
    "TableSource",
    "attach_children",
    "convert_raw_row",
    "convert_row",
    "convert_value",
    "detect_format",
    "fold",
    "is_missing",
    "iter_rows",
    "list_sheets",
    "load_map_file",
    "open_dataset",
    "parse_number",
    "read_headers",
]
