/// Mentoring profiles for the demo cycle: senior people mentor, rising leaders are mentees.
enum DemoProfiles {
    static let interests = ["running", "jazz", "chess", "cooking", "climbing", "photography", "volunteering",
                            "sailing", "gardening", "football", "history", "podcasts", "board games", "cycling"]
    static let careerGoals = ["Lead a larger team within two years", "Move from specialist to first-line manager",
                              "Prepare for a director role", "Lead a cross-border programme", "Build a function from scratch",
                              "Get better at leading through change"]
    static let competencies = Competency.leadershipCatalogue.map(\.slug)

    static func enrolments(of people: [Person], in cycle: Cycle, random: inout SeededGenerator) -> [Enrolment] {
        var enrolments: [Enrolment] = []
        for person in people {
            let role: EnrolmentRole
            switch person.level {
            case 9...13 where Double.random(in: 0..<1, using: &random) < 0.7: role = .mentor
            case 5...7 where Double.random(in: 0..<1, using: &random) < 0.45: role = .mentee
            default: continue
            }
            enrolments.append(enrolment(of: person, as: role, in: cycle.id, random: &random))
        }
        return enrolments
    }

    /// A demo-style enrolment: mentors offer 3–5 competencies, mentees want 3, with availability and styles.
    static func enrolment(of person: Person, as role: EnrolmentRole, in cycle: Cycle.ID, random: inout SeededGenerator) -> Enrolment {
        let profile = MentoringProfile(
            skills: role == .mentor ? Array(competencies.shuffled(using: &random).prefix(Int.random(in: 3...5, using: &random)))
                .map { Skill(competency: $0, proficiency: Int.random(in: 3...5, using: &random)) } : [],
            developmentGoals: role == .mentee ? Array(competencies.shuffled(using: &random).prefix(3)).enumerated()
                .map { DevelopmentGoal(competency: $1, priority: $0 + 1) } : [],
            interests: Array(interests.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))),
            communicationStyle: CommunicationStyle.allCases.randomElement(using: &random),
            learningPreference: LearningPreference.allCases.randomElement(using: &random),
            meetingMode: MeetingMode.allCases.randomElement(using: &random)!,
            availability: availability(&random),
            capacity: role == .mentor ? Int.random(in: 1...3, using: &random) : nil,
            careerGoals: role == .mentee ? careerGoals.randomElement(using: &random)! : ""
        )
        return Enrolment(id: Enrolment.ID(random.uuid()), cycleID: cycle, personID: person.id, role: role, profile: profile)
    }

    private static func availability(_ random: inout SeededGenerator) -> WeeklyAvailability {
        let days = Array(Weekday.allCases.prefix(5).shuffled(using: &random).prefix(Int.random(in: 2...3, using: &random)))
        return WeeklyAvailability(slots: days.sorted { $0.index < $1.index }.map { day in
            let start = Int.random(in: 8...16, using: &random) * 60
            return .init(day: day, startMinute: start, endMinute: start + Int.random(in: 1...2, using: &random) * 60)
        })
    }
}
