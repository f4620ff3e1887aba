import Foundation

extension NoticeWriter {
    /// To a person a survey asks, when it opens (`reminder`: a few days before it closes, to
    /// those who have not answered).
    func surveyOpen(_ survey: SurveyTemplate, to person: Person, in place: String, closes: Date, form: SiteURL, reminder: Bool) -> Notice {
        let subject = reminder ? "Reminder: \(survey.title) closes on \(person.day(closes))" : "\(survey.title): your view of \(place)"
        return notice(to: person, subject, """
            \(reminder ? "You have not answered yet: " : "")\(survey.title) asks \(survey.questions.count) question\(survey.questions.count == 1 ? "" : "s") about \(place). It takes a few minutes and is open until \(person.moment(closes)).
            Your programme managers see only figures for groups of \(SmallGroups.minimum) or more, never your answers; a comment shows your name only if you say so.

            Answer here: \(link(form))

            """)
    }

    /// To a mentee's line manager, whom the mentee asks for their view of their growth.
    func growthRequest(to manager: Person, from mentee: Person, in place: String, competencies: [String], form: SiteURL) -> Notice {
        notice(to: manager, "\(mentee.name) asks for your view of their growth", """
            \(mentee.name) takes part in \(place) as a mentee and asks you, as their line manager, to rate where they stand on the programme's focus competencies (\(competencies.joined(separator: ", "))) — at the start of the cycle and again at its end. It takes two minutes; \(mentee.name) sees your ratings beside their own and their mentor's.

            Rate here: \(link(form))

            """)
    }

    /// To a person who reached a milestone.
    func milestone(_ kind: MilestoneKind, to person: Person, home: SiteURL) -> Notice {
        notice(to: person, "Milestone: \(kind.words)", """
            Congratulations — \(kind.reason). It is on your home page with your other milestones.

            \(link(home))

            """)
    }
}

extension NoticeWriter {
    /// To the recipient of kudos; the words stay on their home page, not in the mail.
    func kudos(to person: Person, from sender: Person, in programme: String, home: SiteURL) -> Notice {
        notice(to: person, "\(sender.name) sent you kudos", """
            \(sender.name) thanked you in \(programme). Read it on your home page, where you also choose whether it shows on the programme's page.

            \(link(home))

            """)
    }

    /// To the others of a relationship when one of them writes (or rewrites) its success story.
    func storyWritten(to person: Person, by writer: Person, title: String, workspace: SiteURL) -> Notice {
        notice(to: person, "Your success story: \(writer.name) asks for your approval", """
            \(writer.name) wrote the story of your mentoring, “\(title)”. Read it in your workspace and approve it if it tells it right; your programme managers can feature it on the programme's page once all of you approve.

            \(link(workspace))

            """)
    }
}
