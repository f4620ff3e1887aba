import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Programmes, cycles and enrolment, stored")
struct ProgrammeStoreTests {
    static let enrolmentHeader = "person_id,role,skills,development_goals,interests,communication_style,learning_preference,meeting_mode,availability,capacity,career_goals"
    static let enrolments = """
        \(enrolmentHeader)
        P-2,mentor,delegation:5; communication:4,,chess,direct,discussion,virtual,mon 09:00-11:00,2,
        P-3,mentor,strategic-thinking:5,,,,,either,,1,
        P-4,mentee,,delegation:1,chess,reflective,hands-on,either,tue 10:00-11:00,,Lead a team
        P-5,mentee,,communication:1; delegation:2,,,,in-person,,,
        """

    @Test("the competency catalogue is seeded and editable", arguments: TestDatabase.allCases)
    func competencies(database: TestDatabase) async throws {
        try await database.withStore { store in
            let all = try await store.competencies()
            #expect(all.count == Competency.leadershipCatalogue.count)
            var delegation = try #require(try await store.competency(slug: "delegation"))
            delegation.summary = "Gives work away well."
            try await store.save(delegation)
            #expect(try await store.competency(slug: "delegation")?.summary == "Gives work away well.")
            try await store.save(Competency(slug: "negotiation", name: "Negotiation", summary: "Reaches agreements."))
            #expect(try await store.competencies().count == all.count + 1)
        }
    }

    @Test("cycles move through their states and refuse illegal moves", arguments: TestDatabase.allCases)
    func cycleStates(database: TestDatabase) async throws {
        try await database.withStore { store in
            let office = ProgrammeOffice(store: store, principal: .commandLine)
            let (programme, cycle) = try await Fixtures.enrollingCycle(store)
            let error = await #expect(throws: CycleTransitionError.self) { try await office.move(cycle.id, to: .closed) }
            #expect(error?.description == "a cycle cannot move from enrolling to closed; allowed from enrolling: matching or draft")
            #expect(try await store.cycle(cycle.id)?.state == .enrolling)
            _ = try await office.move(cycle.id, to: .matching)
            #expect(try await store.cycle(cycle.id)?.state == .matching)
            let second = try await office.startCycle(of: programme.id, name: nil)
            #expect(second.number == 2 && second.name == "Cycle 2")
            #expect(try await store.cycles(of: programme.id).map(\.number) == [1, 2])
        }
    }

