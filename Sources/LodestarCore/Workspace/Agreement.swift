import Foundation

/// What a mentor and mentee (or a group, or a circle) agree at the start (M8): expectations, goals
/// and time frames, how often they meet, what stays confidential, and how it ends. Every edit is a
/// new version that everyone must sign again; earlier versions are kept.
public struct Agreement: Sendable, Equatable {
    public var relationshipID: Relationship.ID
    public var version: Int
    public var terms: Terms
    public var editedBy: Person.ID
    public var editedAt: Date
    /// Who signed this version, and when.
    public var signatures: [Person.ID: Date]

    /// The agreed text, field by field.
    public struct Terms: Sendable, Equatable, Codable {
        public var expectations: String
        public var goals: String
        public var timeFrame: String
        public var cadence: String
        public var confidentiality: String
        public var ending: String

        /// Creates terms.
        public init(expectations: String, goals: String, timeFrame: String, cadence: String, confidentiality: String, ending: String) {
            self.expectations = expectations
            self.goals = goals
            self.timeFrame = timeFrame
            self.cadence = cadence
            self.confidentiality = confidentiality
            self.ending = ending
        }

        /// The fields in form order, with their labels.
        public static let fields: [(key: String, label: String)] = [
            ("expectations", "What we expect of each other"), ("goals", "Goals"), ("timeFrame", "Time frame"),
            ("cadence", "How often we meet"), ("confidentiality", "What stays between us"), ("ending", "How it ends"),
        ]

        /// Reads terms from form fields; every field must say something.
        public static func parse(_ value: (String) -> String) throws(ValidationError) -> Terms {
            let text = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, value($0.key).trimmingCharacters(in: .whitespacesAndNewlines)) })
            let issues = fields.filter { text[$0.key]!.isEmpty }.map { FieldIssue(field: $0.key, message: "is empty; write what you agree") }
            guard issues.isEmpty else { throw ValidationError(issues) }
            return Terms(expectations: text["expectations"]!, goals: text["goals"]!, timeFrame: text["timeFrame"]!,
                         cadence: text["cadence"]!, confidentiality: text["confidentiality"]!, ending: text["ending"]!)
        }

        /// The terms as form fields.
        public var values: [String: String] {
            ["expectations": expectations, "goals": goals, "timeFrame": timeFrame, "cadence": cadence,
             "confidentiality": confidentiality, "ending": ending]
        }
    }

    /// Creates a version.
    public init(relationshipID: Relationship.ID, version: Int, terms: Terms, editedBy: Person.ID, editedAt: Date,
                signatures: [Person.ID: Date] = [:]) {
        self.relationshipID = relationshipID
        self.version = version
        self.terms = terms
        self.editedBy = editedBy
        self.editedAt = editedAt
        self.signatures = signatures
    }

    /// True once everyone still in the relationship has signed this version.
    public func isSigned(in relationship: Relationship) -> Bool {
        relationship.currentParticipants.allSatisfy { signatures[$0] != nil }
    }
}

/// A note in a relationship: private to its author, or shared with the others in it. No one else —
/// not the programme manager, not an organisation admin — ever reads its text.
public struct Note: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Note>

    public var id: ID
    public var relationshipID: Relationship.ID
    public var author: Person.ID
    public var shared: Bool
    public var text: String
    public var writtenAt: Date

    /// Creates a note.
    public init(id: ID = ID(), relationshipID: Relationship.ID, author: Person.ID, shared: Bool, text: String, writtenAt: Date) {
        self.id = id
        self.relationshipID = relationshipID
        self.author = author
        self.shared = shared
        self.text = text
        self.writtenAt = writtenAt
    }
}

/// A meeting that was held, with how long it lasted; mentoring hours add up from these.
public struct HeldMeeting: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<HeldMeeting>

    public var id: ID
    public var relationshipID: Relationship.ID
    public var heldOn: Date
    public var minutes: Int
    public var mode: MeetingMode
    public var loggedBy: Person.ID

    /// Creates a log entry.
    public init(id: ID = ID(), relationshipID: Relationship.ID, heldOn: Date, minutes: Int, mode: MeetingMode, loggedBy: Person.ID) {
        self.id = id
        self.relationshipID = relationshipID
        self.heldOn = heldOn
        self.minutes = minutes
        self.mode = mode
        self.loggedBy = loggedBy
    }
}
