/// A small, fast, seedable generator (Steele, Lea & Flood 2014, doi:10.1145/2714064.2660195):
/// the same seed gives the same sequence on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits: the state advances by the golden-ratio increment
    /// 0x9E3779B97F4A7C15 and is mixed by the SplitMix64 finaliser.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<bound (bound > 0), without modulo bias.
    public mutating func next(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return x % bound }
        }
    }
    /// Uniform in [0, 1).
    public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    /// `k` distinct numbers drawn uniformly from 0..<n (k clamped to 1...n), sorted: the first
    /// k steps of a Fisher–Yates shuffle. O(n) memory and time.
    public mutating func sample(_ k: Int, of n: Int) -> [Int] {
        guard n > 0 else { return [] }
        let k = min(max(1, k), n)
        var nodes = Array(0..<n)
        for i in 0..<k { nodes.swapAt(i, i + Int(next(below: UInt64(n - i)))) }
        return Array(nodes[0..<k]).sorted()
    }
}
