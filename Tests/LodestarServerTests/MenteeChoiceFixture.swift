import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// The demo in mentee-choice mode (two requests, five days to answer), its cycle in matching, with
/// the test roles; every mentor can sign in, as the session "mentor-<enrolment id>".
func prepareMenteeChoice(in store: FluentStore, demo: DemoOrganisation, callers: CallerBox) async throws {
    try await AccessMatrixTests.prepareRoles(in: store, demo: demo, into: callers)
    var programme = try #require(try await store.programme(demo.programme.id))
    var settings = programme.effectiveMatching
    settings.menteeChoice = .init(maximumRequests: 2, responseDays: 5)
    programme.matching = settings
    try await store.save(programme)
    var cycle = try #require(try await store.cycle(demo.cycle.id))
    cycle.state = .matching
    try await store.save(cycle)
    for mentor in demo.enrolments where mentor.role == .mentor {
        let person = try #require(try await store.person(mentor.personID))
        let account = try await store.account(email: person.email) ?? Account(email: person.email, personID: person.id, passwordHash: nil, isAdmin: false, createdAt: Date())
        try await store.save(account)
        try await TestAccounts.signIn(account, session: "mentor-\(mentor.id)", csrf: "csrf-mentor", in: store)
    }
}
