"""The ``versions`` cache without Redis: a file per value, read once per
process while the file stays the same (portal/core/file_cache.py)."""

import os

from freezegun import freeze_time

from portal.core.file_cache import RememberingFileBasedCache


def two_processes(tmp_path):
    return (
        RememberingFileBasedCache(str(tmp_path), {}),
        RememberingFileBasedCache(str(tmp_path), {}),
    )


def test_a_value_written_by_one_process_is_read_by_another(tmp_path):
    writer, reader = two_processes(tmp_path)
    assert reader.get("content:version") is None
    writer.set("content:version", 1, None)
    assert reader.get("content:version") == 1
    writer.set("content:version", 2, None)
    assert reader.get("content:version") == 2, "a new value is seen at the next read"
    writer.delete("content:version")
    assert reader.get("content:version", "gone") == "gone"


def test_a_remembered_value_costs_no_read_of_the_file(tmp_path, monkeypatch):
    writer, reader = two_processes(tmp_path)
    writer.set("content:version", 7, None)
    assert reader.get("content:version") == 7
    opened = []
    real_open = open
    monkeypatch.setattr(
        "builtins.open", lambda *args, **kw: opened.append(args) or real_open(*args, **kw)
    )
    assert reader.get("content:version") == 7
    assert opened == []


def test_a_file_replaced_in_place_is_read_again(tmp_path):
    writer, reader = two_processes(tmp_path)
    writer.set("key", "first", None)
    assert reader.get("key") == "first"
    # Another process writing the same size at the same instant still makes a new file.
    name = writer._key_to_file("key")
    before = os.stat(name).st_ino
    writer.set("key", "other", None)
    assert os.stat(name).st_ino != before
    assert reader.get("key") == "other"


def test_expiry_still_holds_for_remembered_values(tmp_path):
    writer, reader = two_processes(tmp_path)
    with freeze_time("2026-12-05 10:00:00"):
        writer.set("key", "short-lived", 60)
        assert reader.get("key") == "short-lived"
    with freeze_time("2026-12-05 10:01:01"):
        assert reader.get("key") is None
