import Foundation

/// Goals evolve (M9; seed 001: "the needs of the mentee may evolve"): set, progressed, revised,
/// achieved or dropped with a note, reopened — each change a new version, the history kept.
extension RelationshipWorkspace {
    /// Sets a new goal.
    public func addGoal(_ id: Relationship.ID, title: String, measure: String, competency: String?, due: Date, now: Date) async throws -> Goal {
        let (_, me) = try await changing(id)
        try Self.check(title: title, measure: measure, competency: competency, progress: 0, competencies: try await competencySlugs())
        let goal = Goal(relationshipID: id, title: title.trimmingCharacters(in: .whitespaces), measure: measure.trimmingCharacters(in: .whitespaces),
                        competency: competency, due: due, editedBy: me, editedAt: now)
        try await store.save(goal)
        return goal
    }

    /// Records progress on a goal, optionally with a new action or milestone, and which actions
    /// are done and milestones reached (nil leaves them as they were); a new version, the old one kept.
    public func updateGoal(_ id: Relationship.ID, goal goalID: Goal.ID, progress: Int,
                           newAction: (text: String, owner: Person.ID?, due: Date)?, newMilestone: (title: String, due: Date)? = nil,
                           doneActions: Set<Int>? = nil, reachedMilestones: Set<Int>? = nil, expecting expected: Int? = nil, now: Date) async throws -> Goal {
        let competencies = try await competencySlugs()
        return try await changingGoal(id, goalID, expecting: expected, now: now) { goal, relationship, me in
            try Self.requireOpen(goal)
            try Self.check(title: goal.title, measure: goal.measure, competency: goal.competency, progress: progress, competencies: competencies)
            try Self.apply(to: &goal, progress: progress, newAction: newAction, newMilestone: newMilestone, doneActions: doneActions,
                           reachedMilestones: reachedMilestones, in: relationship, by: me, now: now)
        }
    }

    /// Rewrites what a goal is — title, measure, competency, date — as the needs evolve.
    public func reviseGoal(_ id: Relationship.ID, goal goalID: Goal.ID, title: String, measure: String, competency: String?, due: Date,
                           expecting expected: Int? = nil, now: Date) async throws -> Goal {
        let competencies = try await competencySlugs()
        return try await changingGoal(id, goalID, expecting: expected, now: now) { goal, _, _ in
            try Self.requireOpen(goal)
            try Self.check(title: title, measure: measure, competency: competency, progress: goal.progress, competencies: competencies)
            if let late = goal.milestones.first(where: { $0.due > due }) {
                throw ValidationError([FieldIssue(field: "due", message: "is before the milestone “\(late.title)”; move or reach it first")])
            }
            goal.title = title.trimmingCharacters(in: .whitespaces)
            goal.measure = measure.trimmingCharacters(in: .whitespaces)
            goal.competency = competency
            goal.due = due
        }
    }

    /// Marks a goal achieved or dropped with a note (a drop says why), or reopens it.
    public func setGoalState(_ id: Relationship.ID, goal goalID: Goal.ID, to state: GoalState, note: String,
                             expecting expected: Int? = nil, now: Date) async throws -> Goal {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 1_000 { throw ValidationError([FieldIssue(field: "note", message: "is \(note.count) characters; keep it within 1,000")]) }
        if state == .dropped, note.isEmpty {
            throw ValidationError([FieldIssue(field: "note", message: "is empty; say why the goal is dropped, so its history tells")])
        }
        return try await changingGoal(id, goalID, expecting: expected, now: now) { goal, _, _ in
            guard goal.state != state else {
                throw ValidationError([FieldIssue(field: "state", message: "the goal is \(state.rawValue) already")])
            }
            goal.state = state
            goal.stateNote = note
            if state == .achieved { goal.progress = 100 }
        }
    }

    /// Every version of one goal, oldest first (its people only).
    public func goalHistory(_ id: Relationship.ID, goal goalID: Goal.ID) async throws -> [Goal] {
        _ = try await participation(id)
        let versions = try await store.goalVersions(of: id).filter { $0.id == goalID }.sorted { $0.version < $1.version }
        guard !versions.isEmpty else { throw NotFound("goal", goalID) }
        return versions
    }

