import Foundation

/// What the repeating job sends about surveys: to each person a survey asks, one message when it
/// opens and, in its last days, one reminder if they have not answered. Each is claimed in the
/// database in the transaction that writes it, so with several servers each goes out once.
struct SurveyAnnouncements: Sendable {
    let store: any LodestarRepositories
    let writer: NoticeWriter
    /// How long before a survey closes its reminder goes out.
    static let reminderLead: TimeInterval = 3 * 86_400

    /// Writes the messages due at `now`: how many announcements and reminders.
    func run(now: Date) async throws -> (opened: Int, reminded: Int) {
        var sent = (opened: 0, reminded: 0)
        let surveys = try await store.surveys(ofCyclesIn: [.active, .closed])
        guard !surveys.isEmpty else { return sent }
        let matchedAt = try await store.matchedAt(Set(surveys.map(\.cycleID)))
        for survey in surveys {
            guard let (cycle, programme) = try await store.cycleWithProgramme(survey.cycleID), programme.archivedAt == nil,
                  let window = survey.window(end: cycle.dates.end, matchedAt: matchedAt[cycle.id]), SurveyState(window, at: now) == .open,
                  let template = try await store.surveyTemplate(survey.templateID) else { continue }
            let asked = Set(try await store.allEnrolments(in: cycle.id).filter { template.audience.contains($0.role) }.map(\.personID))
            let reminding = window.end.timeIntervalSince(now) <= Self.reminderLead
            let answered = reminding ? Set(try await store.responses(to: survey.id).map(\.personID)) : []
            let about = writer.about(programme.id)
            let told = try await store.surveyNotices(of: survey.id, kind: "opened")
            var due: [(Set<Person.ID>, String)] = [(asked.subtracting(told), "opened")]
            // Reminded: those told before this run who have not answered since.
            if reminding { due.append((asked.intersection(told).subtracting(answered).subtracting(try await store.surveyNotices(of: survey.id, kind: "reminder")), "reminder")) }
            for (people, kind) in due where !people.isEmpty {
                for person in try await store.people(ids: people) {
                    let notice = about.surveyOpen(template, to: person, in: cycle.place(in: programme), closes: window.end,
                                                  form: .survey(.value(survey.id)), reminder: kind == "reminder")
                    let claimed = try await store.inTransaction { tx in
                        guard try await tx.claimSurveyNotice(of: survey.id, to: person.id, kind: kind, now: now) else { return false }
                        try await tx.save(notice)
                        return true
                    }
                    if claimed { kind == "reminder" ? (sent.reminded += 1) : (sent.opened += 1) }
                }
            }
        }
        return sent
    }
}
