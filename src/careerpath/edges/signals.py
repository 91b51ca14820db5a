"""SIGTERM and SIGHUP as an exception while a command runs, so that its clean-up runs.

Python turns Ctrl-C (SIGINT) into KeyboardInterrupt, and every `finally` and `with` on the way
out runs: the temporary file of a write is removed, a lock is released, the terminal is restored.
A terminating signal's default is to end the process at once, with none of that; here it raises
Terminated instead, and once everything has unwound the process ends by the same signal, as the
one that sent it expects (its exit status says "killed by SIGTERM").
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

CAUGHT = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):  # like KeyboardInterrupt: not an Exception
    """A terminating signal arrived; `signum` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Run the block with CAUGHT signals raising Terminated; after it has unwound, end the
    process by that signal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {number: signal.signal(number, _raise) for number in CAUGHT}
    try:
        yield
    except Terminated as stop:
        for number, handler in before.items():
            signal.signal(number, handler)
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)
        raise SystemExit(128 + stop.signum) from None  # if the signal is blocked
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
