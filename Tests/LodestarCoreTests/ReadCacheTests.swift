import Foundation
@testable import LodestarCore
import Testing

/// The read cache over a revision the test moves on by hand, counting the reads it lets through.
@Suite("Read models kept while nothing is written")
struct ReadCacheTests {
    final class Revision: DataRevisionReading, @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int64 = 1
        func dataRevision() async throws -> Int64 { lock.withLock { value } }
        func write() { lock.withLock { value += 1 } }
    }

    final class Reads: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var made: Int { lock.withLock { count } }
        func make(_ text: String) -> String { lock.withLock { count += 1 }; return text }
    }

    /// A cache over a revision the test moves on, and the counter of reads it lets through.
    static func fixture(capacity: Int = 256) -> (ReadCache, Revision, Reads) {
        let revision = Revision()
        return (ReadCache(store: revision, capacity: capacity), revision, Reads())
    }

    static func principal(admin: Bool = false) -> Principal {
        Principal(account: Account(email: "\(UUID())@tests.example", personID: nil, passwordHash: nil, isAdmin: admin, createdAt: Date()),
                  person: nil, managedProgrammes: [], enrolments: [])
    }

    @Test("a read model is made once while the revision stands, and again after any write")
    func keptUntilWritten() async throws {
        let (cache, revision, reads) = Self.fixture()
        let reader = Self.principal()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for _ in 0..<3 { #expect(try await cache.value("cycle", of: "a", for: reader, at: now) { reads.make("first") } == "first") }
        #expect(reads.made == 1)
        revision.write()
        #expect(try await cache.value("cycle", of: "a", for: reader, at: now) { reads.make("after the write") } == "after the write")
        #expect(reads.made == 2)
    }

    @Test("one reader's read model is never handed to another, nor to a token of another scope, nor for another subject")
    func keptPerReader() async throws {
        let (cache, _, reads) = Self.fixture()
        let (manager, other) = (Self.principal(), Self.principal(admin: true))
        _ = try await cache.value("cycle", of: "a", for: manager, at: nil) { reads.make("the manager's") }
        #expect(try await cache.value("cycle", of: "a", for: other, at: nil) { reads.make("the admin's") } == "the admin's")
        #expect(try await cache.value("cycle", of: "a", for: other.through(.read), at: nil) { reads.make("the token's") } == "the token's")
        #expect(try await cache.value("cycle", of: "b", for: manager, at: nil) { reads.make("cycle b") } == "cycle b")
        #expect(try await cache.value("cycle", of: "a", for: manager, at: nil) { reads.make("again") } == "the manager's")
        #expect(reads.made == 4)
    }

    @Test("a read that depends on the time is made again in the next minute")
    func keptForTheMinute() async throws {
        let (cache, _, reads) = Self.fixture()
        let reader = Self.principal()
        let minute = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await cache.value("health", of: "", for: reader, at: minute) { reads.make("09:00") }
        #expect(try await cache.value("health", of: "", for: reader, at: minute.addingTimeInterval(59)) { reads.make("later") } == "09:00")
        #expect(try await cache.value("health", of: "", for: reader, at: minute.addingTimeInterval(60)) { reads.make("09:01") } == "09:01")
    }

    @Test("a read that fails is not kept; the least recently used read goes first when the cache is full")
    func failuresAndCapacity() async throws {
        let (cache, _, reads) = Self.fixture(capacity: 2)
        let reader = Self.principal()
        await #expect(throws: AccessDenied.self) {
            try await cache.value("cycle", of: "a", for: reader, at: nil) { () async throws -> String in throw AccessDenied("no") }
        }
        #expect(try await cache.value("cycle", of: "a", for: reader, at: nil) { reads.make("a") } == "a")
        _ = try await cache.value("cycle", of: "b", for: reader, at: nil) { reads.make("b") }
        _ = try await cache.value("cycle", of: "a", for: reader, at: nil) { reads.make("a again") }
        _ = try await cache.value("cycle", of: "c", for: reader, at: nil) { reads.make("c") }
        #expect(try await cache.value("cycle", of: "a", for: reader, at: nil) { reads.make("a anew") } == "a", "used last, so kept")
        #expect(try await cache.value("cycle", of: "b", for: reader, at: nil) { reads.make("b anew") } == "b anew", "used least, so gone")
    }

    @Test("requests that ask at once for a read model not yet kept wait for the first one's; when it fails, the next one reads")
    func askedAtOnce() async throws {
        let (cache, _, reads) = Self.fixture()
        let reader = Self.principal()
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await cache.value("plan", of: "large", for: reader, at: nil) {
                        try await Task.sleep(for: .milliseconds(200))
                        return reads.make("the plan")
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: "the plan", count: 10))
        #expect(reads.made == 1)
        let outcomes = await withTaskGroup(of: String?.self) { group in
            for attempt in 0..<3 {
                group.addTask {
                    try? await cache.value("plan", of: "failing", for: reader, at: nil) { () async throws -> String in
                        try await Task.sleep(for: .milliseconds(100))
                        if attempt == 0 { throw AccessDenied("the first read fails") }
                        return reads.make("read again")
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == "read again" })
        #expect(outcomes.compactMap { $0 }.count >= 2, "one failure fails one request only")
    }
}
