"""Opening data files for the readers: refusing one with a single diagnostic, opening it for
reading, and checking in constant memory that it is UTF-8 text."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import IO, NoReturn

from criteria_engine.errors import DataError, diagnostic, os_reason
from criteria_engine.messages import Msg, msg

_SAVE_UTF8 = msg("data-not-utf8.hint")


def fail(
    code: str, text: Msg, file: str, line: int = 0, column: int = 0, hint: Msg | None = None
) -> NoReturn:
    raise DataError([diagnostic(code, text, file, line, column, hint=hint)])


def open_binary(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        fail("data-unreadable", msg("data-unreadable", path=str(path), reason=os_reason(exc)), str(path))


def check_utf8(path: Path) -> None:
    """Refuse a file that is not UTF-8 (in constant memory), naming the first bad line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open_binary(path) as raw:
        try:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            pass
        else:
            return
        raw.seek(0)
        for number, line in enumerate(raw, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(line[: exc.start].decode("utf-8", "replace")) + 1
                text = msg("data-not-utf8", line=number, byte=f"{line[exc.start]:02X}")
                fail("data-not-utf8", text, str(path), number, column, _SAVE_UTF8)
    fail("data-not-utf8", msg("data-not-utf8.file"), str(path))  # cut inside a character
