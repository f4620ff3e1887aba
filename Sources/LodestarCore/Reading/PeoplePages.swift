import Foundation

/// The people directory as an admin searches it: one page of people and the departments to
/// filter by.
public struct DirectoryPage: Sendable {
    public let found: Page<Person>
    public let departments: [String]
}

/// One person's page: their record, reporting line, direct reports and enrolments.
public struct PersonPage: Sendable {
    public let person: Person
    /// Their manager, that manager's manager, and so on up.
    public let reportingLine: [Person]
    public let reports: [Person]
    public let enrolments: [(enrolment: Enrolment, cycle: Cycle, programme: Programme)]
}

extension PeopleDirectory {
    /// One page of the people `query` finds, filtered and paged by the database (admins only).
    public func search(_ query: PeopleQuery, page: PageRequest) async throws -> DirectoryPage {
        try principal.requireAdmin("seeing the people directory")
        return DirectoryPage(found: try await store.people(matching: query, page: page), departments: try await store.departments())
    }

    /// A person's page, for an admin or the person themself.
    public func page(of id: Person.ID) async throws -> PersonPage {
        guard let person = try await store.person(id) else { throw NotFound("person", id) }
        try principal.requireSight(of: person)
        // The enrolments and their cycles with programmes: two queries, however many.
        let cycles = Dictionary(try await store.cyclesWithProgrammes(of: id).map { ($0.cycle.id, $0) }, uniquingKeysWith: { first, _ in first })
        let enrolments = try await store.enrolments(of: id).compactMap { enrolment in
            cycles[enrolment.cycleID].map { (enrolment: enrolment, cycle: $0.cycle, programme: $0.programme) }
        }
        return PersonPage(person: person, reportingLine: try await reportingLine(of: person),
                          reports: try await store.people(matching: PeopleQuery(managerID: id), page: .everything).items, enrolments: enrolments)
    }
}
