import LodestarCore

/// The messages sent about a programme, for its managers, newest first.
struct ProgrammeMessagesView {
    let title: String
    let crumbs: [Crumb]
    let name: String
    let notices: [OutboxView.Line]
    let total: Int
    let paging: Paging

    init(_ programme: Programme, _ page: Page<Notice>) {
        title = "Messages · \(programme.name)"
        crumbs = [Crumb("Programmes", SiteURL.home.path), Crumb(programme.name, SiteURL.programme(.value(programme.id)).path)]
        name = programme.name
        notices = page.items.map(OutboxView.Line.init)
        total = page.total
        paging = Paging(page, path: SiteURL.programmeMessages(.value(programme.id)).path, query: [:])
    }
}
