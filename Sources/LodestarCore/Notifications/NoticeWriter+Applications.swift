import Foundation

extension NoticeWriter {
    /// To a person invited to apply to `place` as `role`, with the form's address and the day
    /// applications close.
    func invitedToApply(_ person: Person, as role: EnrolmentRole, to place: String, objectives: String, closes: Date?, form: SiteURL, signInFirst: Bool) -> Notice {
        let closing = closes.map { " Applications close on \(CycleDates.day($0))." } ?? ""
        let first = signInFirst ? "\nA separate message brings the link to choose your Lodestar password; open it first.\n" : ""
        return notice(to: person, "You are invited to apply as a \(role.rawValue) in \(place)", """
            You are invited to apply as a \(role.rawValue) in \(place): \(objectives)
            Applying takes a few minutes: the form is your mentoring profile — \(role == .mentor ? "what you can mentor in, how many mentees you can take and when you are free" : "what you want to develop and when you are free").\(closing)
            \(first)
            Apply here: \(link(form))

            """)
    }

    /// To an applicant, once the manager decided.
    func applicationDecided(_ person: Person, _ application: ProgrammeApplication, in place: String, form: SiteURL) -> Notice {
        let (subject, text): (String, String) = switch application.state {
        case .accepted: ("You are taking part in \(place)",
                         "Your application as a \(application.role.rawValue) in \(place) is accepted: you are enrolled. You will hear when you are matched.")
        case .waitlisted: ("Your application to \(place) is on the waiting list",
                           "Your application as a \(application.role.rawValue) in \(place) is on the waiting list: your programme manager will tell you if a place opens.")
        default: ("Your application to \(place)",
                  "Your application as a \(application.role.rawValue) in \(place) was not accepted this time. Thank you for applying; your programme manager can tell you more.")
        }
        return notice(to: person, subject, text + "\n\nYour application: \(link(form))\n\n")
    }
}
