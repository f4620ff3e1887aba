import Foundation

/// Builds both sides of a cohort with the indexes they share.
struct Cohort {
    static let quarterHoursPerWeek = 7 * 96
    let mentees: CohortSide
    let mentors: CohortSide

    /// `people` must hold every enrolled person; `managers` (each person's manager) the whole
    /// directory's reporting lines, or nil when `people` is the whole directory.
    init(enrolments: [Enrolment], people: [Person], managers: [Person.ID: Person.ID?]? = nil, now: Date) {
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
        // Each enrolment with its person; an enrolment whose person is gone takes no part.
        let active = enrolments.compactMap { enrolment in byID[enrolment.personID].map { (enrolment: enrolment, person: $0) } }
        var index = Indexer()
        for (enrolment, person) in active {
            for slug in enrolment.profile.skills.map(\.competency) + enrolment.profile.developmentGoals.map(\.competency) { _ = index.competencies.index(slug) }
            for interest in enrolment.profile.interests { _ = index.interests.index(interest.lowercased()) }
            for language in person.languages { _ = index.languages.index(language.lowercased()) }
        }
        let tree = ManagerTree(managers: managers ?? Dictionary(people.map { ($0.id, $0.managerID) }, uniquingKeysWith: { first, _ in first }))
        mentees = Self.side(active.filter { $0.enrolment.role == .mentee }, &index, tree, now)
        mentors = Self.side(active.filter { $0.enrolment.role == .mentor }, &index, tree, now)
    }

    private static func side(_ members: [(enrolment: Enrolment, person: Person)], _ index: inout Indexer, _ tree: ManagerTree, _ now: Date) -> CohortSide {
        let enrolments = members.map(\.enrolment), people = members.map(\.person)
        let competencies = index.competencies.count
        var interests = WordSets(count: enrolments.count, bits: index.interests.count)
        var languages = WordSets(count: enrolments.count, bits: index.languages.count)
        var availability = WordSets(count: enrolments.count, bits: quarterHoursPerWeek)
        var proficiency = [UInt8](repeating: 0, count: enrolments.count * competencies)
        var goalStart: [Int32] = [0], goalCompetency: [Int32] = [], goalWeight: [Double] = []
        for (i, enrolment) in enrolments.enumerated() {
            let profile = enrolment.profile
            for interest in profile.interests { interests.insert(index.interests.index(interest.lowercased()), for: i) }
            for language in people[i].languages { languages.insert(index.languages.index(language.lowercased()), for: i) }
            for bit in utcQuarterHours(profile.availability, timeZone: people[i].timeZone, now: now) { availability.insert(bit, for: i) }
            for skill in profile.skills { proficiency[index.competencies.index(skill.competency) * enrolments.count + i] = UInt8(clamping: skill.proficiency) }
            for goal in profile.developmentGoals {
                goalCompetency.append(Int32(index.competencies.index(goal.competency)))
                goalWeight.append(Double(4 - min(max(goal.priority, 1), 3)))
            }
            goalStart.append(Int32(goalCompetency.count))
        }
        let intervals = people.map { tree.interval(of: $0.id) }
        return CohortSide(
            enrolments: enrolments, people: people,
            personIndex: people.map { Int32(index.people.index($0.id.description)) },
            level: people.map { Int32(clamping: $0.level) },
            department: people.map { Int32(index.departments.index($0.department)) },
            location: people.map { $0.location.isEmpty ? -1 : Int32(index.locations.index($0.location.lowercased())) },
            meetingMode: enrolments.map(\.profile.meetingMode),
            style: enrolments.map { $0.profile.communicationStyle.map { Int8(CommunicationStyle.allCases.firstIndex(of: $0)!) } ?? -1 },
            learning: enrolments.map { $0.profile.learningPreference.map { Int8(LearningPreference.allCases.firstIndex(of: $0)!) } ?? -1 },
            capacity: enrolments.map { Int32(clamping: min(max(0, $0.profile.capacity ?? 0), ProfileRules.capacityRange.upperBound)) },
            entry: intervals.map { Int32($0.0) }, exit: intervals.map { Int32($0.1) },
            interests: interests, languages: languages, availability: availability,
            proficiency: proficiency, competencyCount: competencies, goalStart: goalStart, goalCompetency: goalCompetency, goalWeight: goalWeight)
    }

    /// The weekly slots as quarter-hours of a UTC week, using the zone's offset at `now`.
    static func utcQuarterHours(_ availability: WeeklyAvailability, timeZone: String, now: Date) -> [Int] {
        let offsetMinutes = (TimeZone(identifier: timeZone)?.secondsFromGMT(for: now) ?? 0) / 60
        let week = 7 * 1440
        var bits: [Int] = []
        for slot in availability.slots {
            // Stored slots are checked on input; clamping keeps an older, unchecked one harmless.
            var minute = min(max(slot.startMinute, 0), 1440)
            let end = min(max(slot.endMinute, 0), 1440)
            while minute + 15 <= end {
                bits.append((((slot.day.index * 1440 + minute - offsetMinutes) % week + week) % week) / 15)
                minute += 15
            }
        }
        return bits
    }
}

/// Numbers for names, shared by both sides of a cohort.
private struct Indexer {
    struct Names {
        private var numbers: [String: Int] = [:]
        var count: Int { numbers.count }
        mutating func index(_ name: String) -> Int {
            if let number = numbers[name] { return number }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
    }
    var competencies = Names(), interests = Names(), languages = Names(), departments = Names(), locations = Names(), people = Names()
}

