import Foundation

/// Someone flagged as a high potential: who flagged them and when, and whether they ever took
/// part in a programme.
public struct HighPotential: Sendable, Equatable {
    public let person: Person
    public let flagged: Attribution
    public let inProgramme: Bool

    public init(person: Person, flagged: Attribution, inProgramme: Bool) {
        self.person = person
        self.flagged = flagged
        self.inProgramme = inProgramme
    }
}

/// How ready the high potentials are in each focus competency, from their latest assessments.
/// Only counts are shown, and a band of fewer than five — or one the others would give away — is
/// hidden, as survey results and growth are: a person's ratings stay theirs and their raters'.
public struct SuccessionPipeline: Sendable, Equatable {
    public enum Readiness: String, Sendable, CaseIterable {
        case readyNow = "ready now", readySoon = "ready soon", developing

        /// 4–5 ready now, 3 ready soon, 1–2 developing.
        init(rating: Int) { self = rating >= 4 ? .readyNow : rating == 3 ? .readySoon : .developing }
    }

    public struct Line: Sendable, Equatable {
        public let competency: Competency
        /// High potentials with a rating of it.
        public let assessed: Int
        /// Each band's count; nil where it is hidden.
        public let bands: [Readiness: Int?]
    }

    public let highPotentials: [HighPotential]
    public let lines: [Line]
    /// The flagged who never enrolled in a cycle of any programme.
    public var notInProgramme: [HighPotential] { highPotentials.filter { !$0.inProgramme } }

    init(_ highPotentials: [HighPotential], competencies: [Competency], assessments: [CompetencyAssessment]) {
        self.highPotentials = highPotentials
        let flagged = Set(highPotentials.map(\.person.id))
        // Each person's latest rating of each competency, from their own or their line manager's view.
        var latest: [String: [Person.ID: (rating: Int, at: Date)]] = [:]
        for assessment in assessments where flagged.contains(assessment.menteeID) && assessment.perspective != .mentor {
            for (slug, rating) in assessment.ratings where (1...5).contains(rating) {
                if let seen = latest[slug]?[assessment.menteeID], seen.at > assessment.givenAt { continue }
                latest[slug, default: [:]][assessment.menteeID] = (rating, assessment.givenAt)
            }
        }
        lines = competencies.map { competency in
            let ratings = latest[competency.slug]?.values.map(\.rating) ?? []
            let counts = Readiness.allCases.map { band in ratings.filter { Readiness(rating: $0) == band }.count }
            let hidden: Set<Int> = ratings.count < SmallGroups.minimum ? Set(counts.indices) : SmallGroups.hidden(counts)
            return Line(competency: competency, assessed: ratings.count,
                        bands: Dictionary(uniqueKeysWithValues: Readiness.allCases.enumerated().map { index, band in (band, hidden.contains(index) ? nil : counts[index]) }))
        }
    }
}

/// Succession planning (PRODUCT.md M18): admins and programme managers flag high potentials (who
/// and when kept, each change recorded), and read the pipeline by focus competency and who of the
/// flagged has not yet joined a programme. Nobody else reads or changes a flag.
public struct Succession: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// Flags `person`; flagging someone flagged already changes nothing. Returns their flag.
    public func flag(_ id: Person.ID, now: Date) async throws -> HighPotential {
        try principal.requireManagement("flagging high potentials")
        guard let person = try await store.person(id) else { throw NotFound("person", id) }
        let flagged = Attribution(principal, at: now)
        try await store.inTransaction { store in
            if try await store.flag(person.id, flagged) {
                try await store.record(AdministrativeChange(.highPotentialFlagged, programme: nil, subject: Self.subject(person), attribution: flagged))
            }
        }
        guard let stored = try await store.highPotentials().first(where: { $0.person.id == id }) else { throw NotFound("high potential", id) }
        return stored
    }

    /// Removes `person`'s flag, recording who did; false when they had none.
    @discardableResult
    public func unflag(_ id: Person.ID, now: Date) async throws -> Bool {
        try principal.requireManagement("removing high-potential flags")
        guard let person = try await store.person(id) else { throw NotFound("person", id) }
        return try await store.inTransaction { [principal] store in
            guard try await store.unflag(person.id) else { return false }
            try await store.record(AdministrativeChange(.highPotentialUnflagged, programme: nil, subject: Self.subject(person), attribution: Attribution(principal, at: now)))
            return true
        }
    }

    /// The flagged, the pipeline over the programmes' focus competencies, and who is in no programme.
    public func pipeline() async throws -> SuccessionPipeline {
        try principal.requireManagement("reading the succession pipeline")
        let highPotentials = try await store.highPotentials()
        let focus = Set(try await store.programmes(ids: nil).flatMap(\.focusCompetencies))
        let competencies = try await store.competencies().filter { focus.isEmpty || focus.contains($0.slug) }
        let assessments = highPotentials.isEmpty ? [] : try await store.assessments(ofMentees: Set(highPotentials.map(\.person.id)))
        return SuccessionPipeline(highPotentials, competencies: competencies, assessments: assessments)
    }

    /// The flags given and removed, newest first.
    public func history(page: PageRequest) async throws -> Page<AdministrativeChange> {
        try principal.requireManagement("reading the succession pipeline")
        return try await store.changes(programme: nil, kinds: [.highPotentialFlagged, .highPotentialUnflagged], page: page)
    }

    /// People of the directory whose name contains `name`, to flag (at most `limit`).
    public func candidates(named name: String, limit: Int = 20) async throws -> [Person] {
        try principal.requireManagement("flagging high potentials")
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [] }
        return try await store.people(matching: PeopleQuery(name: name), page: try PageRequest(limit: max(1, min(limit, PageRequest.maximumLimit)))).items
    }

    static func subject(_ person: Person) -> String { "\(person.name) (\(person.externalID))" }
}

extension SuccessionPipeline {
    /// The pipeline as a table: a line per competency; a hidden band's cell is empty.
    public static let csvHeader = ["competency", "name", "assessed", "ready_now", "ready_soon", "developing"]

    public var csvRows: [[String]] {
        lines.map { line in
            [line.competency.slug, line.competency.name, String(line.assessed)] + Readiness.allCases.map { (line.bands[$0] ?? nil).map(String.init) ?? "" }
        }
    }
}
