"""Reading candidate data: files streamed as raw rows, headers mapped to inputs, values
converted by declared type, tables gathered into datasets.

* :mod:`.readers` — :func:`iter_rows` over CSV/TSV, JSON, JSONL and XLSX files;
* :mod:`.columns` — :class:`ColumnMap`: which column holds which input;
* :mod:`.convert` — :func:`convert_value` / :func:`convert_row`: typed values and problems;
* :mod:`.dataset` — :func:`open_dataset` and :func:`attach_children`.
"""

from criteria_engine.io.columns import ColumnMap, InputMatcher, fold, load_map_file
from criteria_engine.io.convert import convert_raw_row, convert_row, convert_value, is_missing, parse_number
from criteria_engine.io.dataset import ChildIndex, Dataset, TableSource, attach_children, open_dataset
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
    "ChildIndex",
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
