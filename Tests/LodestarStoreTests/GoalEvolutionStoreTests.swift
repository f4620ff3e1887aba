import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Goals evolve")
struct GoalEvolutionStoreTests {
    @Test("a goal is revised, dropped only with a note, reopened and achieved; each change a version whose history says what changed",
          arguments: TestDatabase.allCases)
    func evolve(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            let due = now.addingTimeInterval(30 * 86400)
            let goal = try await workspace.addGoal(relationship.id, title: "Chair the review", measure: "Review held", competency: nil, due: due, now: now)
            let later = due.addingTimeInterval(30 * 86400)
            let revised = try await RelationshipWorkspace(store: store, principal: mentor)
                .reviseGoal(relationship.id, goal: goal.id, title: "Chair two reviews", measure: "Both held", competency: "decision-making", due: later,
                            expecting: 1, now: now.addingTimeInterval(60))
            #expect(revised.version == 2 && revised.title == "Chair two reviews" && revised.competency == "decision-making" && revised.editedBy == relationship.mentorPerson)
            await #expect(throws: ChangedSinceRead.self, "a revision made on the first version is not written over the second") {
                try await workspace.reviseGoal(relationship.id, goal: goal.id, title: "x", measure: "y", competency: nil, due: due, expecting: 1, now: now)
            }
            do {
                _ = try await workspace.setGoalState(relationship.id, goal: goal.id, to: .dropped, note: "  ", now: now)
                Issue.record("dropped a goal without saying why")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.field) == ["note"])
            }
            let dropped = try await workspace.setGoalState(relationship.id, goal: goal.id, to: .dropped, note: "The launch moved to next year",
                                                           now: now.addingTimeInterval(120))
            #expect(dropped.state == .dropped && dropped.stateNote == "The launch moved to next year" && dropped.version == 3)
            await #expect(throws: ValidationError.self, "a dropped goal takes no progress until reopened") {
                try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 50, newAction: nil, now: now)
            }
            // Past its date, a dropped goal is not overdue: the pair's health does not suffer for it.
            let afterDue = later.addingTimeInterval(86400)
            #expect(try await RelationshipWorkspace(store: store, principal: manager).oversight(of: relationship, now: afterDue).overdueGoals == 0)
            _ = try await workspace.setGoalState(relationship.id, goal: goal.id, to: .open, note: "", now: now.addingTimeInterval(180))
            #expect(try await RelationshipWorkspace(store: store, principal: manager).oversight(of: relationship, now: afterDue).overdueGoals == 1)
            let achieved = try await workspace.setGoalState(relationship.id, goal: goal.id, to: .achieved, note: "Both reviews went well", now: now.addingTimeInterval(240))
            #expect(achieved.progress == 100 && achieved.version == 5)
            let milestones = try await store.milestones(of: relationship.menteePerson).map(\.kind)
            #expect(milestones.contains(.firstGoalAchieved), "marking a goal achieved is its first achievement")

            let history = try await RelationshipWorkspace(store: store, principal: mentor).goalHistory(relationship.id, goal: goal.id)
            #expect(history.map(\.version) == [1, 2, 3, 4, 5] && history.map(\.state) == [.open, .open, .dropped, .open, .achieved])
            let words = zip(history.dropFirst(), history).map { $0.changes(since: $1) }
            #expect(words[0] == ["the title (was “Chair the review”)", "the measure (was “Review held”)", "the competency (was none)",
                                 "the date (was \(due.formatted(date: .abbreviated, time: .omitted)))"])
            #expect(words[1] == ["marked dropped: The launch moved to next year"] && words[2] == ["reopened"])
            #expect(words[3] == ["progress 0 % → 100 %", "marked achieved: Both reviews went well"])
            #expect(try await store.goalVersions(of: relationship.id).map(\.state) == [.open, .open, .dropped, .open, .achieved], "stored as written")
            await #expect(throws: AccessDenied.self, "a manager does not read a goal's history") {
                try await RelationshipWorkspace(store: store, principal: manager).goalHistory(relationship.id, goal: goal.id)
            }
        }
    }

    @Test("a revision keeps the goal's date after its milestones, its fields checked", arguments: TestDatabase.allCases)
    func revisionChecked(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            let workspace = RelationshipWorkspace(store: store, principal: mentee)
            let due = now.addingTimeInterval(60 * 86400)
            let goal = try await workspace.addGoal(relationship.id, title: "Chair the review", measure: "Review held", competency: nil, due: due, now: now)
            _ = try await workspace.updateGoal(relationship.id, goal: goal.id, progress: 10, newAction: nil,
                                               newMilestone: ("Agenda agreed", now.addingTimeInterval(40 * 86400)), now: now)
            for (title, measure, competency, date, field) in [("Chair the review", "Review held", nil, now.addingTimeInterval(20 * 86400), "due"),
                                                               (" ", "Review held", nil, due, "title"),
                                                               (String(repeating: "x", count: 201), "Review held", nil, due, "title"),
                                                               ("Chair the review", "Review held", "telepathy", due, "competency")] as [(String, String, String?, Date, String)] {
                do {
                    _ = try await workspace.reviseGoal(relationship.id, goal: goal.id, title: title, measure: measure, competency: competency, due: date, now: now)
                    Issue.record("accepted a revision with a bad \(field)")
                } catch let error as ValidationError {
                    #expect(error.issues.map(\.field) == [field])
                }
            }
            #expect(try await store.goalVersions(of: relationship.id).count == 2, "no refused revision was written")
        }
    }

    @Test("the mentee's development goals are offered to start a goal, until an open goal builds them", arguments: TestDatabase.allCases)
    func fromProfile(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now, store)
            let wanted = try #require(mentee.enrolments.first).enrolment.profile.developmentGoals.sorted { $0.priority < $1.priority }.map(\.competency)
            try #require(!wanted.isEmpty, "the demo mentee names development goals")
            let asMentor = RelationshipWorkspace(store: store, principal: mentor)
            #expect(try await asMentor.open(relationship.id).developmentGoals == wanted, "the mentor sees the mentee's, by priority")
            let goal = try await RelationshipWorkspace(store: store, principal: mentee)
                .addGoal(relationship.id, title: "Grow", measure: "Feedback", competency: wanted[0], due: now.addingTimeInterval(86400), now: now)
            #expect(try await asMentor.open(relationship.id).developmentGoals == Array(wanted.dropFirst()))
            _ = try await asMentor.setGoalState(relationship.id, goal: goal.id, to: .dropped, note: "Not now", now: now)
            #expect(try await asMentor.open(relationship.id).developmentGoals == wanted, "a dropped goal leaves its competency to start again")
        }
    }
}
