import Foundation

/// The demo's HR outcomes file: when each of its people joined, who left and who was promoted
/// since the pilot began, and ratings — so outcome lift has a comparison on first start. The
/// pilot's mentees stay and are promoted somewhat more often than the rest, as a good programme's do.
enum DemoOutcomes {
    static func records(for people: [Person], pilotMentees: Set<Person.ID>, pilotStart: Date, now: Date,
                        _ random: inout SeededGenerator) -> [EmploymentOutcome] {
        let day: TimeInterval = 86_400
        let followed = max(1, Int(now.timeIntervalSince(pilotStart) / day) - 1)
        return people.map { person in
            let mentee = pilotMentees.contains(person.id)
            // Seniors have been longer with the organisation; tenure runs from a few months to twenty years.
            let years = Double.random(in: 0.4...4, using: &random) + Double(max(0, person.level - 8)) * Double.random(in: 0.5...1.5, using: &random)
            let hired = CalendarDay.noon(of: pilotStart.addingTimeInterval(-years * 365.25 * day))
            let left = Double.random(in: 0..<1, using: &random) < (mentee ? 0.04 : 0.14)
                ? CalendarDay.noon(of: pilotStart.addingTimeInterval(Double(Int.random(in: 1...followed, using: &random)) * day)) : nil
            let promoted = Double.random(in: 0..<1, using: &random) < (mentee ? 0.3 : 0.12)
                ? CalendarDay.noon(of: pilotStart.addingTimeInterval(Double(Int.random(in: 1...followed, using: &random)) * day)) : nil
            let rating = Double.random(in: 0..<1, using: &random) < 0.85 ? Int.random(in: 2...5, using: &random) : nil
            return EmploymentOutcome(personID: person.id, hiredOn: hired, leftOn: left, promotedOn: left.flatMap { l in promoted.map { min($0, l) } } ?? promoted,
                                     rating: rating)
        }
    }
}
