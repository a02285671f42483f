import Foundation
import GRDB
import NetGraphIO

/// The workshop's memory: every accepted change, durable before it is acknowledged.
///
/// An SQLite database (`PATH/.netan/journal.sqlite`, WAL mode, `synchronous = FULL`, so a
/// commit survives `kill -9` and a power cut) holds one row per state of the network: the three
/// folder files after the change, who made it and a one-line summary. A cursor (`head`) points
/// at the current state; undo moves it back, redo forward, and a new change after an undo drops
/// the undone states (linear history, as in every editor). Storing whole states instead of
/// deltas keeps recovery trivial (read the row at `head`) and costs about 10–20 kB per change
/// for a workshop-sized network (100 actors, 300 relations).
///
/// Positions of the live diagram are kept here too, so the map looks the same after a restart.
public final class WorkshopJournal: Sendable {
    /// One state of the network in the history.
    public struct Entry: Sendable, Equatable {
        /// Sequence number; the network's version.
        public let sequence: Int
        /// The folder files of this state.
        public let files: NetworkFolderFiles
        /// What changed, in one line ("Gemeente Breda toegevoegd").
        public let summary: String
        /// When the change was accepted (ISO 8601, UTC).
        public let time: String
    }

    /// A line of the history as the facilitator's view lists it.
    public struct HistoryItem: Sendable, Codable, Equatable {
        /// Sequence number.
        public let sequence: Int
        /// What changed.
        public let summary: String
        /// When (ISO 8601, UTC).
        public let time: String
        /// Whether the change is undone (redo brings it back).
        public let undone: Bool
    }

    private let pool: DatabasePool
    /// Path of the database file.
    public let path: String

    /// Opens (or creates) the journal of the network folder `folder`.
    ///
    /// - Throws: GRDB's `DatabaseError` when the database cannot be opened or migrated, or a
    ///   file-system error when `.netan/` cannot be created.
    public init(folder: String) throws {
        let directory = URL(fileURLWithPath: folder).appendingPathComponent(".netan")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("journal.sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL is DatabasePool's mode; FULL makes every commit reach the disk before
            // `write` returns (NORMAL could lose the last commits on power loss).
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "state") { t in
                t.column("sequence", .integer).primaryKey()
                t.column("time", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("client", .text).notNull()
                t.column("metadata", .text).notNull()
                t.column("actors", .text).notNull()
                t.column("relations", .text).notNull()
            }
            try db.create(table: "cursor") { t in
                t.column("id", .integer).primaryKey()
                t.column("head", .integer).notNull()
            }
            try db.create(table: "position") { t in
                t.column("actor", .text).primaryKey()
                t.column("x", .double).notNull()
                t.column("y", .double).notNull()
            }
        }
        try migrator.migrate(pool)
    }

    /// The current state, or nil for a new journal.
    ///
    /// - Throws: `DatabaseError` when reading fails.
    public func head() throws -> Entry? {
        try pool.read { db in try Self.entry(db, at: try Self.headSequence(db)) }
    }

    /// Records a new state after the current one (dropping undone states) and makes it current;
    /// returns its sequence number. The row is on disk when this returns.
    ///
    /// - Throws: `DatabaseError` when writing fails (then nothing was recorded).
    public func record(_ files: NetworkFolderFiles, summary: String, client: String) throws -> Int {
        try pool.write { db in
            let head = try Self.headSequence(db)
            if let head { try db.execute(sql: "DELETE FROM state WHERE sequence > ?", arguments: [head]) }
            let next = (head ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO state (sequence, time, summary, client, metadata, actors, relations)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    next, Self.now(), summary, client, files.metadata, files.actors, files.relations,
                ])
            try db.execute(sql: "INSERT OR REPLACE INTO cursor (id, head) VALUES (1, ?)", arguments: [next])
            return next
        }
    }

    /// Moves the cursor one state back; returns the state now current and the summary of the
    /// change undone, or nil when there is nothing to undo (the first state is never undone).
    ///
    /// - Throws: `DatabaseError` when writing fails.
    public func undo() throws -> (entry: Entry, undone: String)? {
        try pool.write { db in
            guard let head = try Self.headSequence(db),
                let undone = try String.fetchOne(
                    db, sql: "SELECT summary FROM state WHERE sequence = ?", arguments: [head]),
                let previous = try Int.fetchOne(
                    db, sql: "SELECT MAX(sequence) FROM state WHERE sequence < ?", arguments: [head]),
                let entry = try Self.entry(db, at: previous)
            else { return nil }
            try db.execute(sql: "UPDATE cursor SET head = ? WHERE id = 1", arguments: [previous])
            return (entry, undone)
        }
    }

    /// Moves the cursor one state forward (after an undo); nil when there is nothing to redo.
    ///
    /// - Throws: `DatabaseError` when writing fails.
    public func redo() throws -> Entry? {
        try pool.write { db in
            guard let head = try Self.headSequence(db),
                let next = try Int.fetchOne(
                    db, sql: "SELECT MIN(sequence) FROM state WHERE sequence > ?", arguments: [head]),
                let entry = try Self.entry(db, at: next)
            else { return nil }
            try db.execute(sql: "UPDATE cursor SET head = ? WHERE id = 1", arguments: [next])
            return entry
        }
    }

    /// The last `limit` changes, newest first, with undone ones marked.
    ///
    /// - Throws: `DatabaseError` when reading fails.
    public func history(limit: Int = 50) throws -> [HistoryItem] {
        try pool.read { db in
            let head = try Self.headSequence(db) ?? 0
            return try Row.fetchAll(
                db, sql: "SELECT sequence, summary, time FROM state ORDER BY sequence DESC LIMIT ?",
                arguments: [limit]
            ).map { row in
                let sequence: Int = row["sequence"]
                return HistoryItem(
                    sequence: sequence, summary: row["summary"], time: row["time"], undone: sequence > head)
            }
        }
    }

    /// The saved positions of the live diagram, by actor id (Graphviz points).
    ///
    /// - Throws: `DatabaseError` when reading fails.
    public func positions() throws -> [String: (Double, Double)] {
        try pool.read { db in
            var result: [String: (Double, Double)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT actor, x, y FROM position") {
                result[row["actor"]] = (row["x"], row["y"])
            }
            return result
        }
    }

    /// Saves the positions of newly placed actors (existing ones keep theirs).
    ///
    /// - Throws: `DatabaseError` when writing fails.
    public func savePositions(_ positions: [String: (Double, Double)]) throws {
        try pool.write { db in
            for (actor, p) in positions {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO position (actor, x, y) VALUES (?, ?, ?)",
                    arguments: [actor, p.0, p.1])
            }
        }
    }

    private static func headSequence(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT head FROM cursor WHERE id = 1")
    }

    private static func entry(_ db: Database, at sequence: Int?) throws -> Entry? {
        guard let sequence,
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM state WHERE sequence = ?", arguments: [sequence])
        else { return nil }
        return Entry(
            sequence: sequence,
            files: NetworkFolderFiles(
                metadata: row["metadata"], actors: row["actors"], relations: row["relations"]),
            summary: row["summary"], time: row["time"])
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
