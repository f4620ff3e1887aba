import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func save(_ request: MentorRequest) async throws {
        try await upsert(MentorRequestModel.self, id: request.id.uuid) { $0.update(from: request) }
    }

    public func mentorRequest(_ id: MentorRequest.ID) async throws -> MentorRequest? {
        try await MentorRequestModel.find(id.uuid, on: db)?.domain()
    }

    public func mentorRequests(ofMentee mentee: Enrolment.ID) async throws -> [MentorRequest] {
        try await MentorRequestModel.query(on: db).filter(\.$mentee == mentee.uuid).sort(\.$rank).all().map { try $0.domain() }
    }

    public func mentorRequests(toMentors mentors: [Enrolment.ID]) async throws -> [MentorRequest] {
        guard !mentors.isEmpty else { return [] }
        return try await MentorRequestModel.query(on: db).filter(\.$mentor ~~ mentors.map(\.uuid)).sort(\.$sentAt).all().map { try $0.domain() }
    }

    public func overdueMentorRequests(now: Date) async throws -> [MentorRequest] {
        try await MentorRequestModel.query(on: db).filter(\.$state == MentorRequest.State.pending.rawValue).filter(\.$expiresAt < now)
            .sort(\.$expiresAt).all().map { try $0.domain() }
    }

    public func claim(_ request: MentorRequest.ID, from: MentorRequest.State, to: MentorRequest.State, at: Date) async throws -> Bool {
        try await claim("""
            UPDATE mentor_requests SET state = \(bind: to.rawValue), answered_at = \(bind: at)
            WHERE id = \(bind: request.uuid) AND state = \(bind: from.rawValue) RETURNING id
            """)
    }
}
