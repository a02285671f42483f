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

    /// Called with (task, fraction done) as blocks of long computations finish; the command
    /// line sets it to print progress on a terminal. Library code never prints.
    nonisolated(unsafe) public static var progress: (@Sendable (String, Double) -> Void)?

    package static func blocks<T>(
        count: Int, work: Double, task: String = "", _ body: @Sendable (Range<Int>) -> T
    )
        -> [T]
    {
        let threads = max(1, threadCount)
        // Long sequential runs are still cut into blocks, so progress can be reported.
        let reporting = progress != nil && work >= 5e8
        if (threads == 1 || count < 2 || work < 2_000_000) && !reporting {
            return [body(0..<count)]
        }
        let blockCount = min(count, max(threads * 4, reporting ? 100 : 1))
        let box = ResultSlots<T>(count: blockCount)
        let report = progress
        let iterations = threads == 1 ? 1 : blockCount
        DispatchQueue.concurrentPerform(iterations: iterations) { worker in
            // With one thread, one worker runs every block in order.
            let blocks = threads == 1 ? Array(0..<blockCount) : [worker]
            for b in blocks {
                let lower = count * b / blockCount
                let upper = count * (b + 1) / blockCount
                let done = box.set(b, body(lower..<upper))
                if reporting { report?(task, Double(done) / Double(blockCount)) }
            }
        }
        return box.values
    }
}

/// Slots filled by concurrent workers, each slot written once.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    private var filled = 0
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    /// Stores a block result; returns how many slots are filled.
    @discardableResult
    func set(_ i: Int, _ value: T) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = value
        filled += 1
        return filled
    }
    var values: [T] { slots.map { $0! } }
}
