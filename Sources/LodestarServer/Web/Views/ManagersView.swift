import Foundation
import LodestarCore

/// A programme page's managers: who they are, who appointed them and when, the record of
/// changes, and for admins the forms to appoint and remove.
struct ManagersView {
    struct Row {
        let name: String
        let email: String
        let appointed: String
        let pending: Bool
        let removeHref: String
    }

    let rows: [Row]
    let changes: [ChangeLine]
    /// Admins appoint and remove.
    let mayAppoint: Bool
    let appointHref: String
    let csrf: String
    let problem: String?
    let email: String

    init(programme: Programme.ID, managers: [ProgrammeManager], changes: [AdministrativeChange], for principal: Principal,
         csrf: String, problem: String?, email: String) {
        let zone = principal.readingZone
        rows = managers.map { manager in
            Row(name: manager.name ?? manager.email, email: manager.email,
                appointed: manager.appointed?.described(in: zone) ?? "before appointments were recorded",
                pending: !manager.canSignIn, removeHref: SiteURL.removeManager(.value(programme), .value(manager.account)).path)
        }
        self.changes = changes.map { ChangeLine($0, in: zone) }
        mayAppoint = principal.isAdmin
        appointHref = SiteURL.managers(.value(programme)).path
        self.csrf = csrf
        self.problem = problem
        self.email = email
    }
}
