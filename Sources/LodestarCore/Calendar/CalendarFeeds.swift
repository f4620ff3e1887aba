import Foundation

/// A personal calendar feed: one secret address per account that a calendar app subscribes to,
/// listing the person's mentoring meetings (cancelled ones marked so, so they disappear). Only
/// a digest of the secret is stored; a new address replaces the old one at once.
public struct CalendarFeeds: Sendable {
    let store: any LodestarRepositories
    let credentials: any Credentials

    /// Creates the use cases.
    public init(store: any LodestarRepositories, credentials: any Credentials) {
        self.store = store
        self.credentials = credentials
    }

    /// A new secret for the principal's feed (shown once); the previous address stops working.
    public func renew(for principal: Principal, now: Date) async throws -> String {
        guard principal.person != nil else {
            throw ValidationError([FieldIssue(field: "account", message: "is not linked to a person, so it has no meetings to subscribe to")])
        }
        let token = "cal_" + credentials.newToken()
        try await store.saveCalendarFeed(account: principal.account.id, digest: credentials.digest(token: token), createdAt: now)
        return token
    }

    /// True once the principal has made a feed address.
    public func exists(for principal: Principal) async throws -> Bool {
        try await store.calendarFeedCreated(account: principal.account.id) != nil
    }

    /// The feed behind a secret, or nil when the secret is unknown or replaced.
    public func feed(token: String) async throws -> String? {
        guard let accountID = try await store.calendarFeedAccount(digest: credentials.digest(token: token)),
              let account = try await store.account(accountID),
              let personID = account.personID, let person = try await store.person(personID) else { return nil }
        var events: [CalendarEvent] = []
        for relationship in try await store.relationships(of: personID) {
            guard let people = try await store.people(of: relationship) else { continue }
            // A member who left a group keeps the meetings from before, not the group's later ones.
            let until = relationship.member(personID)?.leftAt ?? .distantFuture
            events += try await store.scheduledMeetings(of: relationship.id).filter { $0.startsAt < until }.map { $0.event(with: people.current) }
        }
        return ICalendar.document(events.sorted { $0.start < $1.start }, method: .publish, name: "Mentoring — \(person.name)")
    }
}
