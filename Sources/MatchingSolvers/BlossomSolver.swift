/// The state of one blossom-algorithm run. Vertices are 0..<n; blossoms n..<2n. Endpoint `p` of
/// edge `p / 2` is `endpoint[p]`; `mate[v]` is the remote endpoint index of v's matched edge.
struct BlossomSolver {
    let n: Int
    let edges: [GeneralMatching.Edge]
    let maximumCardinality: Bool
    let endpoint: [Int]
    var neighbourEnds: [[Int]]
    var mate: [Int]
    var label: [Int]
    var labelEnd: [Int]
    var inBlossom: [Int]
    var blossomParent: [Int]
    var blossomChildren: [[Int]]
    var blossomBase: [Int]
    var blossomEnds: [[Int]]
    var bestEdge: [Int]
    var blossomBestEdges: [[Int]?]
    var unusedBlossoms: [Int]
    var dual: [Int64]
    var allowEdge: [Bool]
    var queue: [Int] = []

    init(vertices: Int, edges: [GeneralMatching.Edge], maximumCardinality: Bool) {
        n = vertices
        self.edges = edges
        self.maximumCardinality = maximumCardinality
        endpoint = edges.flatMap { [$0.a, $0.b] }
        var neighbours = [[Int]](repeating: [], count: vertices)
        for (k, edge) in edges.enumerated() {
            neighbours[edge.a].append(2 * k + 1)
            neighbours[edge.b].append(2 * k)
        }
        neighbourEnds = neighbours
        let maxWeight = max(0, edges.map(\.weight).max() ?? 0)
        mate = [Int](repeating: -1, count: n)
        label = [Int](repeating: 0, count: 2 * n)
        labelEnd = [Int](repeating: -1, count: 2 * n)
        inBlossom = Array(0..<n)
        blossomParent = [Int](repeating: -1, count: 2 * n)
        blossomChildren = [[Int]](repeating: [], count: 2 * n)
        blossomBase = Array(0..<n) + [Int](repeating: -1, count: n)
        blossomEnds = [[Int]](repeating: [], count: 2 * n)
        bestEdge = [Int](repeating: -1, count: 2 * n)
        blossomBestEdges = [[Int]?](repeating: nil, count: 2 * n)
        unusedBlossoms = Array(n..<(2 * n))
        dual = [Int64](repeating: maxWeight, count: n) + [Int64](repeating: 0, count: n)
        allowEdge = [Bool](repeating: false, count: edges.count)
    }

    /// Twice the slack of edge k (so that it stays an integer).
    func slack(_ k: Int) -> Int64 {
        dual[edges[k].a] + dual[edges[k].b] - 2 * edges[k].weight
    }

    func leaves(_ b: Int) -> [Int] {
        if b < n { return [b] }
        var result: [Int] = []
        var stack = [b]
        while let t = stack.popLast() {
            if t < n { result.append(t) } else { stack.append(contentsOf: blossomChildren[t].reversed()) }
        }
        return result
    }

    mutating func assignLabel(_ w: Int, _ t: Int, _ p: Int) {
        let b = inBlossom[w]
        label[w] = t; label[b] = t
        labelEnd[w] = p; labelEnd[b] = p
        bestEdge[w] = -1; bestEdge[b] = -1
        if t == 1 {
            queue.append(contentsOf: leaves(b))
        } else if t == 2 {
            let base = blossomBase[b]
            assignLabel(endpoint[mate[base]], 1, mate[base] ^ 1)
        }
    }

    /// The base of the new blossom when v and w meet, or -1 when an augmenting path was found.
    mutating func scanBlossom(_ v: Int, _ w: Int) -> Int {
        var path: [Int] = []
        var base = -1
        var v = v, w = w
        while v != -1 || w != -1 {
            var b = inBlossom[v]
            if label[b] & 4 != 0 { base = blossomBase[b]; break }
            path.append(b)
            label[b] = 5
            if labelEnd[b] == -1 {
                v = -1
            } else {
                v = endpoint[labelEnd[b]]
                b = inBlossom[v]
                v = endpoint[labelEnd[b]]
            }
            if w != -1 { (v, w) = (w, v) }
        }
        for b in path { label[b] = 1 }
        return base
    }

    mutating func addBlossom(_ base: Int, _ k: Int) {
        var v = edges[k].a, w = edges[k].b
        let bb = inBlossom[base]
        var bv = inBlossom[v], bw = inBlossom[w]
        let b = unusedBlossoms.removeLast()
        blossomBase[b] = base
        blossomParent[b] = -1
        blossomParent[bb] = b
        var path: [Int] = [], ends: [Int] = []
        while bv != bb {
            blossomParent[bv] = b
            path.append(bv)
            ends.append(labelEnd[bv])
            v = endpoint[labelEnd[bv]]
            bv = inBlossom[v]
        }
        path.append(bb)
        path.reverse()
        ends.reverse()
        ends.append(2 * k)
        while bw != bb {
            blossomParent[bw] = b
            path.append(bw)
            ends.append(labelEnd[bw] ^ 1)
            w = endpoint[labelEnd[bw]]
            bw = inBlossom[w]
        }
        blossomChildren[b] = path
        blossomEnds[b] = ends
        label[b] = 1
        labelEnd[b] = labelEnd[bb]
        dual[b] = 0
        for leaf in leaves(b) {
            if label[inBlossom[leaf]] == 2 { queue.append(leaf) }
            inBlossom[leaf] = b
        }
        var bestEdgeTo = [Int](repeating: -1, count: 2 * n)
        for child in path {
            let lists: [[Int]]
            if let saved = blossomBestEdges[child] {
                lists = [saved]
            } else {
                lists = leaves(child).map { leaf in neighbourEnds[leaf].map { $0 / 2 } }
            }
            for list in lists {
                for k in list {
                    var i = edges[k].a, j = edges[k].b
                    if inBlossom[j] == b { (i, j) = (j, i) }
                    let bj = inBlossom[j]
                    if bj != b && label[bj] == 1 && (bestEdgeTo[bj] == -1 || slack(k) < slack(bestEdgeTo[bj])) {
                        bestEdgeTo[bj] = k
                    }
                    _ = i
                }
            }
            blossomBestEdges[child] = nil
            bestEdge[child] = -1
        }
        let best = bestEdgeTo.filter { $0 != -1 }
        blossomBestEdges[b] = best
        bestEdge[b] = -1
        for k in best where bestEdge[b] == -1 || slack(k) < slack(bestEdge[b]) { bestEdge[b] = k }
    }

