import Foundation
import LodestarCore

/// `/api/v1/cycles/{id}/applications`, `/api/v1/cycles/{id}/invitations` and
/// `/api/v1/applications`: invitations to apply, applications and decisions — the pages' use case.
extension LodestarAPI {
    func listApplications(_ input: Operations.ListApplications.Input) async throws -> Operations.ListApplications.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let state = try input.query.state.map { try ApplicationState.parse($0, field: "state") }
        let role = try input.query.role.map { try EnrolmentRole.parse($0, field: "role") }
        let board = try await applications().board(of: cycleID, state: state, role: role, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(board.applications) { ApplicationBody($0.application, board.cycle, board.programme, $0.person.name) })))
    }

    func inviteToApply(_ input: Operations.InviteToApply.Input) async throws -> Operations.InviteToApply.Output {
        let context = try APIRequest.current()
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        // Access first, so the body of a refused request is never read.
        try context.signedIn().requireManager(of: try await store.cycleAndProgramme(cycleID).programme, "inviting people to apply")
        let body = switch input.body { case .json(let json): try json.read() }
        let summary = try await applications().invite(body.invitations.map { InvitationList.Item(person: $0.person, role: $0.role) }, to: cycleID, now: context.now)
        return .ok(.init(body: .json(InvitationSummaryBody(invited: summary.invited, alreadyInvited: summary.alreadyInvited))))
    }

    func listMyApplications(_ input: Operations.ListMyApplications.Input) async throws -> Operations.ListMyApplications.Output {
        let mine = try await applications().mine()
        return .ok(.init(body: .json(ListBody(Page(items: mine, total: mine.count, request: .everything)) { ApplicationBody($0) })))
    }

    func getApplication(_ input: Operations.GetApplication.Input) async throws -> Operations.GetApplication.Output {
        .ok(.init(body: .json(ApplicationBody(try await applications().page(try Identifier(path: input.path.id, of: "application"))))))
    }

    func apply(_ input: Operations.Apply.Input) async throws -> Operations.Apply.Output {
        let context = try APIRequest.current()
        let id: ProgrammeApplication.ID = try Identifier(path: input.path.id, of: "application")
        // Read first: the body of a request for someone else's application is never read.
        let page = try await applications().page(id)
        let body = switch input.body { case .json(let json): try json.read() }
        return .ok(.init(body: .json(ApplicationBody(page, now: try await applications().apply(id, profile: body.profile, motivation: body.motivation ?? "", now: context.now)))))
    }

    func withdrawApplication(_ input: Operations.WithdrawApplication.Input) async throws -> Operations.WithdrawApplication.Output {
        let id: ProgrammeApplication.ID = try Identifier(path: input.path.id, of: "application")
        let page = try await applications().page(id)
        return .ok(.init(body: .json(ApplicationBody(page, now: try await applications().withdraw(id, now: try APIRequest.current().now)))))
    }

    func decideApplication(_ input: Operations.DecideApplication.Input) async throws -> Operations.DecideApplication.Output {
        let id: ProgrammeApplication.ID = try Identifier(path: input.path.id, of: "application")
        let page = try await applications().page(id)
        try APIRequest.principal().requireManager(of: page.programme, "deciding on applications")
        let body = switch input.body { case .json(let json): try json.read() }
        return .ok(.init(body: .json(ApplicationBody(page, now: try await applications().decide(id, body.decision, now: try APIRequest.current().now)))))
    }

    private func applications() throws -> Applications {
        Applications(store: store, principal: try APIRequest.principal(), accounts: AccountLinks(store: store, credentials: credentials, publicURL: publicURL))
    }
}

/// An application as the API shows it.
struct ApplicationBody: Encodable, Hashable, Sendable {
    let id: String
    let cycleId: String
    let cycleName: String
    let programmeId: String
    let programmeName: String
    let personId: String
    let personName: String
    let role: EnrolmentRole
    let state: ApplicationState
    let profile: MentoringProfile?
    let motivation: String
    let invitedBy: String
    let invitedAt: Date
    let appliedAt: Date?
    let decidedBy: String?
    let decidedAt: Date?

    init(_ application: ProgrammeApplication, _ cycle: Cycle, _ programme: Programme, _ personName: String) {
        id = application.id.description
        cycleId = cycle.id.description
        cycleName = cycle.name
        programmeId = programme.id.description
        programmeName = programme.name
        personId = application.personID.description
        self.personName = personName
        role = application.role
        state = application.state
        profile = application.profile
        motivation = application.motivation
        invitedBy = application.invited.by
        invitedAt = application.invited.at
        appliedAt = application.appliedAt
        decidedBy = application.decided?.by
        decidedAt = application.decided?.at
    }

    /// The application of `page`, as it is `now` (once changed).
    init(_ page: ApplicationPage, now application: ProgrammeApplication? = nil) {
        self.init(application ?? page.application, page.cycle, page.programme, page.person.name)
    }
}

/// People to invite to apply.
struct InvitationListInput: Decodable, Sendable {
    struct Entry: Decodable, Sendable {
        let person: String
        let role: String
    }
    let invitations: [Entry]
}

/// Who was invited, and who was already.
struct InvitationSummaryBody: Encodable, Hashable, Sendable {
    let invited: [String]
    let alreadyInvited: [String]
}

/// An application sent: the profile and why.
struct ApplicationInput: Decodable, Sendable {
    let profile: MentoringProfile
    let motivation: String?
}

/// The manager's decision.
struct DecisionInput: Decodable, Sendable {
    let decision: ApplicationState
}
