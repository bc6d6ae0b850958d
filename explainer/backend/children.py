"""Child processes (Pagefind) that never outlive the build that started them.

Each child runs in a process group of its own (``start_new_session``), so that
stopping it stops whatever it started too, and a build that ends by an
exception, Ctrl-C or SIGTERM kills the group on its way out (see
:func:`stopped_on_exit`). A build killed with SIGKILL runs no code at all: for
that, the kernel is asked to kill the child when its parent dies
(``PR_SET_PDEATHSIG``), set by util-linux's ``setpriv --pdeathsig KILL`` between
fork and exec. ``setpriv`` is used rather than a ``preexec_fn`` because Python
code between fork and exec is unsafe in a process with threads (``make serve``
builds in one); without ``setpriv`` (not Linux, no util-linux) only the SIGKILL
case is left uncovered.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator, Sequence
from typing import Any

SETPRIV = shutil.which("setpriv")


def dying_with_parent(command: Sequence[str]) -> list[str]:
    """``command`` wrapped so that the kernel sends it SIGKILL when the process (thread) that starts it dies."""
    if SETPRIV is None:
        return list(command)
    return [SETPRIV, "--pdeathsig", "KILL", "--", *command]


def start(command: Sequence[str], **options: Any) -> subprocess.Popen[Any]:
    """Start ``command`` in a process group of its own that dies with this process."""
    return subprocess.Popen(dying_with_parent(command), start_new_session=True, **options)


def stop(process: subprocess.Popen[Any]) -> None:
    """Kill a child started by :func:`start` and everything in its process group, if still running, and reap it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextlib.contextmanager
def stopped_on_exit(processes: dict[Any, subprocess.Popen[Any]]) -> Iterator[dict[Any, subprocess.Popen[Any]]]:
    """Yield ``processes`` (fill it inside the block); any still running when the block ends are killed."""
    try:
        yield processes
    finally:
        for process in processes.values():
            stop(process)
