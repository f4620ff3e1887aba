import LodestarCore

/// A person's page: their details, their reporting line up to the top, and their direct reports.
struct PersonView {
    let title: String
    let crumbs = [Crumb("People", SiteURL.people.path)]
    let person: Details
    let reportingLine: [Link]
    let reports: [Link]
    let enrolments: [EnrolmentLine]

    struct Details { let name: String; let externalID: String; let email: String; let title: String; let level: Int
                     let department: String; let location: String; let timeZone: String; let languages: String }
    struct Link { let href: String; let name: String; let title: String }
    struct EnrolmentLine { let href: String; let cycle: String; let role: String }

    static func load(_ person: Person, for principal: Principal, _ store: any LodestarRepositories) async throws -> PersonView {
        let line = try await PeopleDirectory(store: store, principal: principal).reportingLine(of: person)
        let reports = try await store.people(matching: PeopleQuery(managerID: person.id), page: .everything).items
        var enrolments: [EnrolmentLine] = []
        for enrolment in try await store.enrolments(of: person.id) {
            guard let cycle = try await store.cycle(enrolment.cycleID) else { continue }
            let programme = try await store.programme(cycle.programmeID)
            enrolments.append(EnrolmentLine(href: SiteURL.cycle(.value(cycle.id)).path, cycle: "\(programme?.name ?? "") · \(cycle.name)", role: enrolment.role.rawValue))
        }
        let link = { (p: Person) in Link(href: SiteURL.person(.value(p.id)).path, name: p.name, title: p.title) }
        return PersonView(
            title: person.name,
            person: Details(name: person.name, externalID: person.externalID, email: person.email, title: person.title, level: person.level,
                            department: person.department, location: person.location, timeZone: person.timeZone,
                            languages: person.languages.joined(separator: ", ")),
            reportingLine: line.map(link), reports: reports.map(link), enrolments: enrolments)
    }
}
