"""The ``versions`` cache on one machine without Redis (portal/settings/base.py).

Django's file-based cache, except that a value read once is remembered by the
process together with its file's identity (inode, modification time, size):
while the file is the same, a read costs one ``stat`` instead of an open, a
read, a decompression and an unpickling. Every write replaces the file (a new
inode), so a version bumped by any process is seen by the next read of every
other. The content version is read on every request, page-cache hits
included (docs/caching.md)."""

import os
import pickle
import time
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache


class RememberingFileBasedCache(FileBasedCache):
    def __init__(self, dir: str, params: dict) -> None:
        super().__init__(dir, params)
        # file name -> ((inode, mtime, size), value, expiry or None)
        self._remembered: dict[str, tuple[tuple[int, int, int], Any, float | None]] = {}
        self._names: dict[tuple[str, int | None], str] = {}

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        name = self._names.get((key, version))
        if name is None:
            name = self._key_to_file(key, version)
            if len(self._names) < 1000:  # the few keys read on every request
                self._names[key, version] = name
        try:
            stat = os.stat(name)
        except OSError:
            return default
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        remembered = self._remembered.get(name)
        if remembered is not None and remembered[0] == identity:
            _identity, value, expiry = remembered
            if expiry is None or expiry > time.time():
                return value
        missing = object()
        value = super().get(key, missing, version)
        if value is missing:
            self._remembered.pop(name, None)
            return default
        self._remembered[name] = (identity, value, self._expiry_of(name))
        return value

    def _expiry_of(self, name: str) -> float | None:
        try:
            with open(name, "rb") as file:
                expiry = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError):
            return 0.0  # not remembered: the next read goes to the file
        return None if expiry is None else float(expiry)
