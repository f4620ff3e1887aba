import Foundation
import LodestarCore

/// A programme's form as sent: each field read as typed, then made into a record with a
/// message per field that is not a value (numbers range-checked before any arithmetic); the
/// use case checks the rest, with the same messages as the API.
struct ProgrammeForm {
    var fields: [String: String]
    /// The ticked focus competencies.
    var competencies: [String]

    /// The form filled from a programme (to edit it, or to start a new one from it).
    init(_ programme: Programme?, name: String? = nil) {
        let settings = programme?.effectiveMatching ?? .defaults(for: .oneToOne)
        var fields: [String: String] = [
            "name": name ?? programme?.name ?? "", "objectives": programme?.objectives ?? "",
            "format": (programme?.format ?? .oneToOne).rawValue, "durationWeeks": String(programme?.durationWeeks ?? 26),
            "cadence": (programme?.cadence ?? .monthly).rawValue,
            "minimumLevelGap": String(settings.minimumLevelGap), "maximumLevelGap": String(settings.maximumLevelGap),
            "minimumWeeklyOverlap": String(settings.minimumWeeklyOverlap),
            "maximumRequests": String(settings.menteeChoice?.maximumRequests ?? 3), "responseDays": String(settings.menteeChoice?.responseDays ?? 7),
            "peerCircleSize": settings.peerCircleSize.map(String.init) ?? "",
            "priorityDimension": settings.menteePriority?.dimension.rawValue ?? "",
            "priorityGroups": settings.menteePriority?.groups.joined(separator: ", ") ?? "",
            "priorityPoints": String(settings.menteePriority?.points ?? 10),
        ]
        var chosen = programme?.matching
        chosen?.mentorTrainingFirst = nil
        if chosen == nil || chosen == .defaults(for: programme?.format ?? .oneToOne) { fields["defaults"] = "1" }
        if settings.rotation { fields["rotation"] = "1" }
        if settings.requiresMentorTraining { fields["mentorTrainingFirst"] = "1" }
        if settings.menteeChoice != nil { fields["menteeChoice"] = "1" }
        for criterion in MatchCriterion.allCases { fields["w-" + criterion.rawValue] = Self.number(settings.weights.values[criterion] ?? 0) }
        self.fields = fields
        competencies = programme?.focusCompetencies ?? []
    }

    /// The form as a browser sent it.
    init(sent form: [String: String], checkboxes: [String]) {
        fields = form
        competencies = checkboxes
    }

    /// The record, or every field that is not a value.
    func record() throws(ValidationError) -> ProgrammeRecord {
        var issues: [FieldIssue] = []
        func whole(_ name: String) -> Int {
            let text = (fields[name] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = WholeNumber.parse(text) else {
                issues.append(FieldIssue(field: name, message: "'\(text.prefix(20))' is not a whole number"))
                return 0
            }
            return value
        }
        func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) -> T? where T.RawValue == String {
            let text = fields[name] ?? ""
            guard let value = T(rawValue: text) else {
                issues.append(FieldIssue(field: name, message: "'\(text.prefix(20))' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            return value
        }
        let format = choice("format", MentoringFormat.self), cadence = choice("cadence", MeetingCadence.self)
        let duration = whole("durationWeeks")
        let trainingFirst = fields["mentorTrainingFirst"] != nil
        guard fields["defaults"] == nil else {
            guard issues.isEmpty, let format, let cadence else { throw ValidationError(issues) }
            // The format's defaults, with the training rule when it is asked for.
            var defaults = MatchingSettings.defaults(for: format)
            defaults.mentorTrainingFirst = true
            return record(format, cadence, duration, matching: trainingFirst ? defaults : nil)
        }
        let (weights, weightIssues) = MatchingPages.weightValues { fields[$0] }
        issues += weightIssues
        var settings = MatchingSettings(weights: MatchWeights(values: weights), minimumLevelGap: whole("minimumLevelGap"),
                                        maximumLevelGap: whole("maximumLevelGap"), minimumWeeklyOverlap: whole("minimumWeeklyOverlap"),
                                        rotation: fields["rotation"] != nil)
        if fields["menteeChoice"] != nil {
            settings.menteeChoice = .init(maximumRequests: whole("maximumRequests"), responseDays: whole("responseDays"))
        }
        if let size = fields["peerCircleSize"], !size.isEmpty { settings.peerCircleSize = whole("peerCircleSize") }
        if trainingFirst { settings.mentorTrainingFirst = true }
        if let dimension = fields["priorityDimension"], !dimension.isEmpty, let chosen = choice("priorityDimension", MenteePriority.Dimension.self) {
            let groups = (fields["priorityGroups"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            settings.menteePriority = MenteePriority(dimension: chosen, groups: groups, points: whole("priorityPoints"))
        }
        guard issues.isEmpty, let format, let cadence else { throw ValidationError(issues) }
        return record(format, cadence, duration, matching: settings)
    }

    private func record(_ format: MentoringFormat, _ cadence: MeetingCadence, _ duration: Int, matching: MatchingSettings?) -> ProgrammeRecord {
        ProgrammeRecord(name: (fields["name"] ?? "").trimmingCharacters(in: .whitespaces), objectives: fields["objectives"] ?? "",
                        focusCompetencies: competencies, format: format, durationWeeks: duration, cadence: cadence, matching: matching)
    }

    /// A weight as a person types it: 5, not 5.0.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
