import Foundation

/// Places names next to their nodes so that no name covers another name or any node; a name
/// crossing few edges is preferred. Greedy: names are placed one by one (the caller puts the
/// important ones first), each at the cheapest free candidate around its node.
///
/// Candidates lie right, left, above, below and diagonally off the node's box, at gaps of
/// 1, 5, 12 and 22 points (essential names also at 36 to 260 points, where ``DiagramPage``
/// draws a thin line from the node to its name); above and below also shifted by a third of
/// the name's width. The cost is the candidate's rank (right first, then left, above, below,
/// the diagonals), 0.6 per point of gap up to 22 and 1.2 per point beyond, and 12 per edge
/// segment the name's box crosses. A name with no free candidate is not placed.
///
/// All coordinates are Graphviz points (y up); a name's box is its measured size plus
/// `clearance` on every side, a node's box its width and height plus its outline.
struct LabelPlacer {
    /// Room kept around every name, in points.
    var clearance = 1.5
    private var obstacles: RectGrid
    private var segments: RectGrid
    private var lines: [(Double, Double, Double, Double)]
    private let nodes: [Int: DiagramPage.Rect]

    /// A placer for these node boxes (outline included) and edge segments
    /// (x1, y1, x2, y2).
    init(nodes: [Int: DiagramPage.Rect], segments: [(Double, Double, Double, Double)]) {
        var obstacles = RectGrid(cell: 48)
        for box in nodes.values { obstacles.insert(box) }
        var grid = RectGrid(cell: 48)
        for s in segments {
            grid.insert(
                DiagramPage.Rect(
                    minX: min(s.0, s.2), minY: min(s.1, s.3), maxX: max(s.0, s.2), maxY: max(s.1, s.3)))
        }
        self.nodes = nodes
        self.obstacles = obstacles
        self.segments = grid
        self.lines = segments
    }

    /// Places the name of node `node` (text `width` × `height` points): its centre, or nil
    /// when every candidate would cover a node or a name placed before. A placed name becomes
    /// an obstacle for the next ones.
    mutating func place(_ node: Int, width: Double, height: Double, essential: Bool) -> (
        x: Double, y: Double
    )? {
        guard let box = nodes[node] else { return nil }
        let w = width + 2 * clearance
        let h = height + 2 * clearance
        let x = (box.minX + box.maxX) / 2
        let y = (box.minY + box.maxY) / 2
        let hw = box.width / 2
        let hh = box.height / 2
        let gaps: [Double] = essential ? [1, 5, 12, 22, 36, 54, 80, 110, 150, 200, 260] : [1, 5, 12, 22]
        var best: (cost: Double, x: Double, y: Double, rect: DiagramPage.Rect)?
        for gap in gaps {
            let east = x + hw + gap + w / 2
            let west = x - hw - gap - w / 2
            let north = y + hh + gap + h / 2
            let south = y - hh - gap - h / 2
            let diagonalEast = x + 0.6 * hw + w / 2
            let diagonalWest = x - 0.6 * hw - w / 2
            let diagonalNorth = y + 0.7 * hh + gap + h / 2
            let diagonalSouth = y - 0.7 * hh - gap - h / 2
            let shift = w / 3
            let candidates: [(rank: Double, x: Double, y: Double)] = [
                (0, east, y), (1, west, y), (2, x, north), (3, x, south),
                (4, diagonalEast, diagonalNorth), (5, diagonalWest, diagonalNorth),
                (6, diagonalEast, diagonalSouth), (7, diagonalWest, diagonalSouth),
                (8, x + shift, north), (9, x - shift, north), (10, x + shift, south), (11, x - shift, south),
            ]
            for candidate in candidates {
                let cost = candidate.rank + 0.6 * min(gap, 22) + 1.2 * max(0, gap - 22)
                if let best, best.cost <= cost { continue }
                let rect = DiagramPage.Rect(centre: candidate.x, candidate.y, width: w, height: h)
                if obstacles.any(rect, where: { $0.intersects(rect) }) { continue }
                let crossings = segments.indices(near: rect).filter { k in
                    let s = lines[k]
                    return Self.segment(s.0, s.1, s.2, s.3, crosses: rect)
                }.count
                let total = cost + 12 * Double(crossings)
                if best == nil || total < best!.cost { best = (total, candidate.x, candidate.y, rect) }
            }
        }
        guard let best else { return nil }
        obstacles.insert(best.rect)
        return (best.x, best.y)
    }

    /// Whether the segment from (x1, y1) to (x2, y2) passes through `rect` (Liang–Barsky).
    static func segment(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, crosses rect: DiagramPage.Rect
    )
        -> Bool
    {
        let dx = x2 - x1
        let dy = y2 - y1
        var t0 = 0.0
        var t1 = 1.0
        for (p, q) in [
            (-dx, x1 - rect.minX), (dx, rect.maxX - x1), (-dy, y1 - rect.minY), (dy, rect.maxY - y1),
        ] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 {
                    if t > t1 { return false }
                    t0 = max(t0, t)
                } else {
                    if t < t0 { return false }
                    t1 = min(t1, t)
                }
            }
        }
        return t0 <= t1
    }
}

/// Rectangles in a uniform grid of square cells, for "which rectangles are near this one".
struct RectGrid {
    /// Side of a cell, in points.
    let cell: Double
    private(set) var rects: [DiagramPage.Rect] = []
    private var cells: [Cell: [Int]] = [:]

    private struct Cell: Hashable {
        let x: Int
        let y: Int
    }

    init(cell: Double) { self.cell = cell }

    private func range(_ rect: DiagramPage.Rect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let x0 = Int((rect.minX / cell).rounded(.down))
        let x1 = max(x0, Int((rect.maxX / cell).rounded(.down)))
        let y0 = Int((rect.minY / cell).rounded(.down))
        let y1 = max(y0, Int((rect.maxY / cell).rounded(.down)))
        return (x0...x1, y0...y1)
    }

    /// Adds a rectangle; its index is the number of rectangles added before it.
    mutating func insert(_ rect: DiagramPage.Rect) {
        let index = rects.count
        rects.append(rect)
        let (xs, ys) = range(rect)
        for x in xs {
            for y in ys { cells[Cell(x: x, y: y), default: []].append(index) }
        }
    }

    /// The indices of the rectangles in the cells `rect` touches, each once.
    func indices(near rect: DiagramPage.Rect) -> [Int] {
        let (xs, ys) = range(rect)
        var found = Set<Int>()
        for x in xs {
            for y in ys { found.formUnion(cells[Cell(x: x, y: y)] ?? []) }
        }
        return Array(found)
    }

    /// Whether a rectangle near `rect` satisfies `test`.
    func any(_ rect: DiagramPage.Rect, where test: (DiagramPage.Rect) -> Bool) -> Bool {
        indices(near: rect).contains { test(rects[$0]) }
    }
}
