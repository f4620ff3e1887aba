import ArgumentParser
import Foundation
import LodestarCore

/// `lodestar match`: a dry run of whole-cohort matching on a stored cycle.
struct Match: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose an optimal matching for a cycle (a dry run), or publish it.",
        discussion: "Without --publish nothing is stored. With it, the same plan becomes the cycle's relationships in one transaction, the cycle becomes active and every participant gets a message; publishing again creates nothing.")
    @Option(help: "The cycle's id.") var cycle: String
    @Flag(help: "Print the whole plan as JSON.") var json = false
    @Flag(help: "Lift the worst match first, then the total.") var fairness = false
    @Option(help: "Seed that decides between equally good plans.") var seed: UInt64 = 1
    @Option(name: .customLong("lock"), help: "Keep a hand-made pair, MENTEE_ENROLMENT_ID:MENTOR_ENROLMENT_ID (repeatable); the rest is optimised around it.")
    var locks: [String] = []
    @Flag(help: "Publish the plan: create the relationships, make the cycle active, notify everyone.") var publish = false
    @Flag(help: "After the plan, what each hard rule costs it: the plan made again without each rule that excludes a pair.") var whatIf = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let cycleID = Cycle.ID(cycle) else { throw ValidationError("--cycle '\(cycle)' is not a cycle id") }
        let locked = try locks.map { text in
            guard let lock = MatchRequest.lock(parsing: text) else {
                throw ValidationError("--lock '\(text)' must be MENTEE_ENROLMENT_ID:MENTOR_ENROLMENT_ID (two enrolment ids)")
            }
            return lock
        }
        if publish {
            let outcome = try await reportingImportErrors(cycle) {
                try await withStore(database, creating: false) {
                    try await MatchingPublication(store: $0, principal: .commandLine).publish(cycleID, seed: seed, fairness: fairness, edits: PlanEdits(locked: locked), now: Date())
                }
            }
            print(outcome.created
                  ? "Published: \(outcome.relationships.count) relationships; the cycle is active; \(outcome.notices) messages are in the outbox."
                  : "Already published: the cycle has \(outcome.relationships.count) relationships; nothing was created.")
            return
        }
        let (request, plan) = try await reportingImportErrors(cycle) {
            try await withStore(database, creating: false) { try await CycleMatching(store: $0).planned(cycleID, seed: seed, fairness: fairness, edits: PlanEdits(locked: locked), now: Date()) }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
            return
        }
        print(MatchReport(plan: plan).text)
        if whatIf { print(MatchReport.ruleCosts(try RuleCosts.of(request, plan: plan))) }
    }
}

/// The plan as a person reads it at a terminal.
struct MatchReport {
    let plan: MatchPlan

    var text: String {
        let stats = plan.statistics
        var lines = [
            "Matched \(stats.matched) of \(stats.mentees) mentees (\(percent(stats.coverage))) with \(stats.mentors) mentors; "
                + "mean score \(format(stats.meanScore)), lowest \(format(stats.minimumScore)).",
            "Solver: \(plan.certificate.solver); " + (plan.certificate.optimal
                ? "proven optimal (dual certificate checked, gap \(plan.certificate.gap))."
                : "NOT proven optimal (gap \(plan.certificate.gap))."),
            "Admissible pairs: \(stats.admissiblePairs); excluded by rule: "
                + (stats.excludedPairs.isEmpty ? "none" : stats.excludedPairs.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")),
            "",
            "Proposals (mentee → mentor, score, the criteria that add most to it):",
        ]
        for proposal in plan.proposals {
            let strongest = proposal.score.strongestFirst.prefix(2).map(\.summary)
            lines.append("  \(proposal.menteeName) → \(proposal.mentorName)  \(format(proposal.score.total))\(proposal.locked ? "  [locked]" : "")  (\(strongest.joined(separator: ", ")))")
        }
        if !plan.unmatched.isEmpty {
            lines.append("")
            lines.append("Unmatched:")
            for unmatched in plan.unmatched { lines.append("  \(unmatched.menteeName): \(unmatched.explanation)") }
        }
        lines.append("")
        lines.append("Seed \(plan.seed); nothing was stored.")
        return lines.joined(separator: "\n")
    }

    /// Each rule's cost, a line per rule that excludes pairs.
    static func ruleCosts(_ costs: RuleCosts) -> String {
        let priority = costs.priority.map { "\n\($0.summary)" } ?? ""
        guard !costs.rules.isEmpty else { return "\nWhat each rule costs: no rule a programme can change excludes a pair." + priority }
        return (["", "What each rule costs (the plan made again without it):"] + costs.rules.map { line in
            let stats = line.statistics
            return "  \(line.rule.rawValue) (excludes \(line.excludedPairs) pairs): \(stats.matched) of \(stats.mentees) matched, mean score \(String(format: "%.1f", stats.meanScore))"
                + (line.reached.isEmpty ? "" : "; would reach \(line.reached.joined(separator: ", "))")
        }).joined(separator: "\n") + priority
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