    /// The goal as it is now, changed by `change` into its next version in one transaction with
    /// the relationship held; milestones are awarded after.
    private func changingGoal(_ id: Relationship.ID, _ goalID: Goal.ID, expecting expected: Int?, now: Date,
                              _ change: @escaping @Sendable (inout Goal, Relationship, Person.ID) throws -> Void) async throws -> Goal {
        let (relationship, me) = try await changing(id)
        let goal = try await Self.changingVersions(of: id, in: store) { tx in
            guard var goal = Self.current(try await tx.goalVersions(of: id)).first(where: { $0.goal.id == goalID })?.goal else { throw NotFound("goal", goalID) }
            if let expected, expected != goal.version { throw ChangedSinceRead(what: "goal", version: goal.version) }
            try change(&goal, relationship, me)
            goal.version += 1
            goal.editedBy = me
            goal.editedAt = now
            try await tx.save(goal)
            return goal
        }
        try await celebrate(id, now: now)
        return goal
    }

    private static func requireOpen(_ goal: Goal) throws(ValidationError) {
        guard goal.state == .open else {
            throw ValidationError([FieldIssue(field: "state", message: "the goal is \(goal.state.rawValue); reopen it to change it")])
        }
    }

    /// One goal update's changes to the goal as it is now.
    private static func apply(to goal: inout Goal, progress: Int, newAction: (text: String, owner: Person.ID?, due: Date)?,
                              newMilestone: (title: String, due: Date)?, doneActions: Set<Int>?, reachedMilestones: Set<Int>?,
                              in relationship: Relationship, by me: Person.ID, now: Date) throws {
        if let newAction {
            let text = newAction.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw ValidationError([FieldIssue(field: "action", message: "is empty")]) }
            // The owner is the one recording it unless they name someone else still in the relationship.
            let owner = newAction.owner ?? me
            guard relationship.currentParticipants.contains(owner) else {
                throw ValidationError([FieldIssue(field: "owner", message: "is not one of the people in this relationship; choose one of them")])
            }
            goal.actions.append(Goal.Action(text: text, owner: owner, due: newAction.due))
        }
        if let doneActions { for index in goal.actions.indices { goal.actions[index].done = doneActions.contains(index) } }
        if let reachedMilestones {
            for index in goal.milestones.indices {
                goal.milestones[index].reachedOn = reachedMilestones.contains(index) ? goal.milestones[index].reachedOn ?? now : nil
            }
        }
        if let newMilestone {
            let title = newMilestone.title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { throw ValidationError([FieldIssue(field: "milestone", message: "is empty")]) }
            if newMilestone.due > goal.due {
                throw ValidationError([FieldIssue(field: "milestoneDue", message: "is after the goal's own date; a milestone comes on the way")])
            }
            goal.milestones.append(Goal.Milestone(title: title, due: newMilestone.due))
            goal.milestones.sort { $0.due < $1.due }
        }
        goal.progress = progress
    }

    private func competencySlugs() async throws -> Set<String> { Set(try await store.competencies().map(\.slug)) }

    private static func check(title: String, measure: String, competency: String?, progress: Int, competencies: Set<String>) throws {
        let issues = Goal.issues(title: title, measure: measure, competency: competency, progress: progress, competencies: competencies)
        guard issues.isEmpty else { throw ValidationError(issues) }
    }

    /// Each goal's latest version, open ones first then soonest due, with its versions oldest first.
    static func current(_ goalVersions: [Goal]) -> [(goal: Goal, history: [Goal])] {
        Dictionary(grouping: goalVersions, by: \.id).values.compactMap { all in
            let history = all.sorted { $0.version < $1.version }
            return history.last.map { ($0, history) }
        }
        .sorted { ($0.goal.state, $0.goal.due, $0.goal.title) < ($1.goal.state, $1.goal.due, $1.goal.title) }
    }

    /// The development goals of the relationship's current mentees — the principal's own when
    /// they are one — that no open goal builds yet, by priority.
    func developmentGoals(of relationship: Relationship, me: Person.ID, besides goals: [Goal]) async throws -> [String] {
        let covered = Set(goals.filter { $0.state == .open }.compactMap(\.competency))
        let mine = relationship.currentMembers.filter { $0.person == me }
        var seen = covered
        var slugs: [String] = []
        for member in mine.isEmpty ? relationship.currentMembers : mine {
            let wanted = try await store.enrolment(member.enrolment)?.profile.developmentGoals.sorted { $0.priority < $1.priority } ?? []
            for goal in wanted where seen.insert(goal.competency).inserted { slugs.append(goal.competency) }
        }
        return slugs
    }
}
