import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Applications (PRODUCT.md M3): invited people apply with their profile, the manager accepts,
/// waitlists or declines, people withdraw before matching — and only accepted applicants are enrolled.
@Suite("Applications to a cycle")
struct ApplicationsStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A second cycle of the demo programme, enrolling, and the use cases for the demo's manager.
    static func secondCycle(_ store: FluentStore) async throws -> (Applications, Cycle, manager: Principal, mentor: Principal, mentee: Principal, DemoOrganisation) {
        let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
        let office = ProgrammeOffice(store: store, principal: manager)
        let cycle = try await office.move(try await office.startCycle(of: demo.programme.id, name: "2028 cohort").id, to: .enrolling)
        return (applications(store, manager), cycle, manager, mentor, mentee, demo)
    }

    static func applications(_ store: FluentStore, _ principal: Principal) -> Applications {
        Applications(store: store, principal: principal, accounts: AccountLinks(store: store, credentials: TestAccounts.credentials, publicURL: "https://mentoring.example"))
    }

    static let mentorProfile = MentoringProfile(skills: [Skill(competency: "delegation", proficiency: 4)],
                                                availability: WeeklyAvailability(slots: [.init(day: .tue, startMinute: 540, endMinute: 600)]), capacity: 2)
    static let menteeProfile = MentoringProfile(developmentGoals: [DevelopmentGoal(competency: "delegation", priority: 1)],
                                                availability: WeeklyAvailability(slots: [.init(day: .tue, startMinute: 540, endMinute: 600)]))

    @Test("invite, apply, accept, waitlist, withdraw: only accepted applicants are enrolled, each step told and recorded", arguments: TestDatabase.allCases)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (asManager, cycle, _, mentor, mentee, demo) = try await Self.secondCycle(store)
            let mentorPerson = try #require(mentor.person), menteePerson = try #require(mentee.person)
            let enrolled = Set(demo.enrolments.map(\.personID))
            let newcomer = try #require(demo.people.first { !enrolled.contains($0.id) && $0.level < 5 })

            // A file with a bad line invites no one, and names the line and column.
            let bad = "person_id,email,role\n\(mentorPerson.externalID),,mentor\nE9999,,mentee\n,\(newcomer.email),boss\n"
            let refused = await #expect(throws: CSVImportError.self) { try await asManager.invite(file: bad, to: cycle.id, now: now) }
            #expect(refused?.issues.map { "\($0.line) \($0.field ?? "")" } == ["3 person_id", "4 role"])
            let before = try await store.notices(page: .everything).items
            #expect(try await store.applicationCounts(in: cycle.id).isEmpty)
            #expect(before.allSatisfy { !$0.subject.contains("invited to apply") })

            let file = "person_id,email,role\n\(mentorPerson.externalID),,mentor\n,\(newcomer.email.uppercased()),mentee\n\(menteePerson.externalID),,mentee\n"
            let summary = try await asManager.invite(file: file, to: cycle.id, now: now)
            #expect(summary.invited.count == 3 && summary.alreadyInvited.isEmpty)
            #expect(try await asManager.invite([.init(person: mentorPerson.email, role: "mentor")], to: cycle.id, now: now).alreadyInvited == [mentorPerson.name])
            let notices = try await store.notices(page: .everything).items
            let invitation = try #require(notices.first { $0.recipient == mentorPerson.email && $0.subject.contains("invited to apply as a mentor") })
            #expect(invitation.body.contains("https://mentoring.example/applications/") && invitation.programme == demo.programme.id)
            // The newcomer never signed in: their password link comes apart, about no programme.
            #expect(notices.contains { $0.recipient == newcomer.email.lowercased() && $0.subject == "You are invited to Lodestar" && $0.programme == nil })
            #expect(!notices.contains { $0.recipient == mentorPerson.email && $0.subject == "You are invited to Lodestar" })

            let mine = try await Self.applications(store, mentor).mine()
            let mentorApplication = try #require(mine.first { $0.cycle.id == cycle.id }).application
            let menteeApplication = try #require(try await Self.applications(store, mentee).mine().first { $0.cycle.id == cycle.id }).application
            let newcomerApplication = try #require(try await store.applications(in: cycle.id).first { $0.personID == newcomer.id })
            // Nobody else reads or sends it.
            await #expect(throws: NotFound.self) { try await Self.applications(store, mentee).page(mentorApplication.id) }
            await #expect(throws: AccessDenied.self) { try await asManager.apply(mentorApplication.id, profile: Self.mentorProfile, motivation: "", now: now) }

            // A mentor says when they are free; a mentee what they want to develop.
            var noTime = Self.mentorProfile
            noTime.availability = WeeklyAvailability()
            let incomplete = await #expect(throws: ValidationError.self) {
                try await Self.applications(store, mentor).apply(mentorApplication.id, profile: noTime, motivation: "", now: now)
            }
            #expect(incomplete?.issues.map(\.field) == ["availability"])
            // No decision before an application is sent.
            await #expect(throws: ValidationError.self) { try await asManager.decide(newcomerApplication.id, .accepted, now: now) }

            let applied = try await Self.applications(store, mentor).apply(mentorApplication.id, profile: Self.mentorProfile, motivation: "To give back", now: now)
            #expect(applied.state == .applied && applied.appliedAt == now)
            _ = try await Self.applications(store, mentee).apply(menteeApplication.id, profile: Self.menteeProfile, motivation: "", now: now)
            #expect(try await store.allEnrolments(in: cycle.id).isEmpty, "applying enrols no one")

            let accepted = try await asManager.decide(mentorApplication.id, .accepted, now: now)
            #expect(accepted.state == .accepted && accepted.decided?.at == now)
            _ = try await asManager.decide(menteeApplication.id, .waitlisted, now: now)
            var enrolments = try await store.allEnrolments(in: cycle.id)
            #expect(enrolments.map(\.personID) == [mentorPerson.id] && enrolments.first?.profile == Self.mentorProfile && enrolments.first?.role == .mentor)
            let told = try await store.notices(page: .everything).items.filter { $0.recipient == mentorPerson.email }.map(\.subject)
            #expect(told.contains("You are taking part in \(demo.programme.name) · 2028 cohort"))

            // Withdrawing an accepted application unenrols; applying again and a new acceptance enrols again.
            _ = try await Self.applications(store, mentor).withdraw(mentorApplication.id, now: now)
            #expect(try await store.allEnrolments(in: cycle.id).isEmpty)
            _ = try await Self.applications(store, mentor).apply(mentorApplication.id, profile: Self.mentorProfile, motivation: "", now: now)
            _ = try await asManager.decide(mentorApplication.id, .accepted, now: now)
            _ = try await asManager.decide(menteeApplication.id, .accepted, now: now)
            enrolments = try await store.allEnrolments(in: cycle.id)
            #expect(Set(enrolments.map(\.personID)) == [mentorPerson.id, menteePerson.id], "the newcomer never applied and is not enrolled")

            // The board counts and filters.
            let board = try await asManager.board(of: cycle.id, state: .accepted)
            #expect(board.counts == [.accepted: 2, .invited: 1] && board.applications.items.map(\.person.name).sorted() == [mentorPerson.name, menteePerson.name].sorted())

            // Once matching starts, nothing changes any more.
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).move(cycle.id, to: .matching)
            let late = await #expect(throws: ValidationError.self) { try await Self.applications(store, mentee).withdraw(menteeApplication.id, now: now) }
            #expect(late?.issues.first?.message.contains("withdrawn before matching") == true)
            await #expect(throws: ValidationError.self) { try await asManager.decide(menteeApplication.id, .declined, now: now) }
            await #expect(throws: ValidationError.self) { try await asManager.invite([.init(person: newcomer.externalID, role: "mentee")], to: cycle.id, now: now) }
            #expect(try await store.allEnrolments(in: cycle.id).count == 2)
        }
    }

    @Test("applications close at the end of their day; a draft cycle takes invitations but no applications; another programme's manager is refused",
          arguments: TestDatabase.allCases)
    func closingDay(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let office = ProgrammeOffice(store: store, principal: manager)
            let draft = try await office.startCycle(of: demo.programme.id, name: "2028 cohort")
            let mentorPerson = try #require(mentor.person)
            _ = try await Self.applications(store, manager).invite(people: [mentorPerson.id], as: .mentor, to: draft.id, now: now)
            let id = try #require(try await store.applications(in: draft.id).first { $0.personID == mentorPerson.id }).id
            let asMentor = Self.applications(store, mentor)
            let early = await #expect(throws: ValidationError.self) { try await asMentor.apply(id, profile: Self.mentorProfile, motivation: "", now: now) }
            #expect(early?.issues.first?.message.contains("takes no applications now (it is draft)") == true)

            let closes = Date(timeIntervalSince1970: 1_800_014_400)  // noon UTC of its day
            _ = try await office.setDates(of: draft.id, to: CycleDates(applicationsClose: closes))
            _ = try await office.move(draft.id, to: .enrolling)
            #expect(try await asMentor.apply(id, profile: Self.mentorProfile, motivation: "", now: closes.addingTimeInterval(11 * 3600)).state == .applied)
            let closed = await #expect(throws: ValidationError.self) {
                try await asMentor.apply(id, profile: Self.mentorProfile, motivation: "again", now: closes.addingTimeInterval(12 * 3600))
            }
            #expect(closed?.issues.first?.message.contains("applications closed on \(CycleDates.day(closes))") == true)

            let other = try await ProgrammeOffice(store: store, principal: .commandLine).create(ProgrammeRecord(
                name: "Women in Leadership", objectives: "Sponsorship", focusCompetencies: ["delegation"], format: .oneToOne, durationWeeks: 26, cadence: .monthly))
            let otherCycle = try await ProgrammeOffice(store: store, principal: .commandLine).startCycle(of: other.id, name: nil)
            await #expect(throws: AccessDenied.self) { try await Self.applications(store, manager).invite(people: [mentorPerson.id], as: .mentor, to: otherCycle.id, now: now) }
            await #expect(throws: AccessDenied.self) { try await Self.applications(store, manager).board(of: otherCycle.id) }
        }
    }

    @Test("one role per person outside peer programmes, and one line per invitation: each refused by its field or line", arguments: TestDatabase.allCases)
    func oneRole(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (asManager, cycle, _, mentor, _, _) = try await Self.secondCycle(store)
            let person = try #require(mentor.person)
            let twice = "person_id,role\n\(person.externalID),mentor\n\(person.externalID),mentor\n"
            let repeated = await #expect(throws: CSVImportError.self) { try await asManager.invite(file: twice, to: cycle.id, now: now) }
            #expect(repeated?.issues.map(\.line) == [3] && repeated?.issues.first?.message.contains("on an earlier line") == true)

            _ = try await asManager.invite(people: [person.id], as: .mentor, to: cycle.id, now: now)
            let otherRole = await #expect(throws: ValidationError.self) { try await asManager.invite(people: [person.id], as: .mentee, to: cycle.id, now: now) }
            #expect(otherRole?.issues.map(\.field) == ["role"])
            let unknown = await #expect(throws: ValidationError.self) { try await asManager.invite(people: [Person.ID()], as: .mentee, to: cycle.id, now: now) }
            #expect(unknown?.issues.first?.message.contains("is not in the people directory") == true)

            // Enrolled directly as a mentee meanwhile, they can't apply as a mentor in this one-to-one cycle.
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).enrol(person.id, in: cycle.id, as: .mentee, profile: Self.menteeProfile)
            let id = try #require(try await store.applications(in: cycle.id).first { $0.personID == person.id }).id
            let refused = await #expect(throws: ValidationError.self) {
                try await Self.applications(store, mentor).apply(id, profile: Self.mentorProfile, motivation: "", now: now)
            }
            #expect(refused?.issues.map(\.field) == ["role"] && refused?.issues.first?.message.contains("already a mentee in this cycle") == true)
            #expect(try await store.applications(in: cycle.id).first { $0.id == id }?.state == .invited, "nothing was kept")
        }
    }
}
