import Hummingbird
import LodestarCore

/// `/api/v1/cycles/:id/enrolments` and `/api/v1/enrolments/:id`.
struct EnrolmentController {
    let store: any LodestarRepositories

    func register(on api: RouterGroup<BasicRequestContext>) {
        let office = ProgrammeOffice(store: store)
        api.get("cycles/:id/enrolments") { request, context in
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            guard try await store.cycle(cycleID) != nil else { throw NotFound("cycle", cycleID) }
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
            let input = try await JSONBody.decode(EnrolmentInput.self, from: request)
            guard let personID = Person.ID(input.personId) else { throw NotFound("person", input.personId) }
            return created(EnrolmentBody(try await office.enrol(personID, in: cycleID, as: input.role, profile: input.profile)))
        }
        api.get("enrolments/:id") { _, context in
            let id: Enrolment.ID = try context.parameters.id(of: "enrolment")
            guard let enrolment = try await store.enrolment(id) else { throw NotFound("enrolment", id) }
            return EnrolmentBody(enrolment)
        }
        api.put("enrolments/:id") { request, context in
            let id: Enrolment.ID = try context.parameters.id(of: "enrolment")
            let input = try await JSONBody.decode(ProfileInput.self, from: request)
            return EnrolmentBody(try await office.update(id, profile: input.profile))
        }
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
struct ProfileInput: Decodable {
    let profile: MentoringProfile
}
