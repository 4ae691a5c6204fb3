import Foundation
import GRDB

/// The revision log in a SQLite database (GRDB), in WAL mode with `synchronous=FULL`, so a
/// committed transaction survives a crash of the process or the machine.
///
/// Table `kine(id, name, created, deleted, value)`: `id` is the revision, one row per write.
public final class SQLiteRevisionLog: RevisionLog {
    private let pool: DatabasePool

    /// Opens (creating if needed) the database file at `path`.
    public init(path: String) throws {
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: config)
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS kine (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    deleted INTEGER NOT NULL,
                    value BLOB NOT NULL
                );
                CREATE INDEX IF NOT EXISTS kine_name_id ON kine (name, id);
                CREATE TABLE IF NOT EXISTS kine_meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
                """)
        }
    }

    public func load(historyLimit: Int) throws -> LogSnapshot {
        try pool.read { db in
            let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM kine") ?? 0
            let floor = try Int64.fetchOne(db, sql: "SELECT v FROM kine_meta WHERE k = 'compacted'") ?? 0
            let liveRows = try Row.fetchAll(db, sql: """
                SELECT k.id, k.name, k.created, k.deleted, k.value FROM kine k
                JOIN (SELECT name, MAX(id) AS id FROM kine GROUP BY name) m ON k.id = m.id
                WHERE k.deleted = 0 ORDER BY k.id
                """)
            let historyRows = try Row.fetchAll(db, sql: """
                SELECT id, name, created, deleted, value FROM kine WHERE id > ? ORDER BY id
                """, arguments: [max(floor, maxID - Int64(historyLimit))])
            let history = historyRows.map(Self.record)
            let historyFloor = max(floor, (history.first?.revision ?? (maxID + 1)) - 1)
            return LogSnapshot(live: liveRows.map(Self.record), history: history,
                               currentRevision: maxID, historyFloor: historyFloor)
        }
    }

    public func append(_ records: [LogRecord]) throws {
        guard !records.isEmpty else { return }
        try pool.write { db in
            for r in records {
                try db.execute(
                    sql: "INSERT INTO kine (id, name, created, deleted, value) VALUES (?, ?, ?, ?, ?)",
                    arguments: [r.revision, r.key, r.created ? 1 : 0, r.deleted ? 1 : 0, Data(r.value)])
            }
        }
    }

    public func compact(through revision: Int64) throws {
        try pool.write { db in
            let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM kine") ?? 0
            let limit = min(revision, maxID - 1)
            guard limit > 0 else { return }
            try db.execute(sql: """
                DELETE FROM kine WHERE id <= ? AND (deleted = 1 OR EXISTS (
                    SELECT 1 FROM kine newer WHERE newer.name = kine.name AND newer.id > kine.id AND newer.id <= ?))
                """, arguments: [limit, limit])
            try db.execute(sql: "INSERT OR REPLACE INTO kine_meta (k, v) VALUES ('compacted', ?)", arguments: [limit])
        }
    }

    private static func record(_ row: Row) -> LogRecord {
        let data: Data = row[4] ?? Data()
        return LogRecord(revision: row[0], key: row[1], created: (row[2] as Int64) != 0,
                         deleted: (row[3] as Int64) != 0, value: [UInt8](data))
    }
}
