"""The database schema, as an ordered list of migrations.

Each migration is applied once, in a transaction, and recorded in ``schema_migrations``; a database
made by a newer protestwatch (a higher version than this code knows) is refused rather than
misread.  Add a migration by appending to ``MIGRATIONS``; never edit a released one.

Tables:

- ``articles``: every accepted article with its full text, metadata, content hash (unique: the same
  content is stored once), language and processing state (``pending``, ``done``, ``skipped``).
- ``articles_fts``: an FTS5 index of titles and texts (kept in step by triggers).
- ``events``: the coded events.  ``machine`` holds the pipeline's output as JSON and is the only
  column a machine run writes; ``data`` is the effective event (``machine`` with the human
  corrections applied) and the indexed columns are derived from it.
- ``event_issues``, ``event_targets``: the list fields that filters need, derived from ``data``.
- ``evidence``: one row per (event, field, span).
- ``corrections``: human decisions (a field set to a value, or the event rejected); never written by
  a machine run.
- ``rejections``: inputs that could not be used, with where and why (unique per origin, line, reason).
- ``runs``: one row per command that changed the database, with its counts.
- ``clusters``, ``cluster_members``, ``cluster_links``, ``cluster_decisions`` (migration 2): the
  real-world events that group per-article events; see ``store/clusters.py``.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the initial schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        origin TEXT,
        text TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        state_reason TEXT,
        pipeline_version TEXT,
        ingested_at TEXT NOT NULL,
        processed_at TEXT,
        run_id INTEGER
    );
    CREATE INDEX articles_state ON articles(state);
    CREATE INDEX articles_url ON articles(url);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        machine TEXT,
        data TEXT NOT NULL,
        status TEXT, report TEXT, form TEXT, sub_event_type TEXT,
        date_start TEXT, date_end TEXT, date_precision TEXT,
        country TEXT, admin1 TEXT, locality TEXT,
        confidence REAL,
        campaign TEXT,
        review TEXT NOT NULL DEFAULT 'machine',
        machine_present INTEGER NOT NULL DEFAULT 1,
        run_id INTEGER,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_country_date ON events(country, date_start);
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_form ON events(form);

    CREATE TABLE event_issues (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        issue TEXT NOT NULL,
        PRIMARY KEY (event_id, issue)
    );
    CREATE INDEX event_issues_issue ON event_issues(issue);
    CREATE TABLE event_targets (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        country TEXT NOT NULL,
        PRIMARY KEY (event_id, country)
    );
    CREATE INDEX event_targets_country ON event_targets(country);

    CREATE TABLE evidence (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        source TEXT NOT NULL DEFAULT 'machine',
        PRIMARY KEY (event_id, field, article_id, start, "end")
    );

    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        author TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX corrections_event ON corrections(event_id);

    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        origin TEXT NOT NULL,
        line INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL,
        run_id INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (origin, line, reason)
    );

    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command TEXT NOT NULL,
        pipeline_version TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        state TEXT NOT NULL DEFAULT 'running',
        counts TEXT
    );
    """,
    # 2: real-world events: clusters of per-article events, their links and human decisions
    """
    CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        campaign TEXT,
        country TEXT,
        date_start TEXT,
        date_end TEXT,
        locality TEXT,
        fingerprint TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        run_id INTEGER
    );
    CREATE INDEX clusters_country_date ON clusters(country, date_start);
    CREATE INDEX clusters_campaign ON clusters(campaign);

    CREATE TABLE cluster_members (
        event_id TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL
    );
    CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);

    CREATE TABLE cluster_links (
        cluster_id TEXT NOT NULL,
        event_a TEXT NOT NULL,
        event_b TEXT NOT NULL,
        score REAL,
        rule TEXT NOT NULL,
        components TEXT,
        decision_id INTEGER,
        PRIMARY KEY (cluster_id, event_a, event_b)
    );

    CREATE TABLE cluster_decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        part_a TEXT NOT NULL,
        part_b TEXT NOT NULL,
        clusters TEXT,
        author TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
