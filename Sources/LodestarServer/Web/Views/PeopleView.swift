import LodestarCore

/// The people directory with search by name and department.
struct PeopleView {
    let title = "People"
    let name: String
    let departments: [Option]
    let people: [Row]
    let total: Int
    let paging: Paging
    let csrf: String
    let csvHref = SiteURL.peopleCSV.path
    let importHref = SiteURL.peopleImports.path

    struct Option { let value: String; let selected: Bool }
    struct Row { let href: String; let name: String; let title: String; let department: String; let location: String; let level: Int }

    init(_ page: DirectoryPage, _ query: PeopleQuery, csrf: String) {
        self.csrf = csrf
        let found = page.found
        name = query.name ?? ""
        departments = page.departments.map { Option(value: $0, selected: $0 == query.department) }
        people = found.items.map { Row(href: SiteURL.person(.value($0.id)).path, name: $0.name, title: $0.title, department: $0.department, location: $0.location, level: $0.level) }
        total = found.total
        paging = Paging(found, path: SiteURL.people.path, query: ["name": query.name ?? "", "department": query.department ?? ""])
    }
}
