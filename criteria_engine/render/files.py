"""Where an output may be written, and writing it safely: never over an input, a folder, a
device or a pipe; through a temporary file put in place at the end, so an interrupted run
leaves nothing half written (imports nothing heavy: the command line checks ``-o`` first)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError, diagnostic, os_reason
from ..messages import Msg, msg


def _refuse(code: str, text: Msg, target: Path) -> OutputError:
    return OutputError([diagnostic(code, text, str(target))])


def output_target(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The file an output named ``path`` may replace, or :class:`OutputError` saying why not.

    An output is a new file or replaces a regular file. It never replaces one of ``inputs``
    (the same file, by device and inode, whatever the name), a folder, a device or a pipe. A
    symbolic link is written through: its target is replaced and the link keeps pointing at it.
    """
    target = Path(path)
    try:
        found = os.stat(target)  # follows links: what would be replaced
    except FileNotFoundError:
        found = None
    except OSError as exc:
        said = msg("output-unwritable", file=str(target), reason=os_reason(exc))
        raise _refuse("output-unwritable", said, target) from None
    if found is not None and not stat.S_ISREG(found.st_mode):
        kind = msg("output-not-a-file.folder" if stat.S_ISDIR(found.st_mode) else "output-not-a-file.device")
        raise _refuse("output-not-a-file", msg("output-not-a-file", file=str(target), kind=kind), target)
    for source in inputs:
        try:
            same = found is not None and os.path.samefile(target, source)
        except OSError:
            same = False
        if same:
            said = msg("output-is-input", file=str(target), input=os.fspath(source))
            raise _refuse("output-is-input", said, target)
    return Path(os.path.realpath(target))


@contextmanager
def atomic_file(path: str | os.PathLike[str], binary: bool = False) -> Iterator[IO[Any]]:
    """Write ``path`` through a temporary file in the same folder, put in place at the end.

    On any exception (Ctrl-C included) the temporary file is deleted and ``path`` is left as
    it was. The target is checked first (:func:`output_target`: a regular file or a new one; a
    link is written through). Raises :class:`~criteria_engine.errors.OutputError` when it may
    not be written, or its folder is missing or not writable.
    """
    target = output_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise _refuse(
            "output-no-folder", msg("output-no-folder", file=str(target), folder=str(folder)), target
        )
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        said = msg("output-unwritable", file=str(target), reason=os_reason(exc))
        raise _refuse("output-unwritable", said, target) from None
    stream: IO[Any] = (
        os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")
    )
    try:
        with stream:
            yield stream
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, target)
    except BaseException:
        if not stream.closed:
            stream.close()
        Path(temp).unlink(missing_ok=True)
        raise


__all__ = ["atomic_file", "output_target"]
