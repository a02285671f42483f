/// Connectivity, cores, cut points and local structure.
public enum Structure {
    /// Weakly connected components (direction ignored): a component label 0..<k per node,
    /// numbered in order of their smallest node. - Complexity: O(n + m).
    public static func weakComponents(_ graph: Graph) -> (labels: [Int], count: Int) {
        let n = graph.nodeCount
        var label = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var count = 0
        for start in 0..<n where label[start] < 0 {
            label[start] = count
            stack.append(start)
            while let v = stack.popLast() {
                for w in graph.outNeighbors(of: v) where label[Int(w)] < 0 {
                    label[Int(w)] = count
                    stack.append(Int(w))
                }
                for w in graph.inNeighbors(of: v) where label[Int(w)] < 0 {
                    label[Int(w)] = count
                    stack.append(Int(w))
                }
            }
            count += 1
        }
        return (label, count)
    }

    /// Strongly connected components (Tarjan 1972, doi:10.1137/0201010), iterative.
    /// On undirected graphs they equal the weak components. - Complexity: O(n + m).
    public static func strongComponents(_ graph: Graph) -> (labels: [Int], count: Int) {
        let n = graph.nodeCount
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var call: [(node: Int, edge: Int)] = []
        var counter = 0
        var count = 0
        for root in 0..<n where index[root] < 0 {
            call.append((root, graph.outOffsets[root]))
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while !call.isEmpty {
                let (v, e) = call[call.count - 1]
                if e < graph.outOffsets[v + 1] {
                    call[call.count - 1].edge += 1
                    let w = Int(graph.outTargets[e])
                    if index[w] < 0 {
                        index[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(w)
                        onStack[w] = true
                        call.append((w, graph.outOffsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    call.removeLast()
                    if let parent = call.last?.node { low[parent] = min(low[parent], low[v]) }
                    if low[v] == index[v] {
                        while let w = stack.popLast() {
                            onStack[w] = false
                            label[w] = count
                            if w == v { break }
                        }
                        count += 1
                    }
                }
            }
        }
        return (label, count)
    }

    /// Core number (k-core index) of every node: the largest k such that the node belongs to
    /// a subgraph where every node has degree ≥ k (Seidman 1983; Batagelj & Zaversnik 2003,
    /// arXiv:cs/0310049). Degree as networkx: neighbours on undirected graphs, in + out on
    /// directed ones (a reciprocated partner counts twice). Weights are ignored.
    /// - Complexity: O(n + m).
    public static func coreNumbers(_ graph: Graph) -> [Int] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        func neighbours(_ v: Int) -> [Int32] {
            graph.isDirected
                ? Array(graph.outNeighbors(of: v)) + Array(graph.inNeighbors(of: v))
                : Array(graph.outNeighbors(of: v))
        }
        var degree = Degree.degree(graph)
        let maxDegree = degree.max() ?? 0
        // Bucket sort nodes by degree.
        var binStart = [Int](repeating: 0, count: maxDegree + 1)
        for d in degree { binStart[d] += 1 }
        var start = 0
        for d in 0...maxDegree {
            let c = binStart[d]
            binStart[d] = start
            start += c
        }
        var position = [Int](repeating: 0, count: n)
        var order = [Int](repeating: 0, count: n)
        var next = binStart
        for v in 0..<n {
            position[v] = next[degree[v]]
            order[position[v]] = v
            next[degree[v]] += 1
        }
        for i in 0..<n {
            let v = order[i]
            for wRaw in neighbours(v) {
                let w = Int(wRaw)
                if degree[w] > degree[v] {
                    let dw = degree[w]
                    let pw = position[w]
                    let ps = binStart[dw]
                    let u = order[ps]
                    if u != w {
                        order[pw] = u
                        position[u] = pw
                        order[ps] = w
                        position[w] = ps
                    }
                    binStart[dw] += 1
                    degree[w] -= 1
                }
            }
        }
        return degree
    }

    /// Articulation points (cut vertices) and bridges of the undirected view: removing one
    /// disconnects part of the network (Hopcroft & Tarjan 1973, doi:10.1145/362248.362272).
    /// - Complexity: O(n + m).
    public static func cutPointsAndBridges(_ graph: Graph) -> (articulation: [Bool], bridges: [(Int, Int)]) {
        let n = graph.nodeCount
        let view = graph.undirectedNeighbors()
        var discovery = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [(Int, Int)] = []
        var time = 0
        var call: [(node: Int, parent: Int, edge: Int, children: Int)] = []
        for root in 0..<n where discovery[root] < 0 {
            discovery[root] = time
            low[root] = time
            time += 1
            call.append((root, -1, view.offsets[root], 0))
            while !call.isEmpty {
                let top = call.count - 1
                let v = call[top].node
                if call[top].edge < view.offsets[v + 1] {
                    let w = Int(view.targets[call[top].edge])
                    call[top].edge += 1
                    if discovery[w] < 0 {
                        call[top].children += 1
                        discovery[w] = time
                        low[w] = time
                        time += 1
                        call.append((w, v, view.offsets[w], 0))
                    } else if w != call[top].parent {
                        low[v] = min(low[v], discovery[w])
                    }
                } else {
                    let finished = call.removeLast()
                    if let parentFrame = call.last {
                        let p = parentFrame.node
                        low[p] = min(low[p], low[v])
                        if low[v] > discovery[p] { bridges.append((min(p, v), max(p, v))) }
                        if parentFrame.parent >= 0 && low[v] >= discovery[p] { isCut[p] = true }
                    } else if finished.children > 1 {
                        isCut[v] = true
                    }
                }
            }
        }
        return (isCut, bridges.sorted { $0 < $1 })
    }

    /// Local clustering coefficient on the undirected view, unweighted:
    /// C_i = 2 T_i / (k_i (k_i − 1)), with T_i the triangles through i; 0 when k_i < 2
    /// (Watts & Strogatz 1998, doi:10.1038/30918; = networkx `clustering` on undirected graphs).
    /// Also returns the transitivity 3 × triangles / connected triples (networkx
    /// `transitivity`). - Complexity: O(Σ k_i²) with sorted-list intersection.
    public static func clustering(_ graph: Graph) -> (local: [Double], transitivity: Double) {
        let n = graph.nodeCount
        let view = graph.undirectedNeighbors()
        var local = [Double](repeating: 0, count: n)
        var triangles = 0.0
        var triples = 0.0
        for v in 0..<n {
            let nbrs = view.targets[view.offsets[v]..<view.offsets[v + 1]]
            let k = nbrs.count
            guard k >= 2 else { continue }
            var links = 0
            for u in nbrs {
                // |N(u) ∩ N(v)| by merging sorted lists.
                let other = view.targets[view.offsets[Int(u)]..<view.offsets[Int(u) + 1]]
                var i = nbrs.startIndex
                var j = other.startIndex
                while i < nbrs.endIndex && j < other.endIndex {
                    if nbrs[i] < other[j] {
                        i += 1
                    } else if other[j] < nbrs[i] {
                        j += 1
                    } else {
                        links += 1
                        i += 1
                        j += 1
                    }
                }
            }
            let t = Double(links) / 2  // each triangle edge seen from both ends
            local[v] = 2 * t / Double(k * (k - 1))
            triangles += t
            triples += Double(k * (k - 1)) / 2
        }
        return (local, triples > 0 ? triangles / triples : 0)
    }
}
