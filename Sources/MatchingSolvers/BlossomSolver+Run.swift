extension BlossomSolver {
    /// Stages: each grows alternating trees from the free vertices, adjusting duals, until it
    /// augments the matching or proves no augmenting path can help.
    mutating func run() {
        for _ in 0..<n {
            for index in label.indices { label[index] = 0 }
            for index in bestEdge.indices { bestEdge[index] = -1 }
            for index in n..<(2 * n) { blossomBestEdges[index] = nil }
            for index in allowEdge.indices { allowEdge[index] = false }
            queue.removeAll(keepingCapacity: true)
            for v in 0..<n where mate[v] == -1 && label[inBlossom[v]] == 0 { assignLabel(v, 1, -1) }
            var augmented = false
            while true {
                augmented = growTrees()
                if augmented { break }
                if !adjustDuals() { break }
            }
            if !augmented { break }
            for b in n..<(2 * n) where blossomParent[b] == -1 && blossomBase[b] >= 0 && label[b] == 1 && dual[b] == 0 {
                expandBlossom(b, true)
            }
        }
    }

    /// Scans the queue of S-vertices along tight edges; true when the matching was augmented.
    private mutating func growTrees() -> Bool {
        while let v = queue.popLast() {
            for p in neighbourEnds[v] {
                let k = p / 2, w = endpoint[p]
                if inBlossom[v] == inBlossom[w] { continue }
                var kSlack: Int64 = 0
                if !allowEdge[k] {
                    kSlack = slack(k)
                    if kSlack <= 0 { allowEdge[k] = true }
                }
                if allowEdge[k] {
                    if label[inBlossom[w]] == 0 {
                        assignLabel(w, 2, p ^ 1)
                    } else if label[inBlossom[w]] == 1 {
                        let base = scanBlossom(v, w)
                        if base >= 0 {
                            addBlossom(base, k)
                        } else {
                            augmentMatching(k)
                            return true
                        }
                    } else if label[w] == 0 {
                        label[w] = 2
                        labelEnd[w] = p ^ 1
                    }
                } else if label[inBlossom[w]] == 1 {
                    let b = inBlossom[v]
                    if bestEdge[b] == -1 || kSlack < slack(bestEdge[b]) { bestEdge[b] = k }
                } else if label[w] == 0 {
                    if bestEdge[w] == -1 || kSlack < slack(bestEdge[w]) { bestEdge[w] = k }
                }
            }
        }
        return false
    }

    /// Changes the duals by the largest step that keeps them feasible; false when the stage is over.
    private mutating func adjustDuals() -> Bool {
        var deltaType = -1
        var delta: Int64 = 0, deltaEdge = -1, deltaBlossom = -1
        if !maximumCardinality {
            deltaType = 1
            delta = dual[0..<n].min()!
        }
        for v in 0..<n where label[inBlossom[v]] == 0 && bestEdge[v] != -1 {
            let d = slack(bestEdge[v])
            if deltaType == -1 || d < delta { delta = d; deltaType = 2; deltaEdge = bestEdge[v] }
        }
        for b in 0..<(2 * n) where blossomParent[b] == -1 && label[b] == 1 && bestEdge[b] != -1 {
            let d = slack(bestEdge[b]) / 2
            if deltaType == -1 || d < delta { delta = d; deltaType = 3; deltaEdge = bestEdge[b] }
        }
        for b in n..<(2 * n) where blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] == 2 && (deltaType == -1 || dual[b] < delta) {
            delta = dual[b]; deltaType = 4; deltaBlossom = b
        }
        if deltaType == -1 {
            // Maximum cardinality and nothing left to grow: finish with the vertex duals.
            deltaType = 1
            delta = max(0, dual[0..<n].min()!)
        }
        for v in 0..<n {
            if label[inBlossom[v]] == 1 { dual[v] -= delta } else if label[inBlossom[v]] == 2 { dual[v] += delta }
        }
        for b in n..<(2 * n) where blossomBase[b] >= 0 && blossomParent[b] == -1 {
            if label[b] == 1 { dual[b] += delta } else if label[b] == 2 { dual[b] -= delta }
        }
        switch deltaType {
        case 1:
            return false
        case 2:
            allowEdge[deltaEdge] = true
            var i = edges[deltaEdge].a
            if label[inBlossom[i]] == 0 { i = edges[deltaEdge].b }
            queue.append(i)
        case 3:
            allowEdge[deltaEdge] = true
            queue.append(edges[deltaEdge].a)
        default:
            expandBlossom(deltaBlossom, false)
        }
        return true
    }
}

extension BlossomSolver {
    /// Checks the dual solution against the matching (Edmonds' optimality conditions): every
    /// edge's slack, counting the blossoms that hold both ends, is ≥ 0 and 0 on matched edges;
    /// unmatched vertices have zero dual; blossoms with positive dual are full. True proves the
    /// matching optimal (with maximum cardinality, up to the usual uniform vertex offset).
    func verifyOptimum() -> Bool {
        let vertexDuals = dual[0..<n]
        let offset = maximumCardinality ? max(0, -(vertexDuals.min() ?? 0)) : 0
        guard (vertexDuals.min() ?? 0) + offset >= 0, dual[n...].allSatisfy({ $0 >= 0 }) else { return false }
        let chains = blossomChains()
        for (k, edge) in edges.enumerated() {
            let slack = slack(of: edge, chains: chains)
            if slack < 0 { return false }
            let aMatched = mate[edge.a] >= 0 && mate[edge.a] / 2 == k, bMatched = mate[edge.b] >= 0 && mate[edge.b] / 2 == k
            if aMatched || bMatched {
                if !(aMatched && bMatched) || slack != 0 { return false }
            }
        }
        for v in 0..<n where mate[v] < 0 && dual[v] + offset != 0 { return false }
        for b in n..<(2 * n) where blossomBase[b] >= 0 && dual[b] > 0 {
            guard blossomEnds[b].count % 2 == 1 else { return false }
            for index in stride(from: 1, to: blossomEnds[b].count, by: 2) {
                let p = blossomEnds[b][index]
                if mate[endpoint[p]] != p ^ 1 || mate[endpoint[p ^ 1]] != p { return false }
            }
        }
        return true
    }

    /// The indices of the edges, of any edge list on the same vertices, whose slack under this
    /// run's duals is negative: the edges that would break the dual solution if they were added.
    func edgesBreakingTheDuals(_ others: [GeneralMatching.Edge]) -> [Int] {
        let chains = blossomChains()
        return others.indices.filter { slack(of: others[$0], chains: chains) < 0 }
    }

    /// Each vertex's blossoms, outermost first.
    private func blossomChains() -> [[Int]] {
        (0..<n).map { v in
            var chain = [v]
            while blossomParent[chain[chain.count - 1]] != -1 { chain.append(blossomParent[chain[chain.count - 1]]) }
            return chain.reversed()
        }
    }

    /// Twice the slack of an edge, counting the duals of the blossoms that hold both its ends.
    private func slack(of edge: GeneralMatching.Edge, chains: [[Int]]) -> Int64 {
        var slack = dual[edge.a] + dual[edge.b] - 2 * edge.weight
        for (bi, bj) in zip(chains[edge.a], chains[edge.b]) {
            if bi != bj { break }
            slack += 2 * dual[bi]
        }
        return slack
    }
}
