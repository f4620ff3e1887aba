import Foundation

/// A programme as a form or API body describes it, before validation.
public struct ProgrammeRecord: Sendable, Equatable {
    public var name: String
    public var objectives: String
    public var focusCompetencies: [String]
    public var format: MentoringFormat
    public var durationWeeks: Int
    public var cadence: MeetingCadence
    /// Matching settings; nil keeps the format's defaults.
    public var matching: MatchingSettings?

    /// Creates a record.
    public init(name: String, objectives: String = "", focusCompetencies: [String] = [], format: MentoringFormat,
                durationWeeks: Int, cadence: MeetingCadence, matching: MatchingSettings? = nil) {
        self.name = name
        self.objectives = objectives
        self.focusCompetencies = focusCompetencies
        self.format = format
        self.durationWeeks = durationWeeks
        self.cadence = cadence
        self.matching = matching
    }

    /// Longest programme, in weeks.
    public static let durationRange = 1...104

    func issues(competencies: Set<String>) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.init(field: "name", message: "is empty")) }
        issues += SingleLineText.issues([("name", name)])
        if !Self.durationRange.contains(durationWeeks) {
            issues.append(.init(field: "durationWeeks", message: "\(durationWeeks) is out of range; a programme runs 1 to 104 weeks"))
        }
        issues += matching?.issues ?? []
        for slug in focusCompetencies where !competencies.contains(slug) {
            issues.append(.init(field: "focusCompetencies", message: "unknown competency '\(slug)'; known ones are \(competencies.sorted().joined(separator: ", "))"))
        }
        return issues
    }
}

extension Programme {
    /// The programme a validated record describes, keeping `id` when it replaces a stored one.
    init(id: ID = ID(), _ record: ProgrammeRecord) {
        self.init(id: id, name: record.name, objectives: record.objectives, focusCompetencies: record.focusCompetencies,
                  format: record.format, durationWeeks: record.durationWeeks, cadence: record.cadence, matching: record.matching)
    }
}
