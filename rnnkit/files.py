"""How rnnkit touches the disk, so that it never loses a user's file.

Three rules, each with one mechanism here:

* A file is replaced whole or not at all (`atomic_write`: a temporary file in the same
  folder, fsync, rename). A crash, a kill or a full disk leaves the previous file intact; the
  temporaries a kill leaves behind end in `.rnnkit-tmp` and the next run removes them
  (`remove_temporaries` in a model directory, `remove_leftovers` beside an output file): a
  writer holds a lock on its temporary while it writes, so a run never removes one in use.
* rnnkit writes only inside a directory it was given, never through a symbolic link
  (`safe_path`): a link `plots -> elsewhere` is refused, not followed.
* rnnkit removes only what it wrote (`OwnedDirectory`): a directory it creates carries a
  marker naming what wrote it and the entries it may later replace; a directory without the
  marker is never emptied. One run at a time holds a directory (`DirectoryLock`).
"""

import contextlib
import errno
import fcntl
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rnnkit.errors import RnnkitError

TEMPORARY_SUFFIX = ".rnnkit-tmp"


class UnsafePathError(RnnkitError):
    """A path rnnkit would write through a symbolic link or outside its directory."""


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_open(path, mode="wb"):
    """A new file object for `path` whose content replaces `path` only when the block ends
    without an error (temporary file in the same folder, fsync, atomic rename); on an error the
    old file is untouched and the temporary removed.

    The file gets the mode any new file gets (0o666 less the umask), so a model trained by one
    user can be read by another where the umask allows it. An OSError names the file.
    """
    path = Path(path)
    tmp = None
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
            )
            fcntl.flock(handle, fcntl.LOCK_EX)  # in use: not a leftover (see _remove_unused)
            out = os.fdopen(handle, mode, **({} if "b" in mode else {"encoding": "utf-8"}))
            os.fchmod(out.fileno(), 0o666 & ~_umask())
        except OSError as exc:
            raise _naming(exc, path) from None
        with out:
            yield out
            try:
                out.flush()
                os.fsync(out.fileno())
            except OSError as exc:
                raise _naming(exc, path) from None
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _naming(exc, path) from None
        tmp = None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _naming(exc, path):
    """The OSError with the file's name ("[Errno 28] No space left on device" says not where)."""
    if exc.filename is None:
        return OSError(exc.errno, exc.strerror, str(path))
    return exc


def atomic_write(path, data):
    """Write bytes or text to `path` whole or not at all (see `atomic_open`)."""
    with atomic_open(path, "wb") as out:
        try:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        except OSError as exc:
            raise _naming(exc, path) from None


def remove_temporaries(directory):
    """Delete the temporary files a killed run left in `directory` (not following links)."""
    directory = Path(directory)
    if not directory.is_dir() or directory.is_symlink():
        return
    for root, _, files in os.walk(directory):  # os.walk does not descend into links
        for name in files:
            if name.startswith(".") and name.endswith(TEMPORARY_SUFFIX):
                _remove_unused(Path(root, name))


def remove_leftovers(path):
    """Delete the temporaries that runs killed while writing `path` left beside it
    (`.NAME.*.rnnkit-tmp`), except one a running writer still holds."""
    path = Path(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    prefix = f".{path.name}."
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMPORARY_SUFFIX):
            _remove_unused(path.parent / name)


