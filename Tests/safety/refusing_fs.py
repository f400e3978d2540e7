#!/usr/bin/env python3
"""A FUSE file system that passes everything through to a backing folder, and refuses writes while a control
file exists: the kernel then answers `EROFS` to the processes using the mount, exactly as a file system that
went read-only under them (Linux refuses to remount a real one read-only while a process holds a file on it
open for writing, so a running server cannot be put in that state any other way).

While refusing: opening for writing, creating, writing, truncating, syncing, renaming, deleting and changing
attributes fail with EROFS; reads, lookups and opening for reading go on. Files already open for writing stay
open (their writes fail), as on a real file system remounted read-only. File locks are left to the kernel.

Usage: refusing_fs.py BACKING MOUNT_POINT CONTROL_FILE (runs in the foreground until unmounted). Needs
`fusepy` (Tests/openapi/requirements.txt) over libfuse 2 (`libfuse2`, scripts/install-deps.sh --test), and
/dev/fuse with the right to mount (root).
"""

from __future__ import annotations

import errno
import os
import sys

from fuse import FUSE, FuseOSError, Operations

WRITE_ACCESS = os.O_WRONLY | os.O_RDWR


class RefusingPassthrough(Operations):
    use_ns = True  # fusepy: times in nanoseconds

    def __init__(self, backing: str, control: str) -> None:
        self.backing = os.path.realpath(backing)
        self.control = control

    def _path(self, path: str) -> str:
        return os.path.join(self.backing, path.lstrip("/"))

    def _refuse_while_read_only(self) -> None:
        if os.path.exists(self.control):
            raise FuseOSError(errno.EROFS)

    # What reads.

    def getattr(self, path, fh=None):
        info = os.fstat(fh) if fh is not None else os.lstat(self._path(path))
        fields = ("st_mode", "st_nlink", "st_size", "st_uid", "st_gid", "st_ino", "st_blocks")
        attributes = {name: getattr(info, name) for name in fields}
        for name in ("st_atime", "st_mtime", "st_ctime"):
            attributes[name] = getattr(info, name + "_ns")
        return attributes

    def access(self, path, mode):
        if mode & os.W_OK and os.path.exists(self.control):
            raise FuseOSError(errno.EROFS)
        if not os.access(self._path(path), mode):
            raise FuseOSError(errno.EACCES)

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._path(path))

    def readlink(self, path):
        return os.readlink(self._path(path))

    def statfs(self, path):
        info = os.statvfs(self._path(path))
        names = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files", "f_flag",
                 "f_frsize", "f_namemax")
        return {name: getattr(info, name) for name in names}

    def open(self, path, flags):
        if flags & (WRITE_ACCESS | os.O_TRUNC):
            self._refuse_while_read_only()
        return os.open(self._path(path), flags)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        os.close(fh)
        return 0

    # What writes: refused while the control file exists.

    def create(self, path, mode, fi=None):
        self._refuse_while_read_only()
        return os.open(self._path(path), os.O_RDWR | os.O_CREAT, mode)

    def write(self, path, data, offset, fh):
        self._refuse_while_read_only()
        return os.pwrite(fh, data, offset)

    def truncate(self, path, length, fh=None):
        self._refuse_while_read_only()
        if fh is not None:
            os.ftruncate(fh, length)
        else:
            os.truncate(self._path(path), length)

    def fsync(self, path, datasync, fh):
        self._refuse_while_read_only()
        if datasync:
            os.fdatasync(fh)
        else:
            os.fsync(fh)
        return 0

    def unlink(self, path):
        self._refuse_while_read_only()
        os.unlink(self._path(path))

    def rename(self, old, new):
        self._refuse_while_read_only()
        os.rename(self._path(old), self._path(new))

    def mkdir(self, path, mode):
        self._refuse_while_read_only()
        os.mkdir(self._path(path), mode)

    def rmdir(self, path):
        self._refuse_while_read_only()
        os.rmdir(self._path(path))

    def chmod(self, path, mode):
        self._refuse_while_read_only()
        os.chmod(self._path(path), mode)

    def chown(self, path, uid, gid):
        self._refuse_while_read_only()
        os.chown(self._path(path), uid, gid)

    def utimens(self, path, times=None):
        self._refuse_while_read_only()
        os.utime(self._path(path), ns=times)

    def link(self, target, source):
        self._refuse_while_read_only()
        os.link(self._path(source), self._path(target))

    def symlink(self, target, source):
        self._refuse_while_read_only()
        os.symlink(source, self._path(target))


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    backing, mount_point, control = sys.argv[1:]
    FUSE(RefusingPassthrough(backing, control), mount_point, foreground=True, nothreads=False, big_writes=True,
         fsname="klaxon-refusing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
