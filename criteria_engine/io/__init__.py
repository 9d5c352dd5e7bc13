"""Reading files: criteria-set folders, and candidate data streamed as raw rows, headers mapped
to inputs, values converted by declared type, tables gathered into datasets.

* :mod:`.readers` — :func:`iter_rows` over CSV/TSV, JSON, JSONL and XLSX files;
* :mod:`.columns` — :class:`ColumnMap`: which column holds which input;
* :mod:`.convert` — :func:`convert_value` / :func:`convert_row`: typed values and problems;
* :mod:`.dataset` — :func:`open_dataset` and :func:`attach_children`;
* :mod:`.dataset_tables` — a dataset's tables handed to the roll-up: :func:`evaluate_dataset`;
* :mod:`.catalog` — criteria-set files and folders read and checked into a registry.

May import: every part below it — :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`,
:mod:`criteria_engine.format`, :mod:`criteria_engine.rules`, :mod:`criteria_engine.evaluators`,
:mod:`criteria_engine.explain` — and openpyxl, PyYAML. Not :mod:`criteria_engine.render`,
:mod:`criteria_engine.revisions` or :mod:`criteria_engine.cli`.
"""

from criteria_engine.io.columns import ColumnMap, InputMatcher, fold, load_map_file
from criteria_engine.io.convert import convert_raw_row, convert_row, convert_value, is_missing, parse_number
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
