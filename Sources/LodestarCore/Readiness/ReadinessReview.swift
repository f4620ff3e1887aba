import Foundation

/// Use cases of the readiness check (PRODUCT.md M2): a programme's managers and the admins
/// answer it and read its report and history; admins set the threshold every dimension must
/// reach before a cycle leaves draft.
public struct ReadinessReview: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// One answer as a form or a request gives it.
    public struct Entry: Sendable, Equatable {
        public let question: String
        public let level: String
        public let note: String

        public init(question: String, level: String, note: String = "") {
            self.question = question
            self.level = level
            self.note = note
        }
    }

    /// The longest note kept with an answer.
    public static let noteLimit = 2_000

    /// The programme's report: each question with its answer, the scores, the gaps.
    public func report(of programmeID: Programme.ID) async throws -> ReadinessReport {
        let programme = try await store.programme(programmeID, managedBy: principal, "seeing a programme's readiness")
        return try await Self.report(of: programme.id, store)
    }

    /// What the readiness page shows: the programme, its report, a page of its answers' history
    /// and the cycles opened below the threshold — access asked once.
    public struct Sheet: Sendable {
        public let programme: Programme
        public let report: ReadinessReport
        public let history: Page<ReadinessAnswer>
        public let overrides: [AdministrativeChange]
    }

    /// The readiness page of a programme.
    public func sheet(of programmeID: Programme.ID, history page: PageRequest = .first) async throws -> Sheet {
        let programme = try await store.programme(programmeID, managedBy: principal, "seeing a programme's readiness")
        return Sheet(programme: programme, report: try await Self.report(of: programme.id, store),
                     history: try await store.readinessHistory(of: programme.id, page: page),
                     overrides: try await store.changes(programme: programme.id, kinds: [.readinessOverridden], page: .first).items)
    }

    /// The report as the store holds it, for use cases that checked access already.
    static func report(of programme: Programme.ID, _ store: any ReadinessRepository) async throws -> ReadinessReport {
        ReadinessReport(programme: programme, answers: try await store.readinessAnswers(of: programme), threshold: try await threshold(store))
    }

    /// Records the answers that differ from the current ones, all or none; every entry is
    /// checked first and each problem named by its question. An entry without a level or a
    /// note leaves its question as it is.
    public func answer(_ entries: [Entry], for programmeID: Programme.ID, now: Date) async throws -> ReadinessReport {
        let programme = try await store.programme(programmeID, managedBy: principal, "answering a programme's readiness check")
        var issues: [FieldIssue] = []
        var answers: [ReadinessAnswer] = []
        let attribution = Attribution(principal, at: now)
        for entry in entries {
            guard ReadinessQuestion.named(entry.question) != nil else {
                issues.append(FieldIssue(field: "question", message: "'\(entry.question)' is not a question of the readiness check"))
                continue
            }
            let note = entry.note.trimmingCharacters(in: .whitespacesAndNewlines)
            // A form leaves a question it has no answer for without a level; a note alone is not an answer.
            if entry.level.isEmpty && note.isEmpty { continue }
            guard let level = ReadinessLevel(rawValue: entry.level) else {
                issues.append(FieldIssue(field: entry.question, message: entry.level.isEmpty
                    ? "choose yes, partly or no: a note alone is not an answer" : "answer yes, partly or no, not '\(entry.level)'"))
                continue
            }
            guard note.count <= Self.noteLimit else {
                issues.append(FieldIssue(field: "\(entry.question).note", message: "is \(note.count) characters; keep it to \(Self.noteLimit)"))
                continue
            }
            answers.append(ReadinessAnswer(programme: programme.id, question: entry.question, level: level, note: note, attribution: attribution))
        }
        let asked = Dictionary(grouping: entries, by: \.question).filter { $0.value.count > 1 }.keys.sorted()
        issues += asked.map { FieldIssue(field: $0, message: "is answered more than once; send one answer per question") }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return try await store.inTransaction { [answers] store in
            let current = Dictionary(uniqueKeysWithValues: try await store.readinessAnswers(of: programme.id).map { ($0.question, $0) })
            try await store.save(answers.filter { current[$0.question]?.level != $0.level || current[$0.question]?.note != $0.note })
            return try await Self.report(of: programme.id, store)
        }
    }

    /// Every answer given for the programme, newest first.
    public func history(of programmeID: Programme.ID, page: PageRequest = .first) async throws -> Page<ReadinessAnswer> {
        let programme = try await store.programme(programmeID, managedBy: principal, "seeing a programme's readiness")
        return try await store.readinessHistory(of: programme.id, page: page)
    }

    /// When cycles of the programme were opened below the threshold, why, by whom; newest first.
    public func overrides(of programmeID: Programme.ID, page: PageRequest = .first) async throws -> Page<AdministrativeChange> {
        let programme = try await store.programme(programmeID, managedBy: principal, "seeing a programme's readiness")
        return try await store.changes(programme: programme.id, kinds: [.readinessOverridden], page: page)
    }

    /// The organisation's threshold, for anyone who manages a programme.
    public func threshold() async throws -> ReadinessThreshold {
        try principal.requireManagement("seeing the readiness threshold")
        return try await Self.threshold(store)
    }

    /// Sets the organisation's threshold; the change is recorded with who and when.
    public func setThreshold(_ percent: Int, now: Date) async throws -> ReadinessThreshold {
        try principal.requireAdmin("setting the readiness threshold")
        let threshold = try ReadinessThreshold(percent: percent)
        try await store.inTransaction { [principal] store in
            let before = try await Self.threshold(store)
            guard before != threshold else { return }
            try await store.save(threshold)
            try await store.record(AdministrativeChange(.readinessThresholdChanged, programme: nil, subject: "\(before.percent) % → \(threshold.percent) %",
                                                        attribution: Attribution(principal, at: now)))
        }
        return threshold
    }

    /// The threshold as stored; the standard one while none is set, or when what is stored is not a percentage.
    static func threshold(_ store: any ReadinessRepository) async throws -> ReadinessThreshold {
        try await store.storedReadinessThreshold().flatMap(ReadinessThreshold.init(stored:)) ?? .standard
    }
}
