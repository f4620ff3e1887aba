import Foundation
import LodestarCore

/// `/api/v1/programmes/{id}/managers` and `…/changes`: who runs a programme, and who changed that.
extension LodestarAPI {
    func listManagers(_ input: Operations.ListManagers.Input) async throws -> Operations.ListManagers.Output {
        let managers = try await appointments().managers(of: try Identifier(path: input.path.id, of: "programme"))
        let page = Page(slicing: managers, try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page) { ManagerBody($0, invited: false) })))
    }

    func appointManager(_ input: Operations.AppointManager.Input) async throws -> Operations.AppointManager.Output {
        let context = try APIRequest.current()
        try context.signedIn().requireAdmin("appointing programme managers")
        let programme: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        let body = switch input.body { case .json(let json): try json.read() }
        let appointment = try await appointments().appoint(email: body.email, toManage: programme, now: context.now)
        return .created(.init(body: .json(ManagerBody(appointment.manager, invited: appointment.invited))))
    }

    func removeManager(_ input: Operations.RemoveManager.Input) async throws -> Operations.RemoveManager.Output {
        let context = try APIRequest.current()
        // Refused before the ids are read, so no one else learns which exist.
        try context.signedIn().requireAdmin("removing programme managers")
        try await appointments().remove(try Identifier(path: input.path.accountId, of: "programme manager"),
                                        from: try Identifier(path: input.path.id, of: "programme"), now: context.now)
        return .noContent(.init())
    }

    func listProgrammeChanges(_ input: Operations.ListProgrammeChanges.Input) async throws -> Operations.ListProgrammeChanges.Output {
        let page = try await appointments().history(of: try Identifier(path: input.path.id, of: "programme"),
                                                    page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, ChangeBody.init))))
    }

    private func appointments() throws -> ManagerAppointments {
        ManagerAppointments(store: store, principal: try APIRequest.principal(),
                            invitations: AccountLinks(store: store, credentials: credentials, publicURL: publicURL))
    }
}

/// A programme manager as the API shows them.
struct ManagerBody: Encodable, Hashable, Sendable {
    let accountId: String
    let email: String
    let name: String?
    let appointedBy: String?
    let appointedAt: Date?
    let invited: Bool

    init(_ manager: ProgrammeManager, invited: Bool) {
        accountId = manager.account.description
        email = manager.email
        name = manager.name
        appointedBy = manager.appointed?.by
        appointedAt = manager.appointed?.at
        self.invited = invited
    }
}
