import Hummingbird
import LodestarCore

/// `/api/v1/cycles/:id/enrolments` and `/api/v1/enrolments/:id`.
struct EnrolmentController {
    let store: any LodestarRepositories

    func register(on api: RouterGroup<LodestarContext>) {
        api.get("cycles/:id/enrolments") { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            try context.signedIn().requireManager(of: try await programme(ofCycle: cycleID), "listing a cycle's participants")
            let roleText = request.uri.queryParameters.get("role")
            let role = try roleText.map { text in
                guard let role = EnrolmentRole(rawValue: text) else {
                    throw ValidationError([FieldIssue(field: "role", message: "'\(text)' is not mentor or mentee")])
                }
                return role
            }
            return ListBody(try await store.enrolments(in: cycleID, role: role, page: try request.pageRequest()), EnrolmentBody.init)
        }
        api.post("cycles/:id/enrolments") { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            try context.signedIn().requireManager(of: try await programme(ofCycle: cycleID), "enrolling people")
            let input = try await JSONBody.decode(EnrolmentInput.self, from: request)
            guard let personID = Person.ID(input.personId) else { throw NotFound("person", input.personId) }
            return created(EnrolmentBody(try await context.programmeOffice(store).enrol(personID, in: cycleID, as: input.role, profile: input.profile)))
        }
        api.get("enrolments/:id") { _, context in
            let id: Enrolment.ID = try context.parameters.id(of: "enrolment")
            guard let enrolment = try await store.enrolment(id) else { throw NotFound("enrolment", id) }
            try context.signedIn().requireAccess(to: enrolment, in: try await programme(ofCycle: enrolment.cycleID), "seeing someone else's enrolment")
            return EnrolmentBody(enrolment)
        }
        api.put("enrolments/:id") { request, context in
            let id: Enrolment.ID = try context.parameters.id(of: "enrolment")
            guard let enrolment = try await store.enrolment(id) else { throw NotFound("enrolment", id) }
            try context.signedIn().requireAccess(to: enrolment, in: try await programme(ofCycle: enrolment.cycleID), "changing someone else's enrolment")
            let input = try await JSONBody.decode(ProfileInput.self, from: request)
            return EnrolmentBody(try await context.programmeOffice(store).update(id, profile: input.profile))
        }
    }

    private func programme(ofCycle id: Cycle.ID) async throws -> Programme {
        try await store.cycleAndProgramme(id).programme
    }
}

/// An enrolment as the API shows it.
struct EnrolmentBody: ResponseEncodable {
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
struct EnrolmentInput: Decodable {
    let personId: String
    let role: EnrolmentRole
    let profile: MentoringProfile
}

/// A changed profile.
struct ProfileInput: Decodable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id", "cycleId", "personId", "role"]

    let profile: MentoringProfile
}
