import LodestarCore

/// `/api/v1/conflicts`: declared conflicts of interest, which matching never pairs.
extension LodestarAPI {
    func listConflicts(_ input: Operations.ListConflicts.Input) async throws -> Operations.ListConflicts.Output {
        try APIRequest.principal().requireAdmin("seeing declared conflicts of interest")
        let all = try await store.conflicts()
        return .ok(.init(body: .json(ListBody(Page(slicing: all, try APIRequest.page(input.query.offset, input.query.limit)), ConflictBody.init))))
    }

    func declareConflict(_ input: Operations.DeclareConflict.Input) async throws -> Operations.DeclareConflict.Output {
        try APIRequest.principal().requireAdmin("declaring conflicts of interest")
        let body = switch input.body { case .json(let json): try json.read() }
        let conflict = try await APIRequest.current().conflictRegister(store).declare(between: body.personA, and: body.personB, reason: body.reason)
        return .created(.init(body: .json(ConflictBody(conflict))))
    }

    func withdrawConflict(_ input: Operations.WithdrawConflict.Input) async throws -> Operations.WithdrawConflict.Output {
        try APIRequest.principal().requireAdmin("withdrawing conflicts of interest")
        let id: ConflictOfInterest.ID = try Identifier(path: input.path.id, of: "conflict of interest")
        try await APIRequest.current().conflictRegister(store).withdraw(id)
        return .noContent(.init())
    }
}

/// A declaration as the API shows it.
struct ConflictBody: Encodable, Hashable, Sendable {
    let id: String
    let personIds: [String]
    let reason: String

    init(_ conflict: ConflictOfInterest) {
        id = conflict.id.description
        personIds = [conflict.people.first.description, conflict.people.second.description]
        reason = conflict.reason
    }
}

/// A new declaration: two people by their HR ids, and why.
struct ConflictInput: Decodable, Hashable, Sendable {
    let personA: String
    let personB: String
    let reason: String
}