    @Test("refuses a programme with unknown competencies or a silly duration", arguments: TestDatabase.allCases)
    func programmeValidation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let error = await #expect(throws: ValidationError.self) {
                try await ProgrammeOffice(store: store, principal: .commandLine).create(ProgrammeRecord(
                    name: " ", focusCompetencies: ["juggling"], format: .group, durationWeeks: 0, cadence: .monthly))
            }
            #expect(error?.issues.map(\.field) == ["name", "durationWeeks", "focusCompetencies"])
            let stored = try await store.programmes(page: .everything)
            #expect(stored.total == 0)
        }
    }

    @Test("imports enrolments, counts them by role, and re-import changes nothing", arguments: TestDatabase.allCases)
    func importEnrolments(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let (_, cycle) = try await Fixtures.enrollingCycle(store)
            let office = ProgrammeOffice(store: store, principal: .commandLine)
            #expect(try await office.importEnrolments(Self.enrolments, into: cycle.id) == ImportSummary(created: 4, updated: 0, unchanged: 0))
            #expect(try await office.importEnrolments(Self.enrolments, into: cycle.id) == ImportSummary(created: 0, updated: 0, unchanged: 4))
            #expect(try await store.enrolmentCounts(in: cycle.id) == [.mentor: 2, .mentee: 2])
            // The overview counts the same in its one query, and lists a cycle nobody joined with none.
            let empty = try await office.startCycle(of: cycle.programmeID, name: "Empty")
            let overview = try await store.cyclesWithCounts(ofAny: [cycle.programmeID])
            #expect(overview.map(\.cycle.id) == [cycle.id, empty.id])
            #expect(overview.map(\.counts) == [[.mentor: 2, .mentee: 2], [:]])
            let mentors = try await store.enrolments(in: cycle.id, role: .mentor, page: .everything)
            #expect(mentors.total == 2)
            // The participants list: one join, mentees before mentors, paged, goals most wanted first.
            let first = try await store.participants(in: cycle.id, page: PageRequest(offset: 0, limit: 3))
            let rest = try await store.participants(in: cycle.id, page: PageRequest(offset: 3, limit: 3))
            #expect(first.total == 4 && first.items.count == 3 && rest.items.count == 1)
            let listed = first.items + rest.items
            #expect(listed.map(\.role) == [.mentee, .mentee, .mentor, .mentor])
            let byName = Dictionary(uniqueKeysWithValues: listed.map { ($0.name, $0) })
            #expect(byName["Wei Chen"]?.develops == ["communication", "delegation"])
            #expect(byName["Siobhán O'Brien"]?.title == "Engineer \"Platform\"")
            #expect(byName["Zoë Müller"]?.offers == ["delegation", "communication"] && byName["Zoë Müller"]?.capacity == 2)
            #expect(byName["José García"]?.department == "Sales" && byName["José García"]?.capacity == 1)
            let zoe = try #require(try await store.person(externalID: "P-2"))
            let profile = try #require(try await store.enrolments(of: zoe.id).first?.profile)
            #expect(profile.availability.text == "mon 09:00-11:00")
            #expect(profile.capacity == 2)
            let changed = Self.enrolments.replacingOccurrences(of: "mon 09:00-11:00,2", with: "mon 09:00-11:00,3")
            #expect(try await office.importEnrolments(changed, into: cycle.id) == ImportSummary(created: 0, updated: 1, unchanged: 3))
        }
    }

    @Test("refuses unknown people, duplicates, bad profiles and both roles outside peer programmes, all at once, writing nothing", arguments: TestDatabase.allCases)
    func refusesEnrolments(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let (_, cycle) = try await Fixtures.enrollingCycle(store)
            let bad = """
                \(Self.enrolmentHeader)
                P-2,mentor,delegation:5,,,,,,,2,
                P-2,mentee,,delegation:1,,,,,,,
                P-99,mentee,,delegation:1,,,,,,,
                P-4,mentee,,delegation:1,,,,,,,
                P-4,mentee,,communication:1,,,,,,,
                P-5,mentee,,delegation:9,,,,,,,
                """
            let error = await #expect(throws: CSVImportError.self) { try await ProgrammeOffice(store: store, principal: .commandLine).importEnrolments(bad, into: cycle.id) }
            #expect(error?.issues.map(\.description) == [
                "line 3, column 2 (role): P-2 is also a mentor on line 2; only peer programmes allow both roles",
                "line 4, column 1 (person_id): 'P-99' is not in the people directory; import people first",
                "line 6, column 1 (person_id): P-4 is already enrolled as mentee on line 5",
                "line 7, column 4 (development_goals): priority 9 for delegation must be 1 (most wanted) to 3",
            ])
            #expect(try await store.allEnrolments(in: cycle.id).isEmpty)
        }
    }

    @Test("a peer programme lets one person take both roles", arguments: TestDatabase.allCases)
    func peerBothRoles(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let (_, cycle) = try await Fixtures.enrollingCycle(store, format: .peer)
            let both = "\(Self.enrolmentHeader)\nP-2,mentor,delegation:5,,,,,,,1,\nP-2,mentee,,communication:1,,,,,,,\n"
            #expect(try await ProgrammeOffice(store: store, principal: .commandLine).importEnrolments(both, into: cycle.id).created == 2)
        }
    }

    @Test("enrolment closes once matching starts", arguments: TestDatabase.allCases)
    func enrolmentClosed(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let (_, cycle) = try await Fixtures.enrollingCycle(store)
            let office = ProgrammeOffice(store: store, principal: .commandLine)
            _ = try await office.move(cycle.id, to: .matching)
            let zoe = try #require(try await store.person(externalID: "P-2"))
            let error = await #expect(throws: ValidationError.self) {
                try await office.enrol(zoe.id, in: cycle.id, as: .mentor, profile: MentoringProfile(capacity: 1))
            }
            #expect(error?.issues.first?.message == "Spring cohort is matching; enrolments change only while a cycle is draft or enrolling")
        }
    }
}