    mutating func expandBlossom(_ b: Int, _ endStage: Bool) {
        for s in blossomChildren[b] {
            blossomParent[s] = -1
            if s < n {
                inBlossom[s] = s
            } else if endStage && dual[s] == 0 {
                expandBlossom(s, endStage)
            } else {
                for leaf in leaves(s) { inBlossom[leaf] = s }
            }
        }
        if !endStage && label[b] == 2 {
            let entryChild = inBlossom[endpoint[labelEnd[b] ^ 1]]
            let count = blossomChildren[b].count
            var j = blossomChildren[b].firstIndex(of: entryChild)!
            var step: Int, endTrick: Int
            if j & 1 != 0 { j -= count; step = 1; endTrick = 0 } else { step = -1; endTrick = 1 }
            var p = labelEnd[b]
            while j != 0 {
                label[endpoint[p ^ 1]] = 0
                label[endpoint[blossomEnds[b][wrap(j - endTrick, count)] ^ endTrick ^ 1]] = 0
                assignLabel(endpoint[p ^ 1], 2, p)
                allowEdge[blossomEnds[b][wrap(j - endTrick, count)] / 2] = true
                j += step
                p = blossomEnds[b][wrap(j - endTrick, count)] ^ endTrick
                allowEdge[p / 2] = true
                j += step
            }
            let bv = blossomChildren[b][wrap(j, count)]
            label[endpoint[p ^ 1]] = 2; label[bv] = 2
            labelEnd[endpoint[p ^ 1]] = p; labelEnd[bv] = p
            bestEdge[bv] = -1
            j += step
            while blossomChildren[b][wrap(j, count)] != entryChild {
                let child = blossomChildren[b][wrap(j, count)]
                if label[child] == 1 { j += step; continue }
                var reached = -1
                for leaf in leaves(child) where label[leaf] != 0 { reached = leaf; break }
                if reached >= 0 {
                    label[reached] = 0
                    label[endpoint[mate[blossomBase[child]]]] = 0
                    assignLabel(reached, 2, labelEnd[reached])
                }
                j += step
            }
        }
        label[b] = -1; labelEnd[b] = -1
        blossomChildren[b] = []; blossomEnds[b] = []
        blossomBase[b] = -1
        blossomBestEdges[b] = nil
        bestEdge[b] = -1
        unusedBlossoms.append(b)
    }

    private func wrap(_ index: Int, _ count: Int) -> Int { ((index % count) + count) % count }

    mutating func augmentBlossom(_ b: Int, _ v: Int) {
        var t = v
        while blossomParent[t] != b { t = blossomParent[t] }
        if t >= n { augmentBlossom(t, v) }
        let count = blossomChildren[b].count
        let i = blossomChildren[b].firstIndex(of: t)!
        var j = i
        var step: Int, endTrick: Int
        if i & 1 != 0 { j -= count; step = 1; endTrick = 0 } else { step = -1; endTrick = 1 }
        while j != 0 {
            j += step
            t = blossomChildren[b][wrap(j, count)]
            let p = blossomEnds[b][wrap(j - endTrick, count)] ^ endTrick
            if t >= n { augmentBlossom(t, endpoint[p]) }
            j += step
            t = blossomChildren[b][wrap(j, count)]
            if t >= n { augmentBlossom(t, endpoint[p ^ 1]) }
            mate[endpoint[p]] = p ^ 1
            mate[endpoint[p ^ 1]] = p
        }
        blossomChildren[b] = Array(blossomChildren[b][i...] + blossomChildren[b][..<i])
        blossomEnds[b] = Array(blossomEnds[b][i...] + blossomEnds[b][..<i])
        blossomBase[b] = blossomBase[blossomChildren[b][0]]
    }

    mutating func augmentMatching(_ k: Int) {
        let v = edges[k].a, w = edges[k].b
        for (start, p0) in [(v, 2 * k + 1), (w, 2 * k)] {
            var s = start, p = p0
            while true {
                let bs = inBlossom[s]
                if bs >= n { augmentBlossom(bs, s) }
                mate[s] = p
                if labelEnd[bs] == -1 { break }
                let t = endpoint[labelEnd[bs]]
                let bt = inBlossom[t]
                s = endpoint[labelEnd[bt]]
                let j = endpoint[labelEnd[bt] ^ 1]
                if bt >= n { augmentBlossom(bt, j) }
                mate[j] = labelEnd[bt]
                p = labelEnd[bt] ^ 1
            }
        }
    }
}
