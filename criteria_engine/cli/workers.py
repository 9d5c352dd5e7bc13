"""Worker processes for ``--jobs N``: fresh interpreters fed tasks through a pipe, their results
read back in the order the tasks were given. They never outlive the command.

Each worker is a new Python process (``python -c "...serve()"``) in the command's process
group, holding one end of a socket pair and nothing else of the parent's (no inherited file,
no output half written). It ignores Ctrl-C — the parent handles it and ends the workers, so
an interrupted run prints one line, not a traceback per worker — and it dies with the parent:
on Linux the kernel kills it the moment the parent is gone (``PR_SET_PDEATHSIG``); elsewhere a
watchdog thread notices the parent has changed. A worker whose pipe closes ends too.

The first message a worker receives is its setup, an object whose ``start()`` gives the
function each later task is run with; the result (or the reason it failed) goes back whole.
At most :data:`IN_FLIGHT` tasks per worker are queued, so memory stays bounded. Tasks are sent
by a thread per worker, so the parent never waits on a full pipe while a worker waits for the
parent to read its result.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from socket import socketpair
from typing import Any

from ..messages import Msg, msg

IN_FLIGHT = 2
"""Tasks queued per worker before the parent waits for a result."""
AHEAD = 4
"""Tasks per worker that may be done or under way before the parent has taken their results
(a fast worker runs ahead of a slow one by this much, no more)."""
STOP_SECONDS = 5.0
"""How long a worker is given to end by itself before it is killed."""
_SERVE = "from criteria_engine.cli.workers import serve; serve()"
_PR_SET_PDEATHSIG = 1


class WorkerFailure(Exception):
    """A worker could not run a task (or start); carries the reason (a message of the catalogue)."""


CPUS_VARIABLE = "CRITERIA_CPUS"
"""An environment variable that says how many CPUs ``--jobs`` may use (for a container that
reports the host's CPUs, or a test), instead of those this process may run on."""


def cpu_count() -> int:
    """The CPUs ``--jobs`` may use: :data:`CPUS_VARIABLE` when set, else those this process may
    run on (its affinity where the system says)."""
    said = os.environ.get(CPUS_VARIABLE, "")
    if said.isdigit() and int(said) > 0:
        return int(said)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Workers:
    """``count`` worker processes, started at once (their interpreters load while the parent
    does its own start-up); :meth:`start` gives them their setup, :meth:`run` their tasks. Use
    as a context manager: on leaving, the workers are told to stop, then ended (and always
    reaped)."""

    def __init__(self, count: int) -> None:
        self._processes: list[subprocess.Popen[bytes]] = []
        self._connections: list[Connection] = []
        self._outboxes: list[queue.SimpleQueue[object]] = []
        self._senders: list[threading.Thread] = []
        self._started = False
        try:
            self._spawn(count)
        except BaseException:
            self.close(graceful=False)
            raise

    def __len__(self) -> int:
        return len(self._processes)

    def _spawn(self, count: int) -> None:
        blocked = _block_interrupts()
        try:
            for _ in range(count):
                mine, theirs = socketpair()
                try:
                    process = subprocess.Popen(
                        [sys.executable, "-c", _SERVE, str(theirs.fileno()), str(os.getpid())],
                        pass_fds=(theirs.fileno(),),
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        close_fds=True,
                    )
                finally:
                    theirs.close()
                self._processes.append(process)
                self._connections.append(Connection(mine.detach()))
        finally:
            _unblock_interrupts(blocked)
        for connection in self._connections:
            outbox: queue.SimpleQueue[object] = queue.SimpleQueue()
            sender = threading.Thread(target=_send_all, args=(connection, outbox), daemon=True)
            sender.start()
            self._outboxes.append(outbox)
            self._senders.append(sender)

    def start(self, setup: object) -> None:
        """Give every worker its setup (once; the tasks follow)."""
        assert not self._started  # a second setup would be a mistake in this package, not the user's
        self._started = True
        message = bytes(ForkingPickler.dumps(setup))  # here: a setup that cannot be sent fails now
        for outbox in self._outboxes:
            outbox.put(message)

    def run(self, tasks: Iterable[object], count: int | None = None) -> Iterator[Any]:
        """The result of each task, in the order of ``tasks``, on the first ``count`` workers.

        A task goes to whichever worker is free first (a worker slowed down by other work on
        the machine does not hold the others up); results that come early wait their turn,
        and new tasks are taken from ``tasks`` only while fewer than :data:`AHEAD` per worker
        are sent and not yet given back, so memory stays bounded."""
        workers = list(range(min(count or len(self), len(self))))
        limit = AHEAD * len(workers)
        source = iter(tasks)
        queued: dict[int, deque[int]] = {w: deque() for w in workers}  # task numbers, per worker
        done: dict[int, Any] = {}
        sent = given = 0
        exhausted = False

        def send(worker: int) -> None:
            nonlocal sent, exhausted
            task = next(source, _END)
            if task is _END:
                exhausted = True
                return
            self._outboxes[worker].put(bytes(ForkingPickler.dumps(task)))
            queued[worker].append(sent)
            sent += 1

        for _ in range(IN_FLIGHT):
            for worker in workers:
                if not exhausted:
                    send(worker)
        while given < sent:
            while given in done:
                yield done.pop(given)
                given += 1
            if given == sent:
                break
            busy = {self._connections[w]: w for w in workers if queued[w]}
            for connection in wait(list(busy)):
                worker = busy[connection]  # type: ignore[index]
                try:
                    ok, value = self._connections[worker].recv()
                except (EOFError, OSError):
                    raise WorkerFailure(msg("worker-failed.ended")) from None
                if not ok:
                    raise WorkerFailure(value)
                done[queued[worker].popleft()] = value
            for worker in workers:  # keep every worker busy, within the limit
                while not exhausted and len(queued[worker]) < IN_FLIGHT and sent - given < limit:
                    send(worker)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, _error: object, _trace: object) -> None:
        self.close(graceful=kind is None)

    def close(self, graceful: bool = True) -> None:
        """Stop every worker: told to (``graceful``), else ended at once; reaped either way."""
        for outbox in self._outboxes:
            outbox.put(None)  # the worker's last message: stop (and the sender's)
        if graceful:
            for sender in self._senders:
                sender.join(STOP_SECONDS)
        for connection in self._connections:
            with contextlib.suppress(OSError):
                connection.close()
        deadline = time.monotonic() + (STOP_SECONDS if graceful else 0)
        for process in self._processes:
            if not graceful:
                with contextlib.suppress(OSError):
                    process.terminate()
            try:
                process.wait(max(0.0, deadline - time.monotonic()) or 0.5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._processes, self._connections, self._outboxes, self._senders = [], [], [], []


def _send_all(connection: Connection, outbox: queue.SimpleQueue[object]) -> None:
    """Send what is put in ``outbox`` until None (sent too: it tells the worker to stop)."""
    while True:
        message = outbox.get()
        try:
            connection.send_bytes(message if isinstance(message, bytes) else ForkingPickler.dumps(message))
        except (OSError, ValueError):
            return  # the worker is gone or its pipe closed: the reader finds out
        if message is None:
            return


_END = object()


def _block_interrupts() -> object:
    """Block SIGINT while workers start: they inherit the mask, so a Ctrl-C during their own
    start-up cannot print a traceback (each then ignores SIGINT for good)."""
    if hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread():
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    return None


def _unblock_interrupts(previous: object) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # type: ignore[arg-type]


def _die_with(parent: int) -> None:
    """End this process as soon as ``parent`` is gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watchdog below is enough

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    if os.getppid() != parent:  # gone before we could ask to be told
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _said(exc: Exception) -> Msg:
    """An exception as a message that crosses to the parent: its own words when it carries a
    message of the catalogue, else its type and text."""
    if exc.args and isinstance(exc.args[0], Msg):
        return exc.args[0]
    return msg("raw", text=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)


def serve() -> None:
    """A worker's life: its setup, then each task's result, until told to stop (or orphaned)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with(int(sys.argv[2]))
    connection = Connection(int(sys.argv[1]))
    try:
        setup = connection.recv()
        if setup is None:  # the run did not need this worker
            os._exit(0)
        try:
            handler: Callable[[Any], Any] | None = setup.start()
            failure: Msg | None = None
        except Exception as exc:  # reported with the first task, not as a traceback
            handler, failure = None, _said(exc)
        while (task := connection.recv()) is not None:
            if handler is None:
                connection.send((False, msg("worker-failed.start", detail=failure)))
                continue
            try:
                connection.send((True, handler(task)))
            except Exception as exc:
                connection.send((False, _said(exc)))
    except (EOFError, OSError):
        pass  # the parent is gone or closed the pipe: nothing left to do
    os._exit(0)


__all__ = ["AHEAD", "CPUS_VARIABLE", "IN_FLIGHT", "WorkerFailure", "Workers", "cpu_count", "serve"]