@Suite("Programme matching settings, stored")
struct ProgrammeMatchingStoreTests {
    @Test("a programme keeps its own matching settings, and matching runs use them", arguments: TestDatabase.allCases)
    func storedSettings(database: TestDatabase) async throws {
        try await database.withStore { store in
            _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(Fixtures.smallOrganisation, now: Date())
            let office = ProgrammeOffice(store: store, principal: .commandLine)
            let (programme, cycle) = try await Fixtures.enrollingCycle(store)
            #expect(try await store.programme(programme.id)?.matching == nil)
            // Only reach across departments counts: P-4 (Engineering) must go to P-3 (Sales), not P-2 (Engineering),
            // although P-2 offers exactly what P-4 wants to develop.
            var settings = MatchingSettings.defaults(for: .oneToOne)
            settings.weights = MatchWeights(values: [.crossDepartment: 1])
            settings.maximumLevelGap = 10
            try await Fixtures.use(settings, for: programme, in: store)
            #expect(try await store.programme(programme.id)?.matching == settings)
            let enrolments = """
                person_id,role,skills,development_goals,capacity
                P-2,mentor,delegation:5,,1
                P-3,mentor,,,1
                P-4,mentee,,delegation:1,
                """
            _ = try await office.importEnrolments(enrolments, into: cycle.id)
            let plan = try await CycleMatching(store: store).plan(cycle.id, now: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(plan.proposals.map { "\($0.menteeName)→\($0.mentorName)" } == ["Siobhán O'Brien→José García"])
            let invalid = MatchingSettings(weights: MatchWeights(values: [.location: -1]), minimumLevelGap: 3, maximumLevelGap: 2,
                                           minimumWeeklyOverlap: 20_000, rotation: true)
            let error = await #expect(throws: ValidationError.self) { try await Fixtures.use(invalid, for: programme, in: store) }
            #expect(error?.issues.map(\.field) == ["matching.weights.location", "matching.weights", "matching.maximumLevelGap", "matching.minimumWeeklyOverlap"])
            #expect(try await store.programme(programme.id)?.matching == settings)
        }
    }
}

@Suite("Conflicts of interest, stored")
struct ConflictStoreTests {
    @Test("a declared conflict keeps two people apart in matching, and can be withdrawn", arguments: TestDatabase.allCases)
    func declaredConflict(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (_, cycle) = try await Fixtures.smallOrganisationCycle(store, maximumLevelGap: 10)
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).importEnrolments("""
                person_id,role,skills,development_goals,capacity
                P-3,mentor,delegation:5,,1
                P-5,mentee,,delegation:1,
                """, into: cycle.id)
            // P-3 manages P-5, so give P-5 a mentor outside the line: P-2.
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).importEnrolments("""
                person_id,role,skills,development_goals,capacity
                P-2,mentor,delegation:5,,1
                """, into: cycle.id)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await CycleMatching(store: store).plan(cycle.id, now: now).proposals.map(\.mentorName) == ["Zoë Müller"])
            let register = ConflictRegister(store: store, principal: .commandLine)
            let conflict = try await register.declare(between: "P-5", and: "P-2", reason: "former manager", now: now).conflict
            let plan = try await CycleMatching(store: store).plan(cycle.id, now: now)
            #expect(plan.proposals.isEmpty)
            #expect(plan.unmatched.first?.excludedBy[.declaredConflict] == 1)
            let duplicate = await #expect(throws: ValidationError.self) { try await register.declare(between: "P-2", and: "P-5", reason: "again", now: now) }
            #expect(duplicate?.issues.first?.message == "a conflict between P-2 and P-5 is already declared")
            let bad = await #expect(throws: ValidationError.self) { try await register.declare(between: "P-5", and: "P-99", reason: " ", now: now) }
            #expect(bad?.issues.map(\.field) == ["personB", "reason"])
            try await register.withdraw(conflict.id, now: now)
            #expect(try await store.conflicts().isEmpty)
            await #expect(throws: NotFound.self) { try await register.withdraw(conflict.id, now: now) }
        }
    }
}
