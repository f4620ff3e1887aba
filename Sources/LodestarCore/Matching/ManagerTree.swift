/// Entry and exit times of a depth-first walk over the manager tree.
struct ManagerTree {
    private var entry: [Person.ID: Int] = [:]
    private var exit: [Person.ID: Int] = [:]

    /// The tree of a whole directory given as each person's manager (nil at the top).
    init(managers: [Person.ID: Person.ID?]) {
        var children: [Person.ID: [Person.ID]] = [:]
        var roots: [Person.ID] = []
        for (person, manager) in managers {
            if let manager, managers.keys.contains(manager) { children[manager, default: []].append(person) } else { roots.append(person) }
        }
        var clock = 0
        for root in roots {
            var stack: [(Person.ID, Bool)] = [(root, false)]
            while let (id, leaving) = stack.popLast() {
                if leaving { exit[id] = clock; continue }
                guard entry[id] == nil else { continue }
                entry[id] = clock
                clock += 1
                stack.append((id, true))
                for child in children[id] ?? [] { stack.append((child, false)) }
            }
        }
    }

    func interval(of id: Person.ID) -> (Int, Int) { (entry[id] ?? -1, exit[id] ?? -1) }
}
