"""What only the SQLite backend has: a file, and databases made by earlier versions."""

from __future__ import annotations

import json
import sqlite3

import pytest

from protestwatch.errors import ConfigError, StoreError
from protestwatch.store import SQLiteStore, open_store
from protestwatch.store.schema import MIGRATIONS, SCHEMA_VERSION
from protestwatch.store.sqlite import _split_sql


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(path)


def test_url_forms(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    assert isinstance(s, SQLiteStore) and s.path == str(tmp_path / "u.db")
    s.close()
    with pytest.raises(ConfigError, match="mysql"):
        open_store("mysql://localhost/pw")


def test_a_version_2_database_is_migrated_and_backfilled(tmp_path):
    """A database made before migration 3 gets the organizer rows, sizes and the audit log of
    its earlier corrections and decisions."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)")
    for version in (1, 2):
        for statement in _split_sql(MIGRATIONS[version - 1].sqlite):
            db.execute(statement)
        db.execute("INSERT INTO schema_migrations VALUES (?)", (version,))
    data = {"id": "e1", "organizers": [{"name": "Fair Tariffs Movement", "type": "movement"}],
            "size_low": 300, "country": "KZ", "date_start": "2023-10-14", "date_end": "2023-10-14"}
    db.execute("INSERT INTO articles(id, hash, text, ingested_at) VALUES ('a1', 'h', 'text', 'now')")
    db.execute("INSERT INTO events(id, article_id, machine, data, country, updated_at) "
               "VALUES ('e1', 'a1', ?, ?, 'KZ', 'now')", (json.dumps(data), json.dumps(data)))
    db.execute("INSERT INTO corrections(event_id, field, value, author, note, created_at) "
               "VALUES ('e1', '_review', '\"accepted\"', 'ana', 'checked', '2024-01-02T00:00:00+00:00')")
    db.execute("INSERT INTO cluster_decisions(kind, part_a, part_b, clusters, author, created_at) "
               "VALUES ('merge', '[\"e1\"]', '[\"e2\"]', '[\"rwe-1\", \"rwe-2\"]', 'bo', '2024-01-03T00:00:00+00:00')")
    db.close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.scalar("SELECT size_low FROM events WHERE id = 'e1'") == 300
        assert [e.id for e in store.events(store_filter(organizer="tariffs movement"))] == ["e1"]
        log = store.audit_log()
        assert [(r["action"], r["actor"], r["event_id"]) for r in log] == [
            ("merge", "bo", "rwe-1"), ("accept", "ana", "e1")]
        assert log[1]["after"] == "accepted" and log[1]["note"] == "checked"
        assert log[0]["before"]["part_a"] == ["e1"] and log[0]["after"]["part_b"] == ["e2"]


def store_filter(**kw):
    from protestwatch.store import EventFilter

    return EventFilter(**kw)


def test_concurrent_opens_migrate_once(tmp_path):
    """Two stores opening a new file one after the other (the second sees the first's schema)."""
    path = tmp_path / "twice.db"
    a = open_store(path)
    b = open_store(path)
    assert a.schema_version == b.schema_version == SCHEMA_VERSION
    assert b.scalar("SELECT COUNT(*) FROM schema_migrations") == SCHEMA_VERSION
    a.close()
    b.close()
