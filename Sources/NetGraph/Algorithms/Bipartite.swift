extension Structure {
    /// Whether the undirected view of `graph` is bipartite (its nodes split into two sides
    /// with every tie between the sides): a breadth-first two-colouring of every component.
    /// Such graphs have a symmetric spectrum (±λ), so the leading eigen- and singular vectors
    /// of power-iteration measures are not unique there.
    /// - Complexity: O(n + m).
    public static func isBipartite(_ graph: Graph) -> Bool {
        let (offsets, targets) = graph.undirectedNeighbors()
        let n = graph.nodeCount
        var side = [Int8](repeating: -1, count: n)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        for start in 0..<n where side[start] < 0 {
            side[start] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for k in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[k])
                    if v == u { continue }
                    if side[v] < 0 {
                        side[v] = 1 - side[u]
                        queue.append(v)
                    } else if side[v] == side[u] {
                        return false
                    }
                }
            }
        }
        return true
    }
}
