import Foundation
import Synchronization

/// Who may come in: the join code, the Origin check and the request budget per connection.
public struct LiveAccess: Sendable {
    /// The join code (letters and digits).
    public let code: String
    /// Host names this server answers to (with `port`): Host headers naming anything else are
    /// refused, so a web page cannot reach the server through a name it controls.
    public let hosts: Set<String>
    /// The port the server listens on (set once it runs).
    public let port: Int

    /// Creates the access rules.
    public init(code: String, hosts: Set<String>, port: Int) {
        self.code = code
        self.hosts = hosts
        self.port = port
    }

    /// A random code of 8 characters without look-alikes (no 0/O, 1/I/L), about 40 bits.
    public static func randomCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Whether `given` is the code, compared in time independent of where they differ.
    public func accepts(_ given: String?) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(code.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for k in 0..<max(a.count, b.count) {
            difference |= (k < a.count ? a[k] : 0) ^ (k < b.count ? b[k] : 0)
        }
        return difference == 0
    }

    /// The code in an `Authorization: Bearer CODE` header.
    public static func bearer(_ header: String?) -> String? {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// Whether a Host header (`name:port`) names this server. A Host without port (some
    /// WebSocket clients send one) is judged by its name alone.
    public func acceptsHost(_ authority: String?) -> Bool {
        guard let authority else { return false }
        let (host, port) = Self.split(authority)
        return (port == nil || port == self.port)
            && (hosts.contains(host) || (hosts.contains("*") && Self.isAddress(host)))
    }

    /// Whether an `Origin` header is this server's own (scheme http, an accepted host and our
    /// port); requests without Origin (scripts, curl) pass.
    /// A `ws://` origin (sent by WebSocket libraries, never by a browser, whose Origin is the
    /// page's http(s) origin) passes when it names this server.
    public func acceptsOrigin(_ origin: String?, authority: String?) -> Bool {
        guard let origin else { return true }
        if origin.hasPrefix("ws://") { return acceptsHost(String(origin.dropFirst(5))) }
        guard origin.hasPrefix("http://") else { return false }
        let rest = String(origin.dropFirst(7))
        return rest == authority && acceptsHost(rest)
    }

    /// Host name (lower case) and port (nil when not given) of an authority.
    static func split(_ authority: String) -> (String, Int?) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2 { return (String(parts[0]).lowercased(), Int(parts[1])) }
        return (authority.lowercased(), nil)
    }

    /// Whether `host` is an IP address literal (not a name someone else could point here).
    static func isAddress(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4 && parts.allSatisfy({ UInt8($0) != nil }) { return true }
        return host.contains(":") && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}

/// A token bucket per connection: `rate` requests per second, bursts up to twice that, and
/// a bound on the whole server of 20 times the per-connection rate.
final class RequestBudget: Sendable {
    private struct Bucket {
        var tokens: Double
        var time: Double
    }
    private let buckets = Mutex<[String: Bucket]>([:])
    private let rate: Double

    init(rate: Double) { self.rate = rate }

    /// Takes a token for `client` (and one from the server's bucket); false when none is left.
    func take(_ client: String) -> Bool {
        let now = Date().timeIntervalSinceReferenceDate
        return buckets.withLock { buckets in
            func take(_ key: String, rate: Double) -> Bool {
                var bucket = buckets[key] ?? Bucket(tokens: 2 * rate, time: now)
                bucket.tokens = min(2 * rate, bucket.tokens + (now - bucket.time) * rate)
                bucket.time = now
                let granted = bucket.tokens >= 1
                if granted { bucket.tokens -= 1 }
                buckets[key] = bucket
                return granted
            }
            if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.time < 10 } }
            return take(" server", rate: 20 * rate) && take(client, rate: rate)
        }
    }
}
