import Foundation

/// Plans already made, kept while what they were made from stands: each is filed under the
/// store's planning revision (`PlanningRevisionReading`), which any write to people, enrolments,
/// programmes, conflicts or relationships moves on — so a page that asks again, or its next
/// page, reuses the plan instead of scoring every pair again, and no plan outlives a change.
/// The few most recent plans are kept; the oldest goes first.
public final class PlanCache: @unchecked Sendable {
    /// What a plan was made from.
    public struct Key: Hashable, Sendable {
        let cycle: Cycle.ID
        let revision: Int64
        let seed: UInt64
        let fairness: Bool
        let edits: String
        /// Availability is compared in UTC, so a plan holds within the hour it was made in.
        let hour: Int

        init(cycle: Cycle.ID, revision: Int64, seed: UInt64, fairness: Bool, edits: PlanEdits, now: Date) {
            self.cycle = cycle
            self.revision = revision
            self.seed = seed
            self.fairness = fairness
            self.edits = edits.locked.map { "\($0.mentee)>\($0.mentor)" }.joined(separator: ",") + ";"
                + edits.leftOut.map(\.description).sorted().joined(separator: ",") + ";" + (edits.weights.map { "\($0)" } ?? "")
            hour = Int((now.timeIntervalSince1970 / 3600).rounded(.down))
        }
    }

    /// A plan with the request it was made for (the choice of another mentor explains from it).
    public typealias Planned = (request: MatchRequest, plan: MatchPlan)

    private let lock = NSLock()
    private var entries: [(key: Key, planned: Planned)] = []
    private let capacity: Int

    /// A cache of the `capacity` most recent plans.
    public init(capacity: Int = 6) { self.capacity = max(1, capacity) }

    subscript(key: Key) -> Planned? {
        get {
            lock.withLock {
                guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
                let entry = entries.remove(at: index)
                entries.append(entry)
                return entry.planned
            }
        }
        set {
            lock.withLock {
                entries.removeAll { $0.key == key }
                guard let newValue else { return }
                entries.append((key, newValue))
                if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
            }
        }
    }
}
