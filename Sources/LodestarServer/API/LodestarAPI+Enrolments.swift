import LodestarCore

/// `/api/v1/cycles/{id}/enrolments` and `/api/v1/enrolments/{id}`.
extension LodestarAPI {
    func listEnrolments(_ input: Operations.ListEnrolments.Input) async throws -> Operations.ListEnrolments.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        try APIRequest.principal().requireManager(of: try await programme(ofCycle: cycleID), "listing a cycle's participants")
        let role = try input.query.role.map { try EnrolmentRole.parse($0, field: "role") }
        let page = try await store.enrolments(in: cycleID, role: role, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, EnrolmentBody.init))))
    }

    func enrol(_ input: Operations.Enrol.Input) async throws -> Operations.Enrol.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        try APIRequest.principal().requireManager(of: try await programme(ofCycle: cycleID), "enrolling people")
        let body = switch input.body { case .json(let json): try json.read() }
        guard let personID = Person.ID(body.personId) else { throw NotFound("person", body.personId) }
        let enrolment = try await APIRequest.current().programmeOffice(store).enrol(personID, in: cycleID, as: body.role, profile: body.profile)
        return .created(.init(body: .json(EnrolmentBody(enrolment))))
    }

    func getEnrolment(_ input: Operations.GetEnrolment.Input) async throws -> Operations.GetEnrolment.Output {
        let enrolment = try await enrolment(input.path.id, "seeing someone else's enrolment")
        return .ok(.init(headers: .init(eTag: try EntityTag.of(enrolment)), body: .json(EnrolmentBody(enrolment))))
    }

    func updateEnrolment(_ input: Operations.UpdateEnrolment.Input) async throws -> Operations.UpdateEnrolment.Output {
        let enrolment = try await enrolment(input.path.id, "changing someone else's enrolment")
        let profile = switch input.body { case .json(let json): try json.read().profile }
        let (id, context) = (enrolment.id, try APIRequest.current())
        let updated = try await conditionally(input.headers.ifMatch, lock: .enrolment(id)) { store in try await context.programmeOffice(store).update(id, profile: profile) }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(updated)), body: .json(EnrolmentBody(updated))))
    }

    /// The enrolment of the path, once the caller may reach it for `doing`.
    private func enrolment(_ text: String, _ doing: String) async throws -> Enrolment {
        let id: Enrolment.ID = try Identifier(path: text, of: "enrolment")
        guard let enrolment = try await store.enrolment(id) else { throw NotFound("enrolment", id) }
        try APIRequest.principal().requireAccess(to: enrolment, in: try await programme(ofCycle: enrolment.cycleID), doing)
        return enrolment
    }

    private func programme(ofCycle id: Cycle.ID) async throws -> Programme {
        try await store.cycleAndProgramme(id).programme
    }
}

/// An enrolment as the API shows it.
struct EnrolmentBody: Encodable, Hashable, Sendable {
    let id: String
    let cycleId: String
    let personId: String
    let role: EnrolmentRole
    let profile: MentoringProfile

    init(_ enrolment: Enrolment) {
        id = enrolment.id.description
        cycleId = enrolment.cycleID.description
        personId = enrolment.personID.description
        role = enrolment.role
        profile = enrolment.profile
    }
}

/// A new enrolment: who, which role, which profile.
struct EnrolmentInput: Decodable, Hashable, Sendable {
    let personId: String
    let role: EnrolmentRole
    let profile: MentoringProfile
}

/// A changed profile.
struct ProfileInput: Decodable, Hashable, Sendable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id", "cycleId", "personId", "role"]

    let profile: MentoringProfile
}
