import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("The relationship workspace")
struct WorkspaceStoreTests {
    /// The demo mentor and mentee as a pair, stored.
    static func pair(_ mentor: Principal, _ mentee: Principal, in demo: DemoOrganisation, since start: Date, _ store: FluentStore) async throws -> Relationship {
        let mentorEnrolment = try #require(mentor.enrolments.first).enrolment, menteeEnrolment = try #require(mentee.enrolments.first).enrolment
        let relationship = Relationship(cycleID: demo.cycle.id, mentor: mentorEnrolment.id, mentee: menteeEnrolment.id,
                                        mentorPerson: mentorEnrolment.personID, menteePerson: menteeEnrolment.personID, score: 70, startedAt: start)
        try await store.insert([relationship])
        return relationship
    }

    @Test("only the pair open their workspace; managers and admins see meetings and hours, never a note", arguments: TestDatabase.allCases)
    func privacy(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let relationship = try await Self.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-7 * 86400), store)
            let asMentee = RelationshipWorkspace(store: store, principal: mentee), asMentor = RelationshipWorkspace(store: store, principal: mentor)
            _ = try await asMentee.addNote(relationship.id, text: "only mine", shared: false, now: now)
            _ = try await asMentee.addNote(relationship.id, text: "for us both", shared: true, now: now)
            _ = try await asMentor.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-86400), minutes: 45, mode: .inPerson, now: now)
            await #expect(throws: ValidationError.self) {
                try await asMentor.logMeeting(relationship.id, heldOn: now, minutes: 0, mode: .virtual, now: now)
            }
            #expect(try await asMentor.open(relationship.id).notes.map(\.text) == ["for us both"])
            #expect(Set(try await asMentee.open(relationship.id).notes.map(\.text)) == ["only mine", "for us both"])
            for outsider in [manager, Principal.commandLine] {
                await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: outsider).open(relationship.id) }
                await #expect(throws: AccessDenied.self) {
                    try await RelationshipWorkspace(store: store, principal: outsider).addNote(relationship.id, text: "x", shared: true, now: now)
                }
            }
            let oversight = try await RelationshipWorkspace(store: store, principal: manager).oversight(of: relationship, now: now)
            #expect(oversight.meetings == 1 && oversight.minutes == 45 && !oversight.agreementSigned)
            let other = Account(email: "elsewhere@example.org", personID: nil, passwordHash: nil, isAdmin: false, createdAt: now)
            try await store.save(other)
            let stranger = try await Authentication(store: store, credentials: TestAccounts.credentials).principal(for: other)
            await #expect(throws: AccessDenied.self) { try await RelationshipWorkspace(store: store, principal: stranger).oversight(of: relationship, now: now) }
        }
    }

    @Test("goals: SMART fields checked, progress and actions as new versions, an overdue goal makes the pair need attention",
          arguments: TestDatabase.allCases)
    func goals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let relationship = try await Self.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-20 * 86400), store)
            let menteeEnrolment = try #require(mentee.enrolments.first).enrolment
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            do {
                _ = try await workspace.addGoal(relationship.id, title: " ", measure: "", competency: "telepathy", due: now, now: now)
                Issue.record("accepted an empty goal")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["title", "measure", "competency"])
            }
            let goal = try await workspace.addGoal(relationship.id, title: "Run the quarterly review", measure: "The board accepts it",
                                                   competency: "decision-making", due: now.addingTimeInterval(-86400), now: now)
            await #expect(throws: ValidationError.self) { try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 150, newAction: nil, now: now) }
            let updated = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 40,
                                                         newAction: (text: "Draft the agenda", owner: nil, due: now), now: now)
            #expect(updated.version == 2 && updated.actions.count == 1 && updated.actions[0].owner == menteeEnrolment.personID)
            let contents = try await RelationshipWorkspace(store: store, principal: mentor).open(relationship.id)
            #expect(contents.goals.count == 1 && contents.goals[0].history.count == 2 && contents.goals[0].goal.progress == 40)
            #expect(try await store.goalVersions(of: relationship.id).map(\.progress) == [0, 40], "the earlier version is kept")
            let oversight = try await RelationshipWorkspace(store: store, principal: manager).oversight(of: relationship, now: now)
            #expect(oversight.overdueGoals == 1)
            _ = try await workspace.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-3600), minutes: 30, mode: .virtual, now: now)
            #expect(RelationshipHealth.assess(relationship, lastMeeting: now, cadence: .monthly, overdueGoals: oversight.overdueGoals, now: now) == .needsAttention)
        }
    }
}

@Suite("Goal milestones and checklists")
struct GoalMilestoneStoreTests {
    @Test("milestones come before the goal's date, are reached and unreached by ticking; actions are ticked done; each a version",
          arguments: TestDatabase.allCases)
    func milestones(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            let due = now.addingTimeInterval(90 * 86400)
            let goal = try await workspace.addGoal(relationship.id, title: "Run the quarterly review", measure: "Review held", competency: nil, due: due, now: now)
            do {
                _ = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 10, newAction: nil,
                                                   newMilestone: ("Draft agenda", due.addingTimeInterval(86400)), now: now)
                Issue.record("accepted a milestone after the goal")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["milestoneDue"])
            }
            _ = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 10, newAction: ("Book the room", relationship.mentorPerson, now.addingTimeInterval(86400)),
                                               newMilestone: ("Agenda agreed", now.addingTimeInterval(30 * 86400)), now: now)
            _ = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 20, newAction: nil,
                                               newMilestone: ("Dry run", now.addingTimeInterval(60 * 86400)), now: now)
            let reachedAt = now.addingTimeInterval(3600)
            let ticked = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 40, newAction: nil,
                                                        doneActions: [0], reachedMilestones: [0], now: reachedAt)
            #expect(ticked.milestones.map(\.title) == ["Agenda agreed", "Dry run"])
            #expect(ticked.milestones.map(\.reachedOn) == [reachedAt, nil] && ticked.actions.map(\.done) == [true])
            let stored = try #require(try await RelationshipWorkspace(store: store, principal: mentor).open(relationship.id).goals.first)
            #expect(stored.goal.milestones == ticked.milestones && stored.history.count == 4, "kept through the database, every change a version")
            let unticked = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 40, newAction: nil,
                                                          doneActions: [], reachedMilestones: [], now: reachedAt.addingTimeInterval(60))
            #expect(unticked.milestones.allSatisfy { $0.reachedOn == nil } && unticked.actions.allSatisfy { !$0.done })
        }
    }
}
