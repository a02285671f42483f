import Foundation
import Synchronization

/// A message to every open view: a change (`kind` "change": the network is at `version`), or
/// new findings and diagram for a version (`kind` "analysis").
public struct LiveEvent: Sendable, Codable, Equatable {
    /// "hello" (first message on connecting), "change" or "analysis".
    public var kind: String
    /// The network's version the message is about.
    public var version: Int
    /// What changed, in the room's language.
    public var summary: String?
    /// The actor added or changed, if any.
    public var id: String?

    /// Creates an event.
    public init(kind: String, version: Int, summary: String? = nil, id: String? = nil) {
        self.kind = kind
        self.version = version
        self.summary = summary
        self.id = id
    }

    /// The event as one line of JSON.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Fan-out of events to every subscriber (each open view, and the analysis loop).
///
/// Each subscriber has its own buffer; one slow phone never holds up the others (it keeps the
/// newest 256 events and would fetch the current state on the next one anyway).
public final class LiveHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<LiveEvent>.Continuation]>([:])

    /// Creates a hub without subscribers.
    public init() {}

    /// A new subscription; it ends when the stream is dropped or the hub finishes it.
    public func subscribe(bufferingNewest limit: Int = 256) -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream<LiveEvent>.makeStream(
            bufferingPolicy: .bufferingNewest(limit))
        let key = UUID()
        subscribers.withLock { $0[key] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: key) }
        }
        return stream
    }

    /// Number of subscribers.
    public var count: Int { subscribers.withLock { $0.count } }

    /// Sends `event` to every subscriber.
    public func publish(_ event: LiveEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Ends every subscription (server shutting down).
    public func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
