"""Every terminating signal as an exception while a command runs, so that its clean-up runs.

Python turns Ctrl-C (SIGINT) into KeyboardInterrupt, and every `finally` and `with` on the way
out runs: the temporary file of a write is removed, a lock is released, the terminal is restored.
Any other signal whose default is to end the process does so at once, with none of that; here
each of CAUGHT raises Terminated instead, and once everything has unwound the process ends by the
same signal, as the one that sent it expects (its exit status says "killed by SIGTERM"; SIGQUIT
and SIGXCPU still dump core, if core dumps are on, after the clean-up).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

# The signals whose default action ends the process and which a handler can catch:
# - SIGTERM (kill, systemd, the pool ending its workers), SIGHUP (the terminal went away);
# - SIGQUIT (Ctrl-\): "quit and dump core" for debugging; the clean-up runs first, then the
#   process ends by SIGQUIT, so the core dump still comes;
# - SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF: careerpath uses none of them but SIGPROF (its
#   template time budget, careerpath.edges.templates, which puts its own handler in and ours
#   back), so one is sent by someone else, and by default it kills;
# - SIGXCPU: the processor-time limit (ulimit -t) was reached; the hard limit's SIGKILL follows;
# - Linux only, where they end the process (elsewhere their default is to ignore them, or they
#   do not exist): SIGIO (also named SIGPOLL), SIGPWR, SIGSTKFLT; and the real-time signals
#   SIGRTMIN to SIGRTMAX, which all end the process by default.
# Not caught:
# - SIGINT: Python's KeyboardInterrupt already unwinds (exit 130, "careerpath: cancelled");
# - SIGPIPE and SIGXFSZ: Python ignores them from the start, so a write to a closed pipe or past
#   the file-size limit fails with an OSError (EPIPE, EFBIG) that unwinds like any error; a
#   closed pipe on stdout ends the run quietly (careerpath.cli.app);
# - SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT: a fault of the process itself (or
#   abort()), delivered in the middle of a machine instruction: a Python handler runs only later,
#   and returning to the faulting instruction would fault again for ever;
# - SIGKILL and SIGSTOP: no process can catch them (a later write sweeps what kill -9 leaves).
_NAMES = ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF")
_NAMES_LINUX = ("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT")


def _caught() -> tuple[int, ...]:
    names = _NAMES + ("SIGXCPU",) + (_NAMES_LINUX if sys.platform.startswith("linux") else ())
    numbers = {int(getattr(signal, name)) for name in names if hasattr(signal, name)}
    if sys.platform.startswith("linux") and hasattr(signal, "SIGRTMIN"):
        numbers.update(range(signal.SIGRTMIN, signal.SIGRTMAX + 1))
    return tuple(sorted(numbers))


CAUGHT = _caught()


class Terminated(BaseException):  # like KeyboardInterrupt: not an Exception
    """A terminating signal arrived; `signum` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    for number in CAUGHT:  # a second signal does not cut the clean-up short
        if signal.getsignal(number) is _raise:
            # A Python function, not SIG_IGN: one already pending would otherwise make Python
            # print "Signal N ignored due to race condition".
            signal.signal(number, _ignore)
    raise Terminated(signum)


def _ignore(signum: int, frame: FrameType | None) -> None:
    """A terminating signal during the clean-up of another: the process ends by the first."""


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Run the block with CAUGHT signals raising Terminated; after it has unwound, end the
    process by that signal. Only a signal left to its default is taken: one ignored when
    careerpath started stays ignored (`nohup` ignores SIGHUP, a shell's background job SIGQUIT:
    whoever started it asked for that), and one with a handler of its own keeps it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    taken: list[int] = []
    for number in CAUGHT:
        if signal.getsignal(number) is not signal.SIG_DFL:
            continue
        with contextlib.suppress(OSError, ValueError):  # one the system keeps for itself
            signal.signal(number, _raise)
            taken.append(number)
    try:
        yield
    except Terminated as stop:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)
        raise SystemExit(128 + stop.signum) from None  # if the signal is blocked
    finally:
        _restore(taken)


def _restore(numbers: list[int]) -> None:
    for number in numbers:
        signal.signal(number, signal.SIG_DFL)


def release() -> None:
    """Give every signal terminate_cleanly took back to its default (in a worker process, which
    has nothing of its own to clean up: the pool ends it with SIGTERM and it just ends)."""
    _restore([number for number in CAUGHT if signal.getsignal(number) in (_raise, _ignore)])
