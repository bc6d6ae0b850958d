"""Atomic writes: a reader never sees a half-written file or site, and builds of one site take turns."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path


def _process_umask() -> int:  # pragma: no mutate block  (runs once at import: mutmut cannot switch a mutant on that early)
    mask = os.umask(0)
    os.umask(mask)
    return mask


NEW_FILE_MODE = 0o666 & ~_process_umask()
"""The mode ``open()`` would give a new file (read once at import: reading the umask sets it)."""


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    The file keeps its mode if it existed, else gets the mode of any new file:
    ``mkstemp`` makes temporary files private, and a web server must read the site.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, text: str) -> bool:
    """Write only when the content differs, so watchers and MkDocs see real changes only."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text)
    return True


class OutputError(Exception):
    """The site cannot be written where it must go (a folder not writable, a file in the way): one line, exit status 2."""


class BuildBusy(Exception):
    """Another build of the same site kept its lock longer than this build would wait."""


RENAME_EXCHANGE = 2
"""renameat2(2) flag: swap two paths in one step (Linux 3.15+, glibc 2.28+; ext4, xfs, btrfs, tmpfs, overlayfs)."""
_AT_FDCWD = -100
_UNSUPPORTED = frozenset({errno.ENOSYS, errno.EINVAL, errno.ENOTSUP})


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """libc's renameat2, looked up on first use; None where the C library has none."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]



def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically: each name points to the other's file at once.

    Returns False, changing nothing, when the system or the filesystem cannot
    (not Linux, an old kernel or C library, a filesystem without RENAME_EXCHANGE).
    """
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def live_directory(target: Path) -> Path:
    """The directory a site path really names: ``site/`` itself, or the target of a ``site`` symbolic link.

    A deployment often links ``site → /srv/www/policy``; the web server reads the
    target, so that is the directory a build replaces, and the link stays as it is.
    """
    return Path(os.path.realpath(target))


def replace_directory(staging: Path, target: Path) -> None:
    """Swap a fully built ``staging`` directory into place of ``target``; at no moment is there no ``target``.

    ``staging`` must be in the same folder as :func:`live_directory` of ``target``.
    The two are exchanged in one step (renameat2 RENAME_EXCHANGE): a reader
    (a web server) opening a path under ``target`` gets the old file or the new one,
    and files it already has open stay readable. The old site, now at
    ``staging``, is deleted afterwards. Where the filesystem cannot exchange, the
    old site is renamed aside and the new one renamed in, two renames apart.
    """
    destination = live_directory(target)
    if not os.path.lexists(destination):
        os.rename(staging, destination)  # the first build: nothing to keep serving
        return
    if exchange(staging, destination):
        shutil.rmtree(staging)  # now the old site
        return
    old = staging.with_name(f"{staging.name}.old")
    os.rename(destination, old)
    try:
        os.rename(staging, destination)
    except BaseException:
        os.rename(old, destination)  # put the old site back rather than leave none
        raise
    shutil.rmtree(old)


def check_replaceable(destination: Path, shown: str) -> None:
    """Raise :class:`OutputError` when a build could not put a new site at ``destination`` and delete the old one.

    Checked before building, so that an unwritable site costs no build and leaves nothing behind.
    """
    folder = destination.parent
    if not folder.is_dir():
        raise OutputError(f"{shown}: cannot build into {destination}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{shown}: cannot build into {destination}: the folder {folder} is not writable (a build writes the new site beside the old one)")
    if not os.path.lexists(destination):
        return
    if not destination.is_dir():
        raise OutputError(f"{shown}: cannot build into {destination}: it is a file, not a folder")
    for directory, _, _ in os.walk(destination):
        if not os.access(directory, os.W_OK | os.X_OK):
            raise OutputError(f"{shown}: cannot replace {destination}: {directory} is not writable (a build deletes the old site)")


LOCK_WAIT_SECONDS = 600.0
"""How long a build waits for another build of the same site before giving up (a full build takes seconds)."""

LOCK_POLL_SECONDS = 0.1
"""How often a waiting build tries the lock again."""


def lock_path(destination: Path) -> Path:
    """The lock file of builds into ``destination``: beside it, so that builds of one site wait for each other."""
    return destination.with_name(f".{destination.name}.lock")


@contextlib.contextmanager
def build_lock(destination: Path, shown: str, wait: float, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the lock of builds into ``destination``; if another build holds it, say so once and wait up to ``wait`` seconds.

    An advisory ``flock``: the kernel releases it when its holder exits, killed or not,
    so a crashed build never leaves a stale lock. The holder writes its pid in the file for the message.
    """
    path = lock_path(destination)
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputError(f"{shown}: cannot create the build lock {path}: {error.strerror}") from None
    try:
        if not _try_lock(handle):
            holder = os.pread(handle, 32, 0).decode(errors="replace").strip() or "unknown"
            say(f"{shown}: another build (pid {holder}) is running; waiting for it to finish (at most {wait:.0f} s)")
            deadline = time.monotonic() + wait
            while not _try_lock(handle):
                if time.monotonic() >= deadline:
                    raise BuildBusy(f"{shown}: another build (pid {holder}) was still running after {wait:.0f} s; gave up")
                time.sleep(LOCK_POLL_SECONDS)
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(handle)  # releases the lock



def _try_lock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
