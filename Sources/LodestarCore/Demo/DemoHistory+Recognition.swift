import Foundation

extension DemoHistory {
    /// The end-of-cycle survey, closed a week after the cycle's end, answered by most of the pilot.
    mutating func answerSurvey(_ template: SurveyTemplate, closing end: Date, _ random: inout SeededGenerator) {
        let survey = Survey(id: Survey.ID(random.uuid()), cycleID: cycle.id, templateID: template.id, anchor: .beforeEnd, days: 14, openDays: 21,
                            added: Attribution(by: "Lodestar demo", at: end.addingTimeInterval(-30 * 86400)))
        self.survey = survey
        let comments = ["More structure in the first month would help.", "Pair us with someone from another site.", "", "Keep the fortnightly rhythm."]
        for (index, enrolment) in enrolments.enumerated() where index % 7 != 6 {
            let answers: [SurveyAnswer] = template.questions.enumerated().map { position, question in
                switch question.kind {
                case .scale: .number(Int.random(in: 3...5, using: &random))
                case .nps: .number(Int.random(in: 6...10, using: &random))
                case .single: .number(Int.random(in: 0..<max(1, min(2, question.options.count)), using: &random))
                case .multiple: .choices([position % max(1, question.options.count)])
                case .text: comments[index % comments.count].isEmpty ? .none : .text(comments[index % comments.count])
                }
            }
            responses.append(SurveyResponse(surveyID: survey.id, personID: enrolment.personID, role: enrolment.role, answers: answers, named: index % 3 == 0,
                                            submittedAt: end.addingTimeInterval(Double(index % 5 - 8) * 86400)))
        }
    }

    /// Milestones from the record, certificates for those who met the conditions, kudos, and
    /// the first pair's story, approved by both and featured.
    mutating func recognise(_ programme: Programme, end: Date, _ random: inout SeededGenerator) {
        let answered = Set(responses.map(\.personID))
        let needed = Certificate.minimumMeetings(for: programme)
        let meetingsOf = Dictionary(grouping: meetings, by: \.relationshipID), goalsOf = Dictionary(grouping: goals, by: \.relationshipID)
        let agreementOf = Dictionary(agreements.map { ($0.relationshipID, $0) }, uniquingKeysWith: { first, _ in first })
        for relationship in relationships {
            let held = meetingsOf[relationship.id] ?? []
            let latest = Dictionary(grouping: goalsOf[relationship.id] ?? [], by: \.id).values.compactMap { $0.max { $0.version < $1.version } }
            let kinds = MilestoneKind.earned(by: relationship, agreement: agreementOf[relationship.id], meetings: held,
                                             goals: latest, cycleClosed: true)
            for person in relationship.currentParticipants {
                milestones += kinds.sorted { $0.rawValue < $1.rawValue }.map { Milestone(personID: person, relationshipID: relationship.id, kind: $0, awardedAt: end) }
                guard relationship.endedAt == nil, held.count >= needed, answered.contains(person) else { continue }
                certificates.append(Certificate(code: Certificate.newCode(using: &random), personID: person, cycleID: cycle.id,
                                                role: person == relationship.mentorPerson ? .mentor : .mentee, issuedAt: end.addingTimeInterval(3 * 86400)))
            }
        }
        let thanks = ["Thank you for every honest question — I lead differently now.", "You made the hard conversations feel possible.",
                      "Thanks for showing me how you plan a quarter.", "Grateful for your patience and your push."]
        for (index, relationship) in relationships.enumerated() where relationship.endedAt == nil && index % 2 == 0 {
            guard let mentee = relationship.members.first?.person else { continue }
            kudos.append(Kudos(id: Kudos.ID(random.uuid()), programmeID: programme.id, from: mentee, to: relationship.mentorPerson,
                               message: thanks[index / 2 % thanks.count], sentAt: end.addingTimeInterval(-Double(index % 60) * 86400), shown: index <= 4))
        }
        if let first = relationships.first, let mentee = first.members.first?.person {
            let written = end.addingTimeInterval(5 * 86400)
            story = SuccessStory(id: SuccessStory.ID(random.uuid()), relationshipID: first.id, programmeID: programme.id, title: "From expert to team lead in six months",
                                 text: """
                                 When we started, every decision in the team went through me. We agreed on one goal: hand the weekly planning to the team.
                                 Fortnight by fortnight we looked at what I still held on to and why. By week ten the team ran planning without me, and I had time for the strategy work I had put off for a year.
                                 What made the difference was a mentor who asked instead of told — and a written agreement we both took seriously.
                                 """, writtenBy: mentee, writtenAt: written,
                                 approvals: [mentee: written, first.mentorPerson: written.addingTimeInterval(86400)], featuredAt: written.addingTimeInterval(2 * 86400))
        }
    }
}
