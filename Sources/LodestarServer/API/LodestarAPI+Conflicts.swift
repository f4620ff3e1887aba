import Foundation
import LodestarCore

/// `/api/v1/conflicts`: declared conflicts of interest, which matching never pairs.
extension LodestarAPI {
    func listConflicts(_ input: Operations.ListConflicts.Input) async throws -> Operations.ListConflicts.Output {
        let page = try await APIRequest.current().conflictRegister(store).list(page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, ConflictBody.init))))
    }

    func declareConflict(_ input: Operations.DeclareConflict.Input) async throws -> Operations.DeclareConflict.Output {
        let context = try APIRequest.current()
        try context.signedIn().requireManagement("declaring conflicts of interest")
        let body = switch input.body { case .json(let json): try json.read() }
        let conflict = try await context.conflictRegister(store).declare(between: body.personA, and: body.personB, reason: body.reason, now: context.now)
        return .created(.init(body: .json(ConflictBody(conflict))))
    }

    func withdrawConflict(_ input: Operations.WithdrawConflict.Input) async throws -> Operations.WithdrawConflict.Output {
        let context = try APIRequest.current()
        let id: ConflictOfInterest.ID = try Identifier(path: input.path.id, of: "conflict of interest")
        try await context.conflictRegister(store).withdraw(id, now: context.now)
        return .noContent(.init())
    }

    func listConflictChanges(_ input: Operations.ListConflictChanges.Input) async throws -> Operations.ListConflictChanges.Output {
        let page = try await APIRequest.current().conflictRegister(store).history(page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, ChangeBody.init))))
    }
}

/// A declaration as the API shows it.
struct ConflictBody: Encodable, Hashable, Sendable {
    struct PersonRef: Encodable, Hashable, Sendable {
        let id: String
        let externalId: String
        let name: String
    }

    let id: String
    let personIds: [String]
    let people: [PersonRef]
    let reason: String
    let declaredBy: String?
    let declaredAt: Date?

    init(_ named: NamedConflict) {
        let conflict = named.conflict
        id = conflict.id.description
        personIds = [conflict.people.first.description, conflict.people.second.description]
        people = named.people.map { PersonRef(id: $0.id.description, externalId: $0.externalID, name: $0.name) }
        reason = conflict.reason
        declaredBy = conflict.declared?.by
        declaredAt = conflict.declared?.at
    }
}

/// A new declaration: two people by their HR ids, and why.
struct ConflictInput: Decodable, Hashable, Sendable {
    let personA: String
    let personB: String
    let reason: String
}

/// A recorded change as the API shows it.
struct ChangeBody: Encodable, Hashable, Sendable {
    let id: String
    let kind: String
    let programmeId: String?
    let subject: String
    let by: String
    let at: Date

    init(_ change: AdministrativeChange) {
        id = change.id.description
        kind = change.kind.rawValue
        programmeId = change.programme?.description
        subject = change.subject
        by = change.attribution.by
        at = change.attribution.at
    }
}
