import LodestarCore

/// `/api/v1/people`: list (search, paging), get, create, update.
extension LodestarAPI {
    func listPeople(_ input: Operations.ListPeople.Input) async throws -> Operations.ListPeople.Output {
        try APIRequest.principal().requireAdmin("seeing the people directory")
        let query = PeopleQuery(name: input.query.name, department: input.query.department)
        let page = try await store.people(matching: query, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(items: try await personBodies(page.items), of: page))))
    }

    func getPerson(_ input: Operations.GetPerson.Input) async throws -> Operations.GetPerson.Output {
        let id: Person.ID = try Identifier(path: input.path.id, of: "person")
        guard let person = try await store.person(id) else { throw NotFound("person", id) }
        try APIRequest.principal().requireSight(of: person)
        return .ok(.init(headers: .init(eTag: try EntityTag.of(person)), body: .json(try await personBody(person))))
    }

    func createPerson(_ input: Operations.CreatePerson.Input) async throws -> Operations.CreatePerson.Output {
        try APIRequest.principal().requireAdmin("adding people to the directory")
        let record = switch input.body { case .json(let json): try json.read().record }
        let person = try await PersonInput.namingAPIFields { try await APIRequest.current().peopleDirectory(store).create(record) }
        return .created(.init(body: .json(try await personBody(person))))
    }

    func updatePerson(_ input: Operations.UpdatePerson.Input) async throws -> Operations.UpdatePerson.Output {
        try APIRequest.principal().requireAdmin("changing people in the directory")
        let id: Person.ID = try Identifier(path: input.path.id, of: "person")
        let record = switch input.body { case .json(let json): try json.read().record }
        let context = try APIRequest.current()  // the transaction runs outside the request's task
        let person = try await PersonInput.namingAPIFields {
            try await conditionally(input.headers.ifMatch, lock: .person(id)) { store in try await context.peopleDirectory(store).update(id, with: record) }
        }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(person)), body: .json(try await personBody(person))))
    }

    private func personBody(_ person: Person) async throws -> PersonBody {
        try await personBodies([person])[0]
    }

    /// The people as the API shows them, their managers' HR ids read in one query.
    private func personBodies(_ people: [Person]) async throws -> [PersonBody] {
        let managers = try await store.people(ids: Set(people.compactMap(\.managerID)))
        let externalIDs = Dictionary(uniqueKeysWithValues: managers.map { ($0.id, $0.externalID) })
        return people.map { PersonBody($0, managerExternalID: $0.managerID.flatMap { externalIDs[$0] }) }
    }
}

/// A person as the API shows them.
struct PersonBody: Encodable, Hashable, Sendable {
    let id: String
    let externalId: String
    let name: String
    let email: String
    let title: String
    let level: Int
    let department: String
    let managerId: String?
    /// The manager's HR id, as inputs name the manager.
    let managerExternalId: String?
    let location: String
    let timeZone: String
    let languages: [String]
    let demographics: Demographics

    init(_ person: Person, managerExternalID: String?) {
        id = person.id.description
        externalId = person.externalID
        name = person.name
        email = person.email
        title = person.title
        level = person.level
        department = person.department
        managerId = person.managerID?.description
        managerExternalId = managerExternalID
        location = person.location
        timeZone = person.timeZone
        languages = person.languages
        demographics = person.demographics
    }
}

/// A person as the API accepts them; the manager is named by external id, as in the CSV.
struct PersonInput: Decodable, Hashable, Sendable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id", "managerId"]

    let externalId: String
    let name: String
    let email: String
    let title: String?
    let level: Int
    let department: String?
    /// "" removes the manager; absent keeps the current one.
    let managerExternalId: String?
    let location: String?
    let timeZone: String
    let languages: [String]?
    let demographics: DemographicsInput?

    struct DemographicsInput: Decodable, Hashable, Sendable {
        let gender, ethnicity, ageBand, disability: String?
    }

    /// The rules name fields as the CSV header does; the API answers in its own JSON keys.
    static func namingAPIFields<T>(_ body: () async throws -> T) async throws -> T {
        let keys = ["id": "externalId", "timezone": "timeZone", "manager_id": "managerExternalId"]
        do { return try await body() } catch let error as ValidationError {
            throw ValidationError(error.issues.map { FieldIssue(field: keys[$0.field] ?? $0.field, message: $0.message) })
        }
    }

    var record: PersonRecord {
        PersonRecord(
            externalID: externalId.trimmingCharacters(in: .whitespaces), name: name.trimmingCharacters(in: .whitespaces),
            email: email.trimmingCharacters(in: .whitespaces).lowercased(), title: title, level: level, department: department,
            managerExternalID: managerExternalId, location: location, timeZone: timeZone, languages: languages,
            demographics: .init(gender: demographics?.gender, ethnicity: demographics?.ethnicity,
                                ageBand: demographics?.ageBand, disability: demographics?.disability))
    }
}
