import Foundation

/// The messages Lodestar sent about a programme — matches, reminders, nudges, endings, requests —
/// for its managers: to whom, what, when and whether delivered, one-time links hidden as in the
/// admins' outbox. Messages about no programme (invitations, password resets) are the outbox's only.
public struct ProgrammeMessages: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use case over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// The programme's messages, newest first.
    public func list(_ programmeID: Programme.ID, page: PageRequest = .first) async throws -> (programme: Programme, messages: Page<Notice>) {
        let programme = try await store.programme(programmeID, managedBy: principal, "reading a programme's messages")
        let found = try await store.notices(about: programme.id, page: page)
        return (programme, found.map { notice in
            var notice = notice
            notice.body = AccountLinks.hidingLinks(notice.body)
            return notice
        })
    }
}
