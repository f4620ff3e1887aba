import Foundation

/// A realistic, generated organisation with one programme whose first cycle is enrolling.
public struct DemoOrganisation: Sendable {
    public let people: [Person]
    public let programme: Programme
    public let cycle: Cycle
    public let enrolments: [Enrolment]

    /// Generates the organisation; the same seed always gives the same people, ids included.
    public init(seed: UInt64 = 2027, size: Int = 360) {
        var random = SeededGenerator(seed: seed)
        var builder = DemoPeopleBuilder(random: random)
        people = builder.organisation(size: max(size, 60))
        random = builder.random
        let programme = Programme(
            id: Programme.ID(random.uuid()), name: "Rising Leaders",
            objectives: "Prepare new and rising leaders for their next role: sharper strategic thinking, better decisions, confident communication and delegation.",
            focusCompetencies: ["strategic-thinking", "decision-making", "communication", "delegation"],
            format: .oneToOne, durationWeeks: 26, cadence: .fortnightly
        )
        self.programme = programme
        cycle = Cycle(id: Cycle.ID(random.uuid()), programmeID: programme.id, number: 1, name: "2027 cohort", state: .enrolling)
        enrolments = DemoProfiles.enrolments(of: people, in: cycle, random: &random)
    }
}

extension RandomNumberGenerator {
    /// A UUID drawn from this generator, so demo ids are reproducible.
    mutating func uuid() -> UUID {
        let a = next(), b = next()
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> ($0 * 8)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

extension DemoOrganisation {
    /// A large demo-style cohort for benchmarks: the `mentors` most senior people mentor and
    /// `mentees` of the rest are mentees, in an organisation just big enough to hold them.
    public static func cohort(mentees: Int, mentors: Int, seed: UInt64 = 2027) -> (people: [Person], enrolments: [Enrolment], cycle: Cycle.ID) {
        var random = SeededGenerator(seed: seed)
        var builder = DemoPeopleBuilder(random: random)
        let people = builder.organisation(size: max(60, (mentees + mentors) * 7 / 5))
        random = builder.random
        let bySeniority = people.sorted { ($0.level, $0.externalID) > ($1.level, $1.externalID) }
        let cycle = Cycle.ID(random.uuid())
        let enrolments = bySeniority.prefix(mentors).map { DemoProfiles.enrolment(of: $0, as: .mentor, in: cycle, random: &random) }
            + bySeniority.dropFirst(mentors).prefix(mentees).map { DemoProfiles.enrolment(of: $0, as: .mentee, in: cycle, random: &random) }
        return (people, enrolments, cycle)
    }
}