def _remove_unused(path):
    """Remove the temporary file `path` unless a writer holds its lock (or it is a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        path.unlink(missing_ok=True)
    except OSError:
        pass  # locked: a run is writing it
    finally:
        os.close(fd)


def safe_path(root, *parts):
    """root/parts..., refusing a symbolic link at any step below `root` (`root` itself may be
    reached through links: it is what the user named)."""
    path = Path(root)
    for part in Path(*parts).parts if parts else ():
        if part in ("..", "/") or os.sep in part:
            raise UnsafePathError(f"{root}: {part!r} leaves the directory")
        path = path / part
        if path.is_symlink():
            raise UnsafePathError(
                f"{path}: is a symbolic link; rnnkit writes only inside {root} and never "
                "through links; remove the link or choose another directory"
            )
    return path


def remove_entry(path):
    """Remove a file or a whole folder rnnkit wrote; a symbolic link is never followed (only
    the link itself would go, and rnnkit never writes links, so it is left alone)."""
    path = Path(path)
    if path.is_symlink():
        return
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


class DirectoryLock:
    """An exclusive lock on a directory for the length of one run (flock on the directory
    itself, released by the kernel if the process dies), with who holds it written to
    `.rnnkit-lock.json` so that a second run can say so."""

    INFO = ".rnnkit-lock.json"

    def __init__(self, directory, what):
        self.directory, self.what, self.fd = Path(directory), what, None

    def acquire(self):
        self.fd = os.open(self.directory, os.O_RDONLY)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self.fd)
            self.fd = None
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
            raise RnnkitError(
                f"{self.directory}: in use by {self._holder()}; wait for it to finish or "
                "choose another directory"
            ) from None
        info = {"pid": os.getpid(), "command": self.what, "since": time.strftime("%H:%M:%S")}
        atomic_write(self.directory / self.INFO, json.dumps(info) + "\n")
        return self

    def _holder(self):
        try:
            info = json.loads((self.directory / self.INFO).read_text(encoding="utf-8"))
            return f"another run ({info['command']}, pid {info['pid']}, since {info['since']})"
        except (OSError, ValueError, KeyError, TypeError):
            return "another rnnkit run"

    def release(self):
        if self.fd is None:
            return
        (self.directory / self.INFO).unlink(missing_ok=True)
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class OwnedDirectory:
    """An output directory rnnkit creates and may later replace (`rnnkit demo --out`,
    `rnnkit gradients --out`).

    `kind` names the command; `entries` are the names it writes there. A directory that is
    new or empty becomes ours (the marker file `.rnnkit-output.json` says so); one we wrote
    before is replaced entry by entry (only `entries`: a file the user added stays); any other
    non-empty directory is refused untouched.
    """

    MARKER = ".rnnkit-output.json"

    def __init__(self, path, kind, entries):
        self.path, self.kind, self.entries = Path(path), kind, tuple(entries)

    def is_ours(self):
        try:
            marker = json.loads(safe_path(self.path, self.MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(marker, dict) and marker.get("kind") == self.kind

    def check(self):
        """Raise RnnkitError unless prepare() may write here; changes nothing."""
        if self.path.is_symlink() and not self.path.is_dir():
            raise UnsafePathError(f"{self.path}: is a broken symbolic link")
        if self.path.exists() and not self.path.is_dir():
            raise RnnkitError(f"{self.path}: is a file, not a directory; choose another --out")
        if self.path.is_dir() and any(self.path.iterdir()) and not self.is_ours():
            raise RnnkitError(
                f"{self.path}: not empty and not written by rnnkit {self.kind}; nothing was "
                "changed; choose another --out"
            )
        for name in self.entries:
            safe_path(self.path, name)

    def prepare(self):
        """Make the directory ready for a new run; returns the entries it replaced."""
        self.check()
        self.path.mkdir(parents=True, exist_ok=True)
        remove_temporaries(self.path)
        replaced = [name for name in self.entries if (self.path / name).exists()]
        for name in replaced:
            remove_entry(self.path / name)
        marker = {"kind": self.kind, "entries": list(self.entries), "written_by": "rnnkit"}
        atomic_write(self.path / self.MARKER, json.dumps(marker, indent=2) + "\n")
        if replaced:
            listing = ", ".join(replaced)
            print(
                f"{self.path}: replaced the previous rnnkit {self.kind} output ({listing})",
                file=sys.stderr,
            )
        return replaced

    def file(self, name):
        """Where to write entry `name` (checked: inside, not through a link)."""
        return safe_path(self.path, name)
