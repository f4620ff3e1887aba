import Foundation

/// The demo programme's surveys: a mid-cycle check-in for mentors and mentees, scheduled two
/// weeks after the matching is published, and an end-of-cycle survey to schedule once the
/// cycle has an end date.
enum DemoSurveys {
    static func templates(for programme: Programme.ID, _ random: inout SeededGenerator, at now: Date) -> [SurveyTemplate] {
        let added = Attribution(by: "Lodestar demo", at: now)
        // The texts are the demo's own and read correctly: parsing them cannot fail.
        let checkIn = (try? SurveyQuestion.parse("""
            scale: How useful have your mentoring meetings been so far?
            single: How often have you met? | More often than agreed | As agreed | Less often than agreed
            multiple: What has helped most? | The agreement | Goals | Regular meetings | The training | The library
            text: What would make the next months more useful?
            """)) ?? []
        let end = (try? SurveyQuestion.parse("""
            scale: How much did mentoring help you towards your goals?
            scale: How well did your mentoring partner fit what you hoped for?
            single: Would you take part again? | Yes, in the same role | Yes, in the other role | No
            nps: How likely are you to recommend Rising Leaders to a colleague?
            text: What should the next cycle do differently?
            """)) ?? []
        return [
            SurveyTemplate(id: SurveyTemplate.ID(random.uuid()), programmeID: programme, title: "Mid-cycle check-in", moment: .midCycle,
                           audience: [.mentee, .mentor], questions: checkIn, added: added),
            SurveyTemplate(id: SurveyTemplate.ID(random.uuid()), programmeID: programme, title: "End-of-cycle survey", moment: .endOfCycle,
                           audience: [.mentee, .mentor], questions: end, added: added),
        ]
    }

    /// The check-in in the demo's cycle: two weeks after matching, open two weeks.
    static func schedule(_ templates: [SurveyTemplate], in cycle: Cycle.ID, _ random: inout SeededGenerator, at now: Date) -> [Survey] {
        templates.prefix(1).map { Survey(id: Survey.ID(random.uuid()), cycleID: cycle, templateID: $0.id, anchor: .afterMatching, days: 14, openDays: 14,
                                         added: Attribution(by: "Lodestar demo", at: now)) }
    }
}
