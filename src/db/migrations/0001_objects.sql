-- Objects, the change log every write appends to, and events.
-- resourceVersion is the change log's rowid: one global counter, bumped by every write.
CREATE TABLE objects (
  kind TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  uid TEXT NOT NULL UNIQUE,
  resource_version INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (kind, namespace, name)
) WITHOUT ROWID;

CREATE TABLE changes (
  resource_version INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL CHECK (type IN ('ADDED', 'MODIFIED', 'DELETED')),
  kind TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  involved_kind TEXT NOT NULL,
  involved_name TEXT NOT NULL,
  involved_uid TEXT NOT NULL,
  -- identical events (same object, type, reason, message, source) merge into one row with a count
  dedup_key TEXT NOT NULL UNIQUE,
  last_timestamp TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX events_by_object ON events (involved_uid);
CREATE INDEX events_by_namespace ON events (namespace, last_timestamp);
