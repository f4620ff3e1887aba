import Foundation

/// A CSV file uploaded in the browser, held until its uploader confirms it: nothing of it is
/// written to people or enrolments before then. Once confirmed it stays as the record of the
/// import (what it did, who, when), its text dropped.
public struct PendingImport: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<PendingImport>

    /// What the file imports: people into the directory, or enrolments into one cycle.
    public enum Target: Sendable, Equatable {
        case people
        case enrolments(into: Cycle.ID)

        /// The cycle an enrolment file goes into.
        public var cycle: Cycle.ID? { if case .enrolments(let cycle) = self { cycle } else { nil } }
        /// What a line of the file is: "person", "enrolment".
        public var line: String { cycle == nil ? "person" : "enrolment" }
    }

    public let id: ID
    public let target: Target
    public let fileName: String
    /// Only the uploader sees and confirms it.
    public let uploader: Account.ID
    public let uploaded: Attribution
    public let text: String
    /// Set once confirmed: what the import did, and when.
    public let result: ImportSummary?
    public let confirmedAt: Date?

    /// How long an unconfirmed upload is kept.
    public static let lifetime: TimeInterval = 24 * 3600
    /// The largest file taken.
    public static let maximumBytes = 16 << 20

    /// Creates an upload.
    public init(id: ID = ID(), target: Target, fileName: String, uploader: Account.ID, uploaded: Attribution,
                text: String, result: ImportSummary? = nil, confirmedAt: Date? = nil) {
        self.id = id
        self.target = target
        self.fileName = fileName
        self.uploader = uploader
        self.uploaded = uploaded
        self.text = text
        self.result = result
        self.confirmedAt = confirmedAt
    }

    /// True once its time to be confirmed has passed.
    public func hasExpired(at now: Date) -> Bool { confirmedAt == nil && now.timeIntervalSince(uploaded.at) > Self.lifetime }
}

/// What a pending import would do, line by line, or every problem that stops it.
public struct ImportPreview: Sendable {
    /// One person or enrolment the file creates or changes.
    public struct Entry: Sendable, Equatable {
        public let line: Int
        /// The HR id.
        public let key: String
        public let name: String
        /// For a change: the fields that change ("title", "level"); for enrolments, the role.
        public let detail: String
    }

    public let upload: PendingImport
    /// The cycle an enrolment file goes into.
    public let cycle: Cycle?
    /// What confirming would write (all zeros while there are problems).
    public let summary: ImportSummary
    /// The first entries of each list (`shown`), in file order; the summary has the totals.
    public let created: [Entry]
    public let updated: [Entry]
    /// Every problem, in file order: nothing is written while there is one.
    public let issues: [CSVIssue]

    /// How many entries of each list a preview carries.
    public static let shown = 200

    public var canConfirm: Bool { issues.isEmpty && upload.confirmedAt == nil && summary.created + summary.updated > 0 }
}
