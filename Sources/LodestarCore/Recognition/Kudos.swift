import Foundation

/// A short message of thanks between two participants of one programme (M16), read by its
/// recipient — and on the programme's page once the recipient allows it.
public struct Kudos: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Kudos>

    public let id: ID
    public let programmeID: Programme.ID
    public let from: Person.ID
    public let to: Person.ID
    public let message: String
    public let sentAt: Date
    /// Set by the recipient: shown on the programme's page.
    public var shown: Bool

    /// The longest message, in characters.
    public static let longest = 280
    /// How many a person sends in a day at most: thanks, not a flood.
    public static let perDay = 20

    /// Creates kudos.
    public init(id: ID = ID(), programmeID: Programme.ID, from: Person.ID, to: Person.ID, message: String, sentAt: Date, shown: Bool = false) {
        self.id = id
        self.programmeID = programmeID
        self.from = from
        self.to = to
        self.message = message
        self.sentAt = sentAt
        self.shown = shown
    }
}

/// Kudos with the names and programme they are read with.
public struct KudosLine: Sendable {
    public let kudos: Kudos
    public let fromName: String
    public let toName: String
    public let programme: String
}

/// A success story a pair (or group) tells together (M16): written by one of them, approved by
/// every one still in the relationship, then featured by a manager on the programme's page. Any
/// change of the text asks everyone again and takes it off the page.
public struct SuccessStory: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<SuccessStory>

    public let id: ID
    public let relationshipID: Relationship.ID
    public let programmeID: Programme.ID
    public var version: Int
    public var title: String
    public var text: String
    public var writtenBy: Person.ID
    public var writtenAt: Date
    /// Who approved this version, and when.
    public var approvals: [Person.ID: Date]
    public var featuredAt: Date?

    /// Creates a story.
    public init(id: ID = ID(), relationshipID: Relationship.ID, programmeID: Programme.ID, version: Int = 1, title: String, text: String,
                writtenBy: Person.ID, writtenAt: Date, approvals: [Person.ID: Date] = [:], featuredAt: Date? = nil) {
        self.id = id
        self.relationshipID = relationshipID
        self.programmeID = programmeID
        self.version = version
        self.title = title
        self.text = text
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
        self.approvals = approvals
        self.featuredAt = featuredAt
    }

    /// True when everyone still in the relationship approved this version.
    public func isApproved(in relationship: Relationship) -> Bool {
        relationship.currentParticipants.allSatisfy { approvals[$0] != nil }
    }

    /// The problems of a story's title and text, each named.
    public static func issues(title: String, text: String) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines), text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { issues.append(FieldIssue(field: "title", message: "is empty; give the story a title")) }
        if title.count > 200 { issues.append(FieldIssue(field: "title", message: "is \(title.count) characters; keep it within 200")) }
        if text.isEmpty { issues.append(FieldIssue(field: "text", message: "is empty; tell what changed through the mentoring")) }
        if text.count > 4_000 { issues.append(FieldIssue(field: "text", message: "is \(text.count) characters; keep it within 4,000")) }
        return issues
    }
}

/// A story with the people who tell it, as the programme's page shows it.
public struct StoryLine: Sendable {
    public let story: SuccessStory
    /// The names of the relationship's people, as "Ann and Ben".
    public let tellers: String
}
