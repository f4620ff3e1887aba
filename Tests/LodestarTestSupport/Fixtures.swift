import Foundation
import LodestarCore

/// Small, readable test data.
public enum Fixtures {
    /// A people CSV header with every column.
    public static let peopleHeader = "id,name,email,title,level,department,manager_id,location,timezone,languages,gender,ethnicity,age_band,disability"

    /// A valid five-person organisation: a chief, two heads, two reports; UTF-8 names and quoted fields.
    public static let smallOrganisation = """
        \(peopleHeader)
        P-1,Amara Okafor,amara@example.org,Chief Executive,15,Executive,,London,Europe/London,en,,,,
        P-2,Zoë Müller,zoe@example.org,"Head of Engineering, Platform",13,Engineering,P-1,Berlin,Europe/Berlin,de; en,woman,,40-49,
        P-3,José García,jose@example.org,Head of Sales,13,Sales,P-1,São Paulo,America/Sao_Paulo,pt; en,,,,
        P-4,Siobhán O'Brien,siobhan@example.org,"Engineer \"\"Platform\"\"",6,Engineering,P-2,London,Europe/London,en,,,,
        P-5,Wei Chen,wei@example.org,Account Executive,5,Sales,P-3,Singapore,Asia/Singapore,en; zh,,,,

        """

    /// Opens a programme with one cycle moved to `enrolling`.
    public static func enrollingCycle(_ store: any LodestarRepositories, format: MentoringFormat = .oneToOne) async throws -> (Programme, Cycle) {
        let office = ProgrammeOffice(store: store, principal: .commandLine)
        let programme = try await office.create(ProgrammeRecord(
            name: "Rising Leaders", objectives: "Grow first-line leaders", focusCompetencies: ["delegation", "communication"],
            format: format, durationWeeks: 26, cadence: .fortnightly))
        let cycle = try await office.startCycle(of: programme.id, name: "Spring cohort")
        try await answerReadiness(of: programme.id, store)
        return (programme, try await office.move(cycle.id, to: .enrolling))
    }

    /// Answers every question of a programme's readiness check with `level`, so its cycles may leave draft.
    public static func answerReadiness(of programme: Programme.ID, _ store: any LodestarRepositories, _ level: ReadinessLevel = .yes) async throws {
        _ = try await ReadinessReview(store: store, principal: .commandLine)
            .answer(ReadinessQuestion.all.map { .init(question: $0.id, level: level.rawValue) }, for: programme, now: Date())
    }

    /// The API's body answering every question of the readiness check "yes".
    public static let readinessAllYes = #"{"answers":["# + ReadinessQuestion.all.map { #"{"question":"\#($0.id)","answer":"yes"}"# }.joined(separator: ",") + "]}"

    /// The small organisation imported and a one-to-one cycle enrolling, its programme allowing
    /// mentors up to `maximumLevelGap` levels above their mentees (the fixture's leaders are 8
    /// levels above its staff).
    public static func smallOrganisationCycle(_ store: any LodestarRepositories, maximumLevelGap: Int) async throws -> (Programme, Cycle) {
        _ = try await PeopleDirectory(store: store, principal: .commandLine).importCSV(smallOrganisation, now: Date())
        let (programme, cycle) = try await enrollingCycle(store)
        var settings = MatchingSettings.defaults(for: .oneToOne)
        settings.maximumLevelGap = maximumLevelGap
        return (try await use(settings, for: programme, in: store), cycle)
    }

    /// Gives a programme its own matching settings, keeping everything else.
    @discardableResult
    public static func use(_ settings: MatchingSettings, for programme: Programme, in store: any LodestarRepositories) async throws -> Programme {
        try await ProgrammeOffice(store: store, principal: .commandLine).update(programme.id, with: ProgrammeRecord(
            name: programme.name, objectives: programme.objectives, focusCompetencies: programme.focusCompetencies,
            format: programme.format, durationWeeks: programme.durationWeeks, cadence: programme.cadence, matching: settings))
    }
}

extension Relationship {
    /// A pair's mentee (its first member), for tests of pairs.
    public var mentee: Enrolment.ID { members[0].enrolment }
    /// A pair's mentee as a person.
    public var menteePerson: Person.ID { members[0].person }
}
