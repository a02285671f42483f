import Foundation

/// Actor ids looked up by the bytes of a cell, without making a `String` of it: an
/// open-addressing hash table (FNV-1a, linear probing, at most half full) over the ids'
/// UTF-8 bytes, in memory allocated here so that every core can read it at once without
/// touching a reference count.
///
/// Exact: a cell matches an id only when their bytes are equal. The folder reader uses it for
/// cells without surrounding spaces; anything else takes the `String` path with its messages.
final class ActorLookup: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Id k is `bytes[offsets[k]..<offsets[k + 1]]`.
    private let offsets: UnsafeMutableBufferPointer<Int>
    /// Actor index per slot, -1 for an empty slot.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let mask: Int

    /// A table of `ids` (distinct); index k is the position of `ids[k]`.
    init(ids: [String]) {
        let total = ids.reduce(0) { $0 + $1.utf8.count }
        bytes = .allocate(capacity: max(total, 1))
        offsets = .allocate(capacity: ids.count + 1)
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1)
        mask = size - 1
        var position = 0
        offsets[0] = 0
        for (k, id) in ids.enumerated() {
            for byte in id.utf8 {
                bytes[position] = byte
                position += 1
            }
            offsets[k + 1] = position
            var slot = Self.hash(UnsafeBufferPointer(rebasing: bytes[offsets[k]..<position])) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k)
        }
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
        slots.deallocate()
    }

    /// The index of the id whose bytes equal `key`, if any. - Complexity: O(key length),
    /// expected.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        while true {
            let k = Int(slots[slot])
            if k < 0 { return nil }
            let start = offsets[k]
            let length = offsets[k + 1] - start
            if length == key.count && Self.equal(bytes.baseAddress! + start, key, length) { return k }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `length` bytes at `stored` equal `key` (ids are short: a loop beats a call).
    private static func equal(
        _ stored: UnsafePointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>, _ length: Int
    )
        -> Bool
    {
        guard let other = key.baseAddress else { return length == 0 }
        if length > 32 { return memcmp(stored, other, length) == 0 }
        for i in 0..<length where stored[i] != other[i] { return false }
        return true
    }

    /// 64-bit FNV-1a.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

/// What a few distinct cell texts (relation types, yes/no values) turned into, by their exact
/// bytes: a short list searched in order, at most 32 entries. For one thread.
struct ByteCache<Value> {
    private var keys: [[UInt8]] = []
    private var values: [Value] = []

    /// The value stored for `key`, if any.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        for k in keys.indices where keys[k].count == key.count {
            let equal = keys[k].withUnsafeBufferPointer { stored in
                key.count == 0 || memcmp(stored.baseAddress!, key.baseAddress!, key.count) == 0
            }
            if equal { return values[k] }
        }
        return nil
    }

    /// Stores `value` for `key` (ignored once the list is full).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        guard keys.count < 32 else { return }
        keys.append(Array(key))
        values.append(value)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes start and end with a visible ASCII character, so that trimming spaces
    /// (`String.trimmedSpaces`) would leave them as they are.
    var isTrimmed: Bool {
        guard let first = first, let last = last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}
