import Foundation
import NetGraph
import NetGraphIO

/// The network being built in the room: one owner of the state, changes one at a time.
///
/// Every change goes the same way: checked by the folder reader (``WorkshopEdit``), recorded
/// in the journal (durable before anyone is told), the folder's files rewritten (each file
/// atomically), then announced to every open view (``LiveHub``). Changes to the same actor by
/// two people are applied in the order they arrive, field by field, so the last write wins per
/// field and both views receive the result.
public actor Workshop {
    /// The network folder.
    public nonisolated let folder: String
    /// The journal under `folder/.netan/`.
    public nonisolated let journal: WorkshopJournal
    /// Everyone watching.
    public nonisolated let hub: LiveHub
    /// Limits on the network's size.
    public nonisolated let limits: LiveLimits
    /// The current network.
    public private(set) var network: Network
    /// The current version (the journal's sequence number).
    public private(set) var version: Int
    private var files: NetworkFolderFiles

    /// Opens the workshop on `folder`: creates the folder from a template when absent, and
    /// recovers the latest acknowledged state from the journal (rewriting the folder when a
    /// crash left it behind). A folder edited by hand while no server ran is taken as it is,
    /// as a new change in the history.
    ///
    /// - Parameters:
    ///   - folder: the network folder (created when absent).
    ///   - limits: most actors, relations, request size and rate (see ``LiveLimits``).
    ///   - language: language of the template's `network.yaml` and of summaries.
    /// - Throws: `NetworkLoadError` when the folder holds an invalid network; the journal's
    ///   errors when `.netan/journal.sqlite` cannot be opened.
    public init(folder: String, limits: LiveLimits = LiveLimits(), language: String = "nl") throws {
        self.folder = folder
        self.limits = limits
        let fm = FileManager.default
        // A new workshop: the template's files, except those already there (a network.yaml
        // written beforehand keeps its name, region and year).
        let url = URL(fileURLWithPath: folder)
        if !fm.fileExists(atPath: url.appendingPathComponent("actors.csv").path) {
            let template = try Self.template(name: url.lastPathComponent, language: language)
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, text) in [
                ("network.yaml", template.metadata), ("actors.csv", template.actors),
                ("relations.csv", template.relations),
            ] where !fm.fileExists(atPath: url.appendingPathComponent(name).path) {
                try AtomicFile.write(text, to: url.appendingPathComponent(name).path)
            }
        }
        journal = try WorkshopJournal(folder: folder)
        hub = LiveHub()
        let onDisk = try NetworkReader.load(folder: folder, allowEmpty: true).network
        let diskFiles = try NetworkWriter.folderFiles(onDisk)
        if let head = try journal.head() {
            let folderTime = Self.modificationTime(folder)
            let journalTime = ISO8601DateFormatter().date(from: head.time) ?? .distantPast
            if head.files == diskFiles {
                network = onDisk
                files = diskFiles
                version = head.sequence
            } else if folderTime > journalTime.addingTimeInterval(1) {
                // Edited by hand after the last change: keep the hand edits, as a change.
                network = onDisk
                files = diskFiles
                version = try journal.record(
                    diskFiles,
                    summary: language == "en" ? "Folder edited outside netan" : "Map buiten netan bewerkt",
                    client: "folder")
                try diskFiles.write(to: folder)
            } else {
                // The journal is ahead of the folder (a crash between the two): the journal wins.
                network = try NetworkReader.load(folderFiles: head.files, folder: folder, allowEmpty: true)
                    .network
                files = head.files
                version = head.sequence
                try files.write(to: folder)
            }
        } else {
            network = onDisk
            files = diskFiles
            version = try journal.record(
                diskFiles, summary: language == "en" ? "Workshop started" : "Workshop begonnen",
                client: "folder")
            try diskFiles.write(to: folder)
        }
    }

    /// The folder files of a new, empty network called `name`.
    static func template(name: String, language: String) throws -> NetworkFolderFiles {
        let date = ISO8601DateFormatter.string(
            from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let english = language == "en"
        let metadata = NetworkMetadata(
            name: name, language: english ? "en" : "nl",
            source: english ? "Workshop of \(date) (netan serve)" : "Workshop van \(date) (netan serve)")
        // The same writer as every network folder: quoting and escaping are Yams'.
        return try NetworkWriter.folderFiles(Network(metadata: metadata))
    }

    /// Applies a change: checked, recorded (durable), written to the folder, announced.
    ///
    /// - Returns: the new version and the id of the actor added or changed, if any.
    /// - Throws: ``EditRefusal`` when the change is refused (nothing changed); the journal's
    ///   or the file system's error when it cannot be stored (nothing acknowledged).
    public func apply(_ edit: WorkshopEdit, client: String) throws -> (version: Int, id: String?) {
        try checkLimits(edit)
        let result = try edit.apply(
            to: network, metadata: files.metadata, folder: folder, language: network.metadata.language)
        version = try journal.record(result.files, summary: result.summary, client: client)
        network = result.network
        files = result.files
        try files.write(to: folder)
        hub.publish(LiveEvent(kind: "change", version: version, summary: result.summary, id: result.id))
        return (version, result.id)
    }

    /// Undoes the last change; nil when there is nothing to undo.
    ///
    /// - Throws: the journal's or the file system's error.
    public func undo() throws -> Int? {
        guard let (entry, undone) = try journal.undo() else { return nil }
        try restore(entry)
        let summary = (network.metadata.language == "en" ? "Undone: " : "Ongedaan: ") + undone
        hub.publish(LiveEvent(kind: "change", version: version, summary: summary, id: nil))
        return version
    }

    /// Redoes the last undone change; nil when there is nothing to redo.
    ///
    /// - Throws: the journal's or the file system's error.
    public func redo() throws -> Int? {
        guard let entry = try journal.redo() else { return nil }
        try restore(entry)
        let summary = (network.metadata.language == "en" ? "Redone: " : "Opnieuw: ") + entry.summary
        hub.publish(LiveEvent(kind: "change", version: version, summary: summary, id: nil))
        return version
    }

    /// The current network and its version, read together.
    public func snapshot() -> (network: Network, version: Int) { (network, version) }

    private func restore(_ entry: WorkshopJournal.Entry) throws {
        network = try NetworkReader.load(folderFiles: entry.files, folder: folder, allowEmpty: true).network
        files = entry.files
        version = entry.sequence
        try files.write(to: folder)
    }

    private func checkLimits(_ edit: WorkshopEdit) throws {
        switch edit {
        case .addActor where network.actors.count >= limits.actors:
            throw EditRefusal(
                status: 409, "The map already holds \(limits.actors) actors, the most a live session takes.",
                nl: "De kaart heeft al \(limits.actors) partijen, het maximum voor een live sessie.")
        case .addRelation where network.relations.count >= limits.relations:
            throw EditRefusal(
                status: 409,
                "The map already holds \(limits.relations) relations, the most a live session takes.",
                nl: "De kaart heeft al \(limits.relations) relaties, het maximum voor een live sessie.")
        default: break
        }
    }

    private static func modificationTime(_ folder: String) -> Date {
        ["network.yaml", "actors.csv", "relations.csv"].compactMap {
            try? FileManager.default.attributesOfItem(
                atPath: URL(fileURLWithPath: folder).appendingPathComponent($0).path)[.modificationDate]
                as? Date
        }.max() ?? .distantPast
    }
}

/// Limits that keep one client or one mistake from taking the session down.
public struct LiveLimits: Sendable {
    /// Most actors on the map.
    public var actors = 1000
    /// Most relations on the map.
    public var relations = 10_000
    /// Largest request body, in bytes.
    public var requestBytes = 64 * 1024
    /// Requests per second per connection (sustained); bursts up to twice this are let through.
    public var requestsPerSecond = 30.0
    /// Most open live views (WebSockets).
    public var liveViews = 200

    /// The default limits: 1,000 actors, 10,000 relations, 64 KiB per request, 30 requests per
    /// second per connection, 200 live views.
    public init() {}
}
