import ArgumentParser
import Foundation
import LodestarCore

/// `lodestar bench-match`: times the whole matching policy on a generated demo-style cohort.
struct BenchMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-match",
        abstract: "Time scoring, hard rules and the optimal solve on a generated cohort (release builds only make sense).")
    @Option(help: "Mentees in the cohort.") var mentees: Int = 10_000
    @Option(help: "Mentors in the cohort.") var mentors: Int = 2_000
    @Option(name: .customLong("repeat"), help: "Runs; the best time counts.") var runs: Int = 3
    @Flag(help: "Also time what each hard rule costs the plan (the plan made again without each rule that excludes a pair).") var whatIf = false

    func validate() throws {
        guard mentees > 0, mentors > 0, runs > 0 else { throw ValidationError("--mentees, --mentors and --repeat must be above 0") }
    }

    func run() throws {
        let cohort = DemoOrganisation.cohort(mentees: mentees, mentors: mentors)
        let request = MatchRequest(cycle: cohort.cycle, format: .oneToOne, enrolments: cohort.enrolments, people: cohort.people, now: Date())
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var plan: MatchPlan?
        for _ in 0..<runs {
            let start = clock.now
            plan = try MatchPlanner.plan(request)
            best = min(best, clock.now - start)
        }
        guard let plan else { return }
        let stats = plan.statistics
        var line = #"{"mentees":\#(stats.mentees),"mentors":\#(stats.mentors),"admissible_pairs":\#(stats.admissiblePairs),"matched":\#(stats.matched),"objective":\#(plan.certificate.objective),"optimal":\#(plan.certificate.optimal),"plan_seconds":\#(Self.seconds(best))"#
        if whatIf {
            let start = clock.now
            let costs = try RuleCosts.of(request, plan: plan)
            line += #","rules_tried":\#(costs.rules.count),"what_if_seconds":\#(Self.seconds(clock.now - start))"#
        }
        print(line + "}")
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
