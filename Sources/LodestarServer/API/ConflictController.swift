import Hummingbird
import LodestarCore

/// `/api/v1/conflicts`: declared conflicts of interest, which matching never pairs.
struct ConflictController {
    let store: any LodestarRepositories

    func register(on group: RouterGroup<LodestarContext>) {
        group.get { request, context in
            try context.signedIn().requireAdmin("seeing declared conflicts of interest")
            let all = try await store.conflicts()
            return ListBody(Page(slicing: all, try request.pageRequest()), ConflictBody.init)
        }
        group.post { request, context in
            try context.signedIn().requireAdmin("declaring conflicts of interest")
            let input = try await JSONBody.decode(ConflictInput.self, from: request)
            return created(ConflictBody(try await context.conflictRegister(store).declare(between: input.personA, and: input.personB, reason: input.reason)))
        }
        group.delete(":id") { _, context in
            try context.signedIn().requireAdmin("withdrawing conflicts of interest")
            let id: ConflictOfInterest.ID = try context.parameters.id(of: "conflict of interest")
            try await context.conflictRegister(store).withdraw(id)
            return Response(status: .noContent)
        }
    }
}

/// A declaration as the API shows it.
struct ConflictBody: ResponseEncodable {
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
struct ConflictInput: Decodable {
    let personA: String
    let personB: String
    let reason: String
}
