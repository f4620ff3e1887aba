/// The rules a mentoring profile obeys, and the text forms of its lists used in CSV files.
public enum ProfileRules {
    /// Largest mentor capacity; a group mentor may take a whole group.
    public static let capacityRange = 1...20

    /// Problems with a profile for `role`, given the competency slugs that exist.
    public static func issues(in profile: MentoringProfile, role: EnrolmentRole, competencies: Set<String>) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for skill in profile.skills {
            if !competencies.contains(skill.competency) { issues.append(unknown(skill.competency, field: "skills", competencies)) }
            if !Skill.proficiencyRange.contains(skill.proficiency) {
                issues.append(.init(field: "skills", message: "proficiency \(skill.proficiency) for \(skill.competency) must be 1 to 5"))
            }
        }
        for goal in profile.developmentGoals {
            if !competencies.contains(goal.competency) { issues.append(unknown(goal.competency, field: "development_goals", competencies)) }
            if !DevelopmentGoal.priorityRange.contains(goal.priority) {
                issues.append(.init(field: "development_goals", message: "priority \(goal.priority) for \(goal.competency) must be 1 (most wanted) to 3"))
            }
        }
        for (field, slugs) in [("skills", profile.skills.map(\.competency)), ("development_goals", profile.developmentGoals.map(\.competency))] {
            for (index, slug) in slugs.enumerated() where slugs.firstIndex(of: slug) != index {
                issues.append(.init(field: field, message: "\(slug) is listed twice"))
            }
        }
        switch (role, profile.capacity) {
        case (.mentor, nil):
            issues.append(.init(field: "capacity", message: "is required for a mentor: how many mentees they can take (\(capacityRange.lowerBound)–\(capacityRange.upperBound))"))
        case (.mentor, let capacity?) where !capacityRange.contains(capacity):
            issues.append(.init(field: "capacity", message: "\(capacity) is out of range; use \(capacityRange.lowerBound) to \(capacityRange.upperBound)"))
        case (.mentee, _?):
            issues.append(.init(field: "capacity", message: "applies to mentors only; leave it empty for a mentee"))
        default: break
        }
        for slot in profile.availability.slots where !(0...1440).contains(slot.startMinute) || !(0...1440).contains(slot.endMinute) || slot.startMinute >= slot.endMinute {
            issues.append(.init(field: "availability", message: "a \(slot.day.rawValue) slot must start before it ends, within the day"))
        }
        return issues
    }

    private static func unknown(_ slug: String, field: String, _ competencies: Set<String>) -> FieldIssue {
        FieldIssue(field: field, message: "unknown competency '\(slug)'; known ones are \(competencies.sorted().joined(separator: ", "))")
    }

    /// Parses `slug:number; slug:number` lists such as skills (`communication:4`) and goals (`delegation:1`).
    static func ratedList(_ text: String, what: String) throws(FieldProblem) -> [(String, Int)] {
        var items: [(String, Int)] = []
        for part in ListField.split(text) {
            let pieces = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, let value = Int(pieces[1]) else {
                throw FieldProblem("'\(part)' should be competency:\(what), e.g. communication:\(what == "proficiency" ? 4 : 1)")
            }
            items.append((pieces[0].lowercased(), value))
        }
        return items
    }

    /// Parses one of an enum's raw values, or names the allowed ones.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, as: T.Type) throws(FieldProblem) -> T? where T.RawValue == String {
        guard !text.isEmpty else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            throw FieldProblem("'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

extension MentoringProfile {
    /// What a participant has still to fill in for matching to work well, in words for their home page.
    public func missing(for role: EnrolmentRole) -> [String] {
        var missing: [String] = []
        if role == .mentor && skills.isEmpty { missing.append("skills you can mentor in") }
        if role == .mentee && developmentGoals.isEmpty { missing.append("development goals") }
        if interests.isEmpty { missing.append("interests") }
        if communicationStyle == nil { missing.append("communication style") }
        if learningPreference == nil { missing.append("learning preference") }
        if availability.slots.isEmpty { missing.append("weekly availability") }
        if role == .mentor && capacity == nil { missing.append("how many mentees you can take") }
        return missing
    }
}
