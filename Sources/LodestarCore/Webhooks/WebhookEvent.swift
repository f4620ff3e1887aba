import Foundation

/// Something that happened which integrations may be told of, as the JSON object each
/// subscribed endpoint receives. Events carry identifiers, counts and dates — never names,
/// reasons or note text — so a receiver learns what happened and reads the rest through the API
/// with its own rights.
public struct WebhookEvent: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<WebhookEvent>

    /// The kinds of event an endpoint subscribes to.
    public enum Kind: String, Sendable, CaseIterable, Codable, Comparable {
        case peopleImported = "people.imported"
        case matchingPublished = "matching.published"
        case relationshipStarted = "relationship.started"
        case relationshipEnded = "relationship.ended"
        case relationshipAtRisk = "relationship.at_risk"
        case meetingHeld = "meeting.held"

        /// What the event means, for the pages.
        public var meaning: String {
            switch self {
            case .peopleImported: "people were imported into the directory"
            case .matchingPublished: "a cycle's matching was published"
            case .relationshipStarted: "a mentoring relationship began"
            case .relationshipEnded: "a relationship ended"
            case .relationshipAtRisk: "a relationship was found at risk"
            case .meetingHeld: "a held meeting was logged"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    public let id: ID
    public let kind: Kind
    public let occurredAt: Date
    /// The JSON body every endpoint receives: `{"id", "type", "occurredAt", "data"}`.
    public let payload: String

    /// An event whose `data` is `data`, encoded once.
    init(kind: Kind, occurredAt: Date, data: some Encodable & Sendable) {
        let id = ID()
        self.id = id
        self.kind = kind
        self.occurredAt = occurredAt
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let envelope = Envelope(id: id, type: kind, occurredAt: occurredAt, data: data)
        // Encoding plain identifiers, numbers and dates cannot fail.
        payload = (try? encoder.encode(envelope)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private struct Envelope<Data: Encodable>: Encodable {
        let id: WebhookEvent.ID
        let type: Kind
        let occurredAt: Date
        let data: Data
    }
}

extension WebhookEvent {
    /// People were imported (from CSV or as JSON items), with what the import did.
    public static func peopleImported(_ summary: ImportSummary, at now: Date) -> WebhookEvent {
        WebhookEvent(kind: .peopleImported, occurredAt: now, data: summary)
    }

    /// A cycle's matching was published.
    public static func matchingPublished(_ cycle: Cycle, relationships: Int, unmatched: Int, at now: Date) -> WebhookEvent {
        struct Published: Encodable, Sendable {
            let programmeId: Programme.ID
            let cycleId: Cycle.ID
            let relationships: Int
            let unmatchedMentees: Int
        }
        return WebhookEvent(kind: .matchingPublished, occurredAt: now,
                            data: Published(programmeId: cycle.programmeID, cycleId: cycle.id, relationships: relationships, unmatchedMentees: unmatched))
    }

    /// A relationship began, ended or was found at risk.
    public static func relationship(_ kind: Kind, _ relationship: Relationship, at now: Date) -> WebhookEvent {
        struct Related: Encodable, Sendable {
            let relationshipId: Relationship.ID
            let cycleId: Cycle.ID
            let mentorPersonId: Person.ID
            let menteePersonIds: [Person.ID]
            let startedAt: Date
            let endedAt: Date?
        }
        return WebhookEvent(kind: kind, occurredAt: now,
                            data: Related(relationshipId: relationship.id, cycleId: relationship.cycleID, mentorPersonId: relationship.mentorPerson,
                                          menteePersonIds: relationship.currentMembers.map(\.person), startedAt: relationship.startedAt,
                                          endedAt: relationship.endedAt))
    }

    /// A meeting that was held was logged.
    public static func meetingHeld(_ meeting: HeldMeeting, in relationship: Relationship, at now: Date) -> WebhookEvent {
        struct Held: Encodable, Sendable {
            let relationshipId: Relationship.ID
            let cycleId: Cycle.ID
            let heldOn: Date
            let minutes: Int
            let mode: String
        }
        return WebhookEvent(kind: .meetingHeld, occurredAt: now,
                            data: Held(relationshipId: relationship.id, cycleId: relationship.cycleID, heldOn: meeting.heldOn,
                                       minutes: meeting.minutes, mode: meeting.mode.rawValue))
    }
}
