import ArgumentParser
import LodestarCore

/// `lodestar demo`: the generated demo organisation.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the demo organisation (360 people by default, one programme enrolling) into an empty database, or write its people CSV.")
    @Option(help: "Seed; the same seed always gives the same organisation.") var seed: UInt64 = 2027
    @Option(help: "How many people the organisation has (60 or more).") var size: Int = 360
    @Option(name: .customLong("people-csv"), help: "Write the demo's people CSV to this file ('-' for standard output) instead of seeding.")
    var peopleCSV: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (60...1_000_000).contains(size) else { throw ValidationError("--size \(size) must be between 60 and 1000000") }
    }

    func run() async throws {
        if let peopleCSV {
            try write(PeopleCSV.export(DemoOrganisation(seed: seed, size: size).people), to: peopleCSV == "-" ? nil : peopleCSV)
            return
        }
        guard let demo = try await withStore(database, { try await DemoSeeder(store: $0).seedIfEmpty(seed: seed, size: size, history: true) }) else {
            throw ValidationError("the database already holds data; the demo goes only into an empty one")
        }
        let counts = Dictionary(grouping: demo.enrolments, by: \.role).mapValues(\.count)
        print("Demo seeded: \(demo.people.count) people, programme '\(demo.programme.name)', cycle '\(demo.cycle.name)' (\(demo.cycle.state.rawValue)) with \(counts[.mentor, default: 0]) mentors and \(counts[.mentee, default: 0]) mentees.")
        print("Cycle id: \(demo.cycle.id)")
    }
}
