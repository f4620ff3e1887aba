import Foundation
import LodestarCore

/// The conflicts-of-interest page: the declarations the principal may see, a form to declare
/// one and, for admins, who declared and withdrew which, when.
struct ConflictsView {
    struct Row {
        let people: String
        let reason: String
        let declared: String
        let withdrawHref: String
    }

    /// What the declaration form holds (refilled when it was refused).
    struct Form {
        let personA: String
        let personB: String
        let reason: String
        static let blank = Form(personA: "", personB: "", reason: "")
    }

    let title = "Conflicts of interest"
    let rows: [Row]
    let paging: Paging
    /// For admins: who declared and withdrew, newest first.
    let history: History?

    struct History {
        let changes: [ChangeLine]
    }
    let scope: String
    let csrf: String
    let problem: String?
    let form: Form

    init(_ page: Page<NamedConflict>, history: [AdministrativeChange]?, for principal: Principal, csrf: String, problem: String?, form: Form) {
        let zone = principal.readingZone
        rows = page.items.map { named in
            Row(people: named.people.map { "\($0.name) (\($0.externalID))" }.joined(separator: " and "), reason: named.conflict.reason,
                declared: named.conflict.declared?.described(in: zone) ?? "before declarations were recorded",
                withdrawHref: SiteURL.withdrawConflict(.value(named.conflict.id)).path)
        }
        paging = Paging(page, path: SiteURL.conflicts.path, query: [:])
        self.history = history.map { History(changes: $0.map { ChangeLine($0, in: zone) }) }
        scope = principal.isAdmin ? "Every declaration of the organisation."
            : "The declarations with someone enrolled in a programme you manage; declare one when at least one of the two is."
        self.csrf = csrf
        self.problem = problem
        self.form = form
    }
}
