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
}
