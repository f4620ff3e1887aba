import Foundation
import LodestarCore

// `/api/v1/people/{id}/recognition`, `/api/v1/certificates` and `/api/v1/cycles/{id}/certificate`:
// milestones, badges and certificates — the pages' use cases.
extension LodestarAPI {
    func getRecognition(_ input: Operations.GetRecognition.Input) async throws -> Operations.GetRecognition.Output {
        let record = try await Recognition(store: store, principal: try APIRequest.principal()).of(try Identifier(path: input.path.id, of: "person"))
        return .ok(.init(body: .json(RecognitionBody(record))))
    }
}

/// A person's milestones and badges.
struct RecognitionBody: Encodable, Hashable, Sendable {
    struct Milestone: Encodable, Hashable, Sendable {
        let kind: MilestoneKind
        let title: String
        let relationshipId: String
        let place: String
        let awardedAt: Date
    }
    struct Badge: Encodable, Hashable, Sendable {
        let title: String
        let reason: String
    }
    let personId: String
    let milestones: [Milestone]
    let badges: [Badge]

    init(_ record: RecognitionRecord) {
        personId = record.person.id.description
        milestones = record.milestones.map {
            Milestone(kind: $0.milestone.kind, title: $0.milestone.kind.words, relationshipId: $0.milestone.relationshipID.description, place: $0.place, awardedAt: $0.milestone.awardedAt)
        }
        badges = record.badges.map { Badge(title: $0.title, reason: $0.reason) }
    }
}

extension LodestarAPI {
    func listMyCertificates(_ input: Operations.ListMyCertificates.Input) async throws -> Operations.ListMyCertificates.Output {
        let mine = try await Certificates(store: store, principal: try APIRequest.principal()).mine()
        return .ok(.init(body: .json(ListBody(Page(items: mine, total: mine.count, request: .everything)) { CertificateBody($0, publicURL: publicURL) })))
    }

    func issueCertificate(_ input: Operations.IssueCertificate.Input) async throws -> Operations.IssueCertificate.Output {
        let context = try APIRequest.current()
        let certificates = Certificates(store: store, principal: try context.signedIn())
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        _ = try await certificates.issue(for: cycleID, now: context.now)
        guard let status = try await certificates.mine().first(where: { $0.cycle.id == cycleID }) else { throw NotFound("certificate of the cycle", cycleID) }
        return .created(.init(body: .json(CertificateBody(status, publicURL: publicURL))))
    }
}

/// A participant's certificate of one cycle: issued with its code and verification address, or what is missing.
struct CertificateBody: Encodable, Hashable, Sendable {
    let cycleId: String
    let place: String
    let role: EnrolmentRole
    let code: String?
    let verification: String?
    let issuedAt: Date?
    let missing: [String]

    init(_ status: CertificateStatus, publicURL: String) {
        cycleId = status.cycle.id.description
        place = status.cycle.place(in: status.programme)
        role = status.role
        code = status.certificate?.code
        verification = status.certificate.map { SiteURL.certificate(.value($0.code)).address(under: publicURL) }
        issuedAt = status.certificate?.issuedAt
        missing = status.missing
    }
}
