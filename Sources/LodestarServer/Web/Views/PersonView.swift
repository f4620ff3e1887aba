import LodestarCore

/// A person's page: their details, their reporting line up to the top, and their direct reports.
struct PersonView {
    let title: String
    let crumbs = [Crumb("People", SiteURL.people.path)]
    let person: Details
    let reportingLine: [Link]
    let reports: [Link]
    let enrolments: [EnrolmentLine]
    let recognition: RecognitionLines

    struct Details { let name: String; let externalID: String; let email: String; let title: String; let level: Int
                     let department: String; let location: String; let timeZone: String; let languages: String }
    struct Link { let href: String; let name: String; let title: String }
    struct EnrolmentLine { let href: String; let cycle: String; let role: String }

    init(_ page: PersonPage, recognition record: RecognitionRecord) {
        let person = page.person
        let link = { (p: Person) in Link(href: SiteURL.person(.value(p.id)).path, name: p.name, title: p.title) }
        title = person.name
        self.person = Details(name: person.name, externalID: person.externalID, email: person.email, title: person.title, level: person.level,
                              department: person.department, location: person.location, timeZone: person.timeZone,
                              languages: person.languages.joined(separator: ", "))
        reportingLine = page.reportingLine.map(link)
        reports = page.reports.map(link)
        enrolments = page.enrolments.map {
            EnrolmentLine(href: SiteURL.cycle(.value($0.cycle.id)).path, cycle: "\($0.programme.name) · \($0.cycle.name)", role: $0.enrolment.role.rawValue)
        }
        recognition = RecognitionLines(record)
    }
}
