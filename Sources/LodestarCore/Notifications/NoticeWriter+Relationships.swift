import Foundation

extension NoticeWriter {
    /// To everyone a published plan (or a pair made by hand) matched, and to each mentee it
    /// could not; `place` names the programme and cycle.
    func matched(_ relationships: [Relationship], shape: RelationshipShape, unmatched: [MatchPlan.Unmatched], enrolments: [Enrolment.ID: Enrolment],
                 people: [Person.ID: Person], in place: String) -> [Notice] {
        func describe(_ person: Person) -> String { "\(person.name), \(person.title) in \(person.department) (\(person.timeZone))" }
        func list(_ them: [Person]) -> String { them.map { "\n- " + describe($0) }.joined() }
        func told(_ person: Person, _ subject: String, _ match: String) -> Notice {
            notice(to: person, "\(subject) in \(place)", """
                You have been matched in \(place). \(match)
                Sign in to Lodestar to agree how you will work together and to plan your first meeting.

                """)
        }
        var notices: [Notice] = []
        for relationship in relationships {
            guard let mentor = people[relationship.mentorPerson] else { continue }
            let members = relationship.members.compactMap { people[$0.person] }
            switch shape {
            case .pair:
                guard let mentee = members.first else { continue }
                notices.append(told(mentee, "Your mentor", "Your mentor is \(describe(mentor))."))
                notices.append(told(mentor, "Your mentee", "Your mentee is \(describe(mentee))."))
            case .group:
                notices.append(told(mentor, "Your mentoring group", "You mentor a group of \(members.count):\(list(members))\n"))
                for member in members {
                    notices.append(told(member, "Your mentoring group", "Your mentor is \(describe(mentor)); with you in the group:\(list(members.filter { $0.id != member.id }))\n"))
                }
            case .circle:
                for person in [mentor] + members {
                    let convener = person.id == mentor.id ? "You convene it." : "\(mentor.name) convenes it."
                    notices.append(told(person, "Your peer circle", "You are in a peer circle of \(members.count + 1); \(convener) With you:\(list(([mentor] + members).filter { $0.id != person.id }))\n"))
                }
            }
        }
        for entry in unmatched {
            guard let enrolment = enrolments[entry.mentee], let mentee = people[enrolment.personID] else { continue }
            notices.append(notice(to: mentee, "No mentor yet in \(place)", """
                This round of \(place) could not match you with a mentor: \(entry.explanation).
                Your programme manager knows and will be in touch about the next step.

                """))
        }
        return notices
    }

    /// To each person still in a relationship that ended early; `rematchable` when they may be
    /// matched again in the cycle (its mentees).
    func ended(to person: Person, with others: [Person], reason: String, rematchable: Bool) -> Notice {
        notice(to: person, "Your mentoring with \(others.names) has ended", """
            Your mentoring with \(others.names) ended on \(person.day(now)): \(reason)
            Your workspace stays open to read.\(rematchable ? "\nYour programme manager can match you again in this cycle.\n" : "")

            """)
    }

    /// To the others in a group one member left.
    func memberLeft(_ leaver: Person, to person: Person, reason: String) -> Notice {
        notice(to: person, "\(leaver.name) has left your mentoring group", """
            \(leaver.name) left your mentoring group on \(person.day(now)): \(reason)
            The group goes on without them.

            """)
    }

    /// To the member who left a group.
    func youLeft(_ leaver: Person, others: [Person]) -> Notice {
        notice(to: leaver, "You have left your mentoring group", """
            You left the mentoring group with \(others.names) on \(leaver.day(now)).
            Your workspace stays open to read. Your programme manager can match you again in this cycle.

            """)
    }

    // MARK: Mentee choice

    /// To the mentor a mentee asks, with the deadline in the mentor's zone.
    func mentorAsked(_ mentor: Person, by mentee: Person, until deadline: Date?) -> Notice {
        notice(to: mentor, "\(mentee.name) asks you to be their mentor", """
            \(mentee.name), \(mentee.title) in \(mentee.department), would like you as their mentor.
            Please accept or decline (with a reason) in Lodestar by \(deadline.map(mentor.moment) ?? "soon"); after that the request passes to their next choice.

            """)
    }

    /// To the mentee, the mentor's answer.
    func requestAnswered(_ mentee: Person, by mentor: Person, accepted: Bool, reason: String?) -> Notice {
        accepted
            ? notice(to: mentee, "\(mentor.name) is your mentor", """
                \(mentor.name) accepted your request. Sign in to Lodestar to agree how you will work together and to plan your first meeting.

                """)
            : notice(to: mentee, "\(mentor.name) declined your request", """
                \(mentor.name) cannot mentor you this time: \(reason ?? "").
                Your request passes to your next choice, if you made one.

                """)
    }

    /// To a mentee none of whose requests was accepted.
    func chooseAgain(_ mentee: Person) -> Notice {
        notice(to: mentee, "Choose again: none of your requests was accepted", """
            None of the mentors you asked could take you. Sign in to Lodestar to choose from your shortlist again;
            your programme manager can also pair you by hand.

            """)
    }
}
