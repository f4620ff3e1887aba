/// The demo programme's readiness check, as its manager answered it: ready, with two gaps
/// left to show what the check suggests.
enum DemoReadiness {
    static let answers: [(question: String, level: ReadinessLevel, note: String)] = [
        ("organisation.culture", .yes, "The leadership principles name developing others; the executive team mentors too."),
        ("organisation.sponsor", .yes, "The chief operating officer sponsors the programme and opens each cohort."),
        ("organisation.relationships", .partly, "Strong within departments, thin across them — the speed-mentoring kick-off is meant to help."),
        ("organisation.resources", .yes, "Two hours a month in working time for every participant; the L&D team runs the programme."),
        ("programme.goals", .yes, "Grow the next line of leaders in strategic thinking, coaching and change; measured at the end of the cycle."),
        ("programme.structure", .yes, "One-to-one, monthly meetings for six months, a signed agreement, the mentor handbook and mentee guide."),
        ("programme.matching", .yes, "Skills, goals and experience, weighted; no pair within a reporting line or across a declared conflict."),
        ("programme.duration", .yes, "Six months, closed by an evaluation and a celebration; mentors rotate in the next cycle."),
        ("participants.commitment", .yes, "Everyone applied; line managers agreed to the time."),
        ("participants.mentoring-skills", .partly, "Half of the mentors have mentored before; the others take the mentor training before matching."),
        ("development.outcomes", .yes, "Each mentee sets two or three goals on the focus competencies in the first month."),
        ("development.needs", .yes, "A mid-cycle review of goals; pairs that don't work are re-matched."),
    ]
}
