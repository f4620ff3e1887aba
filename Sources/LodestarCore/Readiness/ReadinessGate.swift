import Foundation

/// A manager's reason to open a cycle although its programme's readiness check is below the
/// threshold; it is recorded with who and when.
public struct ReadinessOverride: Sendable, Equatable {
    public let reason: String
    public let at: Date

    /// The longest reason kept.
    public static let reasonLimit = 500

    /// An override, or nil when `reason` is empty (no override was asked for).
    public init?(reason: String?, at: Date) {
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { return nil }
        self.reason = trimmed
        self.at = at
    }
}

extension ProgrammeOffice {
    /// A cycle leaves draft only when every readiness dimension reaches the threshold, or with
    /// an override: returns the record of the override to keep with the move, nil when the
    /// programme is ready; refuses, naming the dimensions short of it, otherwise.
    func readinessGate(_ programme: Programme, leaving cycle: Cycle, override: ReadinessOverride?) async throws -> AdministrativeChange? {
        let report = try await ReadinessReview.report(of: programme.id, store)
        guard !report.isReady else { return nil }
        guard let override else {
            throw ValidationError([FieldIssue(field: "readinessOverride", message: """
                '\(programme.name)' is not ready to open \(cycle.name): \(report.shortfall) — below the threshold of \(report.threshold.percent) %. \
                Answer the readiness check, or give a reason to open the cycle anyway (it is recorded)
                """)])
        }
        guard override.reason.count <= ReadinessOverride.reasonLimit else {
            throw ValidationError([FieldIssue(field: "readinessOverride", message: "is \(override.reason.count) characters; keep the reason to \(ReadinessOverride.reasonLimit)")])
        }
        if let issue = SingleLineText.issue(override.reason, field: "readinessOverride") { throw ValidationError([issue]) }
        return AdministrativeChange(.readinessOverridden, programme: programme.id,
                                    subject: "\(cycle.name) at \(report.shortfall) (threshold \(report.threshold.percent) %): \(override.reason)",
                                    attribution: Attribution(principal, at: override.at))
    }
}
