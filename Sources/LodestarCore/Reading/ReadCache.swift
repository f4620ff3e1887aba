import Foundation

/// Read models already computed, each filed under the store's data revision (`DataRevisionReading`),
/// which every write moves on — on whichever app server it is made — so a page asked for again
/// while nothing changed is served from memory, and nothing is served after a change.
///
/// Each entry is also filed under who read it (their account, and an API token's scope): a read
/// model holds what its reader may see, so it is never handed to anyone else, and a change of
/// role — a write — is a new revision. A read that depends on the time is filed under the minute
/// it was computed in. The most recently used entries are kept; those of an older revision go as
/// soon as a newer one is seen. Requests that ask at once for a read model not yet kept wait for
/// the first one's, instead of each computing it (a busy page's minute turning, or ten managers
/// opening a large plan together).
public final class ReadCache: @unchecked Sendable {
    struct Key: Hashable {
        let read: String
        let subject: String
        let reader: Account.ID?
        let scope: ApiToken.Scope?
        let revision: Int64
        let minute: Int?
    }

    private let store: any DataRevisionReading
    private let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (value: any Sendable, used: UInt64)] = [:]
    /// Read models being computed, with the requests waiting for each.
    private var underway: [Key: [CheckedContinuation<Void, Never>]] = [:]
    private var uses: UInt64 = 0
    private var newest: Int64 = .min

    /// A cache of at most `capacity` read models over `store`.
    public init(store: any DataRevisionReading, capacity: Int = 1024) {
        self.store = store
        self.capacity = max(1, capacity)
    }

    /// The read model `read` of `subject` (its arguments, written out) as `reader` sees it at
    /// `now` (nil for one that does not depend on the time): the one computed at the store's
    /// current revision, or `compute`'s, kept for the next time. `revision` is the store's, when a
    /// request that only reads has just read it (`revision()`); a request that wrote reads it anew.
    public func value<Value: Sendable>(_ read: String, of subject: String, for reader: Principal?, at now: Date?, revision known: Int64? = nil,
                                       compute: () async throws -> Value) async throws -> Value {
        let key = try await key(read, of: subject, for: reader, at: now, revision: known)
        while true {
            switch lock.withLock({ step(for: key) }) {
            case .kept(let kept):
                // A key holds one type of read model; another asked under it is computed, not kept.
                if let kept = kept as? Value { return kept }
                return try await compute()
            case .wait:
                await withCheckedContinuation { (waiting: CheckedContinuation<Void, Never>) in
                    lock.withLock {
                        if underway[key] != nil { underway[key]?.append(waiting) } else { waiting.resume() }
                    }
                }
            case .compute:
                // The first to ask computes; if it fails, nothing is kept and those waiting ask anew.
                defer { for waiting in lock.withLock({ underway.removeValue(forKey: key) ?? [] }) { waiting.resume() } }
                let value = try await compute()
                lock.withLock { keep(value, under: key) }
                return value
            }
        }
    }

    private enum Step {
        case kept(any Sendable)
        case wait
        case compute
    }

    private func step(for key: Key) -> Step {
        if let kept = use(key) { return .kept(kept) }
        if underway[key] != nil { return .wait }
        underway[key] = []
        return .compute
    }

    /// The store's data revision now.
    public func revision() async throws -> Int64 { try await store.dataRevision() }

    /// Keeps `value` in place of the read model `read` of `subject` (a session extended as it was used).
    public func replace<Value: Sendable>(_ read: String, of subject: String, for reader: Principal?, at now: Date?, revision known: Int64? = nil,
                                         with value: Value) async throws {
        let key = try await key(read, of: subject, for: reader, at: now, revision: known)
        lock.withLock { keep(value, under: key) }
    }

    private func key(_ read: String, of subject: String, for reader: Principal?, at now: Date?, revision known: Int64?) async throws -> Key {
        let revision = if let known { known } else { try await store.dataRevision() }
        return Key(read: read, subject: subject, reader: reader?.account.id, scope: reader?.scope, revision: revision,
                   minute: now.map { Int(($0.timeIntervalSince1970 / 60).rounded(.down)) })
    }

    private func use(_ key: Key) -> (any Sendable)? {
        guard let entry = entries[key] else { return nil }
        uses += 1
        entries[key]?.used = uses
        return entry.value
    }

    private func keep(_ value: any Sendable, under key: Key) {
        guard key.revision >= newest else { return }
        if key.revision > newest {
            newest = key.revision
            entries = entries.filter { $0.key.revision == newest }
        }
        uses += 1
        entries[key] = (value, uses)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key { entries[oldest] = nil }
    }
}
