import Foundation

/// Coarse-grained parallelism: split `0..<count` into contiguous blocks, run each block on
/// its own thread with its own buffers, and return the block results in block order (so
/// sums merged from them are deterministic, whatever the scheduling).
///
/// Small inputs run sequentially: with the other core busy, fine-grained threads cost more
/// than they save on a regional network.
public enum Parallel {
    /// Number of worker threads; defaults to the active processor count.
    nonisolated(unsafe) public static var threadCount = ProcessInfo.processInfo.activeProcessorCount

    static func blocks<T>(count: Int, work: Double, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let threads = max(1, threadCount)
        if threads == 1 || count < 2 || work < 2_000_000 {
            return [body(0..<count)]
        }
        let blockCount = min(count, threads * 4)
        let box = ResultSlots<T>(count: blockCount)
        DispatchQueue.concurrentPerform(iterations: blockCount) { b in
            let lower = count * b / blockCount, upper = count * (b + 1) / blockCount
            box.set(b, body(lower..<upper))
        }
        return box.values
    }
}

/// Slots filled by concurrent workers, each slot written once.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [T] { slots.map { $0! } }
}
