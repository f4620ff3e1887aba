import Crypto
import Foundation
import LodestarCore

/// A record's version as HTTP sees it (`ETag`): a digest of the record as stored, so any change
/// to it — by the web app, the API or an import — gives a new tag.
enum EntityTag {
    static func of<Record: Encodable>(_ record: Record) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let digest = SHA256.hash(data: try encoder.encode(record))
        return "\"" + digest.prefix(16).hex + "\""
    }

    /// The version an `If-Match` names for a versioned record (an agreement, a goal): `"3"` is
    /// version 3; none or `*` is any version (nil).
    static func version(_ ifMatch: String?) throws -> Int? {
        guard let ifMatch = ifMatch?.trimmingCharacters(in: .whitespaces), ifMatch != "*" else { return nil }
        let digits = ifMatch.hasPrefix("\"") && ifMatch.hasSuffix("\"") && ifMatch.count >= 2 ? String(ifMatch.dropFirst().dropLast()) : ifMatch
        guard digits.count <= 9, let version = Int(digits), version >= 0 else {
            throw ValidationError([FieldIssue(field: "If-Match", message: "'\(ifMatch.prefix(40))' is not a version such as \"3\" (the version you read)")])
        }
        return version
    }

    /// An endpoint's tag: of everything it holds, its secret too (a new secret is a change), which
    /// the one-way digest does not give away.
    static func of(webhook endpoint: WebhookEndpoint) throws -> String {
        try of(WebhookBody(endpoint, showingSecret: true))
    }

    /// True when `If-Match` lets a change through: it lists the tag (or `*`). Weak tags never match.
    static func matches(_ ifMatch: String, _ tag: String) -> Bool {
        ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains { $0 == "*" || $0 == tag }
    }
}

extension LodestarAPI {
    /// Runs `change` — after `If-Match`, when sent, is checked against the record as stored now,
    /// in the same transaction, the record held so that no one changes it in between: a tag
    /// that is no longer the record's means someone changed it since the caller read it (409).
    /// The caller's access is checked before, so the answer tells nothing to those without it.
    /// The transaction may run on another task: `change` takes what it needs of the request (its
    /// context) from its caller, not from `APIRequest`.
    func conditionally<Result: Sendable>(_ ifMatch: String?, lock record: LockedRecord,
                                         _ change: @escaping @Sendable (any LodestarRepositories) async throws -> Result) async throws -> Result {
        guard let ifMatch else { return try await change(store) }
        return try await store.inTransaction { store in
            try await store.lockForChange(record)
            guard EntityTag.matches(ifMatch, try await Self.tag(of: record, in: store)) else {
                throw APIError(.conflict, "It changed since you read it (If-Match no longer holds); read it again, then send your change.")
            }
            return try await change(store)
        }
    }

    /// The tag of `record` as `store` holds it now.
    private static func tag(of record: LockedRecord, in store: any LodestarRepositories) async throws -> String {
        switch record {
        case .person(let id): try EntityTag.of(try await store.person(id) ?? { throw NotFound("person", id) }())
        case .programme(let id): try EntityTag.of(try await store.programme(id) ?? { throw NotFound("programme", id) }())
        case .cycle(let id): try EntityTag.of(try await store.cycleAndProgramme(id).cycle)
        case .enrolment(let id): try EntityTag.of(try await store.enrolment(id) ?? { throw NotFound("enrolment", id) }())
        case .competency(let slug): try EntityTag.of(try await store.competency(slug: slug) ?? { throw NotFound("competency", slug) }())
        case .webhook(let id): try EntityTag.of(webhook: try await store.webhookEndpoint(id) ?? { throw NotFound("webhook", id) }())
        // An agreement's or a goal's tag is its version, which its use case compares itself.
        case .relationship(let id): throw APIError(.internalServerError, "relationship \(id) has no tag of its own")
        }
    }
}
