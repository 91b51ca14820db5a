"""Many files read in worker processes, one per CPU: the team view, batch plans, the export.

The only module that imports multiprocessing (the core and views may not): each worker gets the
job (the library and what the command asked for) once, then reads chunks of files, runs a
module-level `work(job, path)` on each and sends back its small result, or the file's error as
plain values (a CareerpathError's message, file, line and option). Results come back in any
order, each with the file's index in `paths`.

- A worker ignores Ctrl-C (the main process stops the pool) and ends at once on SIGTERM (the
  pool stops its workers so; careerpath.edges.signals' unwinding is for the main process). It
  freezes what it inherited (the library: never scanned by the cyclic garbage collector) and
  runs with the collector paused, collecting only after a chunk that had errors (an
  exception's traceback is a cycle).
- `collector_paused()` does the same for the main process while it keeps the results: a heap
  that only grows would otherwise be re-scanned again and again; what was kept is then frozen.
- `progress()` draws a bar only on a terminal, for POOL_FROM files or more, so rich is not even
  imported when the output is piped.
- `Kept` carries what one pass made of a file to the next pass over the same file (a parsed
  inventory, so a folder's files are read once): pickled in the worker that made it, held as
  bytes by the main process, handed to the next pass's workers with their job (forked: nothing
  is sent) and unpickled by the one that uses it.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any, NamedTuple

from careerpath.edges.signals import release
from careerpath.errors import CareerpathError

POOL_FROM = 200  # files; smaller folders are read faster than workers start
CHUNKS_PER_WORKER = 8  # each chunk: this share per worker of the files still to send
LARGEST_CHUNK = 256
SMALLEST_CHUNK = 4

Work = Callable[[Any, Path], Any]
Tick = Callable[[int], None]


class _Failed(NamedTuple):
    """A CareerpathError as plain values (its subclasses need not pickle)."""

    message: str
    file: str | None
    line: int | None
    option: str | None

    def error(self) -> CareerpathError:
        return CareerpathError(self.message, file=self.file, line=self.line, option=self.option)


class Kept:
    """A value made in one pass for the next: the value itself in the process that made it;
    sent from a worker, its pickled bytes (made by that worker, never read from a file), which
    `value()` unpickles where it is used."""

    __slots__ = ("_blob", "_value")

    def __init__(self, value: object = None, blob: bytes | None = None) -> None:
        self._value = value
        self._blob = blob

    def value(self) -> Any:
        if self._blob is None:
            return self._value
        return ForkingPickler.loads(self._blob)

    def __reduce__(self) -> tuple[Callable[..., Kept], tuple[None, bytes]]:
        blob = self._blob if self._blob is not None else bytes(ForkingPickler.dumps(self._value))
        return Kept, (None, blob)


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers_for(files: int, jobs: int | None) -> int:
    """How many worker processes `files` files get: `jobs` if given (1: none, read here), else
    one per CPU for a folder of POOL_FROM files or more."""
    if jobs is not None:
        return max(1, min(jobs, files))
    return cpu_count() if files >= POOL_FROM else 1


def chunk_sizes(files: int, workers: int) -> list[int]:
    """How many files each chunk sent to a worker holds, in order: a 1/(workers x
    CHUNKS_PER_WORKER) share of the files still to send, between SMALLEST_CHUNK and
    LARGEST_CHUNK, so the chunks shrink toward the end and every worker is busy until the last
    file (the same size throughout would leave one idle for up to a chunk's time)."""
    sizes: list[int] = []
    left = files
    while left:
        share = math.ceil(left / (workers * CHUNKS_PER_WORKER))
        size = min(left, max(SMALLEST_CHUNK, min(LARGEST_CHUNK, share)))
        sizes.append(size)
        left -= size
    return sizes


def each_file(
    paths: Sequence[Path],
    work: Work,
    job: object,
    *,
    jobs: int | None = None,
    tick: Tick | None = None,
    ordered: bool = False,
) -> Generator[tuple[int, Any], None, None]:
    """(index, work(job, path) or the CareerpathError it raised) for every path, in any order
    (`ordered`: in the order of `paths`, for output written as it comes)."""
    workers = workers_for(len(paths), jobs)
    if workers <= 1:
        for index, path in enumerate(paths):
            try:
                yield index, work(job, path)
            except CareerpathError as error:
                yield index, error
            if tick is not None:
                tick(1)
        return
    named = [(index, str(path)) for index, path in enumerate(paths)]
    chunks, start = [], 0
    for size in chunk_sizes(len(named), workers):
        chunks.append(named[start : start + size])
        start += size
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers, initializer=_start, initargs=(work, job)) as pool:
        mapped = pool.imap if ordered else pool.imap_unordered
        for results in mapped(_chunk, chunks):
            for index, result in results:
                yield index, result.error() if isinstance(result, _Failed) else result
            if tick is not None:
                tick(len(results))


_work: Work | None = None
_job: object = None


def _start(work: Work, job: object) -> None:
    global _work, _job
    _work, _job = work, job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the main process stops the pool
    release()  # the pool ends its workers with SIGTERM: they just end
    gc.disable()
    gc.freeze()


def _chunk(chunk: list[tuple[int, str]]) -> list[tuple[int, Any]]:
    assert _work is not None
    results: list[tuple[int, Any]] = []
    failed = False
    for index, path in chunk:
        try:
            results.append((index, _work(_job, Path(path))))
        except CareerpathError as error:
            failed = True
            file = None if error.file is None else str(error.file)
            results.append((index, _Failed(error.message, file, error.line, error.option)))
    if failed:
        gc.collect()
    return results


class Collector:
    """The cyclic garbage collector while a command reads a folder (see collector_paused)."""

    def __init__(self) -> None:
        self.enabled = gc.isenabled()
        self.frozen = False

    def kept(self) -> None:
        """The results are in: freeze them (never scanned again) and let the collector run."""
        gc.freeze()
        self.frozen = True
        if self.enabled:
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[Collector]:
    """The collector paused until `kept()` (or the end); everything as it was afterwards."""
    collector = Collector()
    gc.disable()
    try:
        yield collector
    finally:
        if collector.frozen:
            gc.unfreeze()
        if collector.enabled:
            gc.enable()


def progress(total: int, label: str) -> AbstractContextManager[Tick | None]:
    """A `tick(count)` that advances a bar on stderr, or None when none is drawn: fewer than
    POOL_FROM files, or stderr not a terminal (a pipe, a file, CI)."""
    if total < POOL_FROM or not sys.stderr.isatty():
        return nullcontext(None)
    from careerpath.edges.terminal import progress_bar

    return progress_bar(total, label)
