"""The award register's SQLite schema and its versioned migrations.

The schema version is SQLite's ``user_version``; ``application_id`` marks the file as ours.
Each migration takes the file from one version to the next inside the caller's transaction.
A file written by a newer version of the library (a higher ``user_version``) is refused and
never rewritten. Every table is append-only: triggers refuse UPDATE and DELETE, so a
correction is a new row whose ``supersedes`` names the row it replaces, and nothing is lost.
"""

from __future__ import annotations

APPLICATION_ID = 0x43524954
"""``CRIT`` in ASCII: SQLite's application id for an award register."""

_APPEND_ONLY = """
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, 'the award register is append-only: {table} rows are never changed'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, 'the award register is append-only: {table} rows are never deleted'); END;
"""

_V1_TABLES = """
CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  set_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  unit TEXT NOT NULL,
  UNIQUE (set_id, year, unit)
);
CREATE TABLE openings (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  opened_on TEXT NOT NULL,
  set_ref TEXT NOT NULL,
  digest TEXT NOT NULL,
  subject TEXT NOT NULL,
  title TEXT NOT NULL,
  procedure TEXT NOT NULL,
  ratings TEXT NOT NULL,
  source TEXT NOT NULL,
  supersedes INTEGER REFERENCES openings(id)
);
CREATE TABLE evaluations (
  id INTEGER PRIMARY KEY,
  opening_id INTEGER NOT NULL REFERENCES openings(id),
  candidate TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  score REAL,
  max_score REAL,
  rating TEXT,
  computed TEXT NOT NULL,
  explanation TEXT NOT NULL,
  UNIQUE (opening_id, candidate)
);
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'written_ballots')),
  invited INTEGER NOT NULL CHECK (invited >= 1),
  present INTEGER NOT NULL CHECK (present >= 0 AND present <= invited),
  note TEXT NOT NULL,
  supersedes INTEGER REFERENCES meetings(id)
);
CREATE TABLE votes (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  candidate TEXT NOT NULL,
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  UNIQUE (meeting_id, candidate)
);
CREATE TABLE postings (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL UNIQUE REFERENCES rounds(id),
  posted_on TEXT NOT NULL
);
CREATE TABLE objections (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  number INTEGER NOT NULL,
  candidate TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  filed_by TEXT NOT NULL,
  content TEXT NOT NULL,
  UNIQUE (round_id, number)
);
CREATE TABLE resolutions (
  id INTEGER PRIMARY KEY,
  objection_id INTEGER NOT NULL UNIQUE REFERENCES objections(id),
  resolved_on TEXT NOT NULL,
  resolved_by TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('upheld', 'dismissed')),
  note TEXT NOT NULL
);
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL UNIQUE REFERENCES rounds(id),
  decided_on TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  reference TEXT NOT NULL
);
CREATE TABLE awards (
  id INTEGER PRIMARY KEY,
  set_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  candidate TEXT NOT NULL,
  unit TEXT NOT NULL,
  title INTEGER NOT NULL CHECK (title IN (0, 1)),
  level TEXT,
  window_from INTEGER,
  window_to INTEGER,
  level_rank INTEGER,
  reasons TEXT NOT NULL,
  decision_id INTEGER REFERENCES decisions(id),
  source TEXT NOT NULL CHECK (source IN ('round', 'import')),
  supersedes INTEGER REFERENCES awards(id)
);
"""

_V2 = """
CREATE TABLE overrides (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  candidate TEXT NOT NULL,
  proposed INTEGER NOT NULL CHECK (proposed IN (0, 1)),
  reason TEXT NOT NULL,
  author TEXT NOT NULL,
  made_on TEXT NOT NULL,
  resolution_id INTEGER REFERENCES resolutions(id)
);
CREATE INDEX awards_by_candidate ON awards (set_id, candidate);
"""

V1_TABLES = (
    "rounds",
    "openings",
    "evaluations",
    "meetings",
    "votes",
    "postings",
    "objections",
    "resolutions",
    "decisions",
    "awards",
)
TABLES = (*V1_TABLES[:-2], "overrides", *V1_TABLES[-2:])
"""Every table, parents before the rows that refer to them (the order of exports and imports)."""

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, _V1_TABLES + "".join(_APPEND_ONLY.format(table=t) for t in V1_TABLES)),
    (2, _V2 + _APPEND_ONLY.format(table="overrides")),
)
"""(version reached, SQL script), in order. Version 2 keeps overrides (an objection upheld
reverses a proposal) in their own table, and indexes the history by candidate."""

LATEST = MIGRATIONS[-1][0]


__all__ = ["APPLICATION_ID", "LATEST", "MIGRATIONS", "TABLES", "V1_TABLES"]
