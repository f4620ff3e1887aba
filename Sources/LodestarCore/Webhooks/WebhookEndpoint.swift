import Foundation

/// An address an admin registered to be told of events: each event of a kind it subscribes to
/// is sent there once, signed with its secret.
public struct WebhookEndpoint: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<WebhookEndpoint>

    public var id: ID
    public var url: String
    public var events: Set<WebhookEvent.Kind>
    /// Signs every delivery (HMAC-SHA256); shown to the admin once, when set.
    public var secret: String
    public var description: String
    /// A paused endpoint is sent nothing; its events wait until it is resumed.
    public var active: Bool
    public var createdAt: Date

    /// Creates an endpoint record.
    public init(id: ID = ID(), url: String, events: Set<WebhookEvent.Kind>, secret: String, description: String, active: Bool = true, createdAt: Date) {
        self.id = id
        self.url = url
        self.events = events
        self.secret = secret
        self.description = description
        self.active = active
        self.createdAt = createdAt
    }

    /// The events in their documented order.
    public var orderedEvents: [WebhookEvent.Kind] { events.sorted() }
}

/// What an admin sends to register or change an endpoint; nil keeps what is stored.
public struct WebhookSettings: Sendable, Equatable {
    public var url: String?
    /// Event names as given ("relationship.started"); unknown ones are refused.
    public var events: [String]?
    public var description: String?
    public var active: Bool?
    /// A secret of the admin's own; nil on registering makes one.
    public var secret: String?

    /// Creates settings.
    public init(url: String? = nil, events: [String]? = nil, description: String? = nil, active: Bool? = nil, secret: String? = nil) {
        self.url = url
        self.events = events
        self.description = description
        self.active = active
        self.secret = secret
    }

    /// The problems with these settings, by field.
    func issues() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if let url { issues += Self.urlIssues(url) }
        if let events {
            if events.isEmpty { issues.append(FieldIssue(field: "events", message: "choose at least one event")) }
            for (index, name) in events.enumerated() where WebhookEvent.Kind(rawValue: name) == nil {
                issues.append(FieldIssue(field: "events[\(index)]", message: "'\(name)' is not an event; choose from \(WebhookEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let description {
            if description.count > 200 { issues.append(FieldIssue(field: "description", message: "is longer than 200 characters")) }
            if let issue = SingleLineText.issue(description, field: "description") { issues.append(issue) }
        }
        if let secret, secret.count < 24 || secret.count > 200 || !secret.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) {
            issues.append(FieldIssue(field: "secret", message: "give 24 to 200 printable characters without spaces (or leave it out and Lodestar makes one)"))
        }
        return issues
    }

    /// An endpoint is an absolute https address (http only on this machine, for trying out),
    /// without a user name or password in it.
    static func urlIssues(_ url: String) -> [FieldIssue] {
        let field = "url"
        guard url.count <= 2000, let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              let host = parts.host, !host.isEmpty else {
            return [FieldIssue(field: field, message: "'\(url.prefix(80))' is not an address such as https://hr.example.org/lodestar-events")]
        }
        if parts.user != nil || parts.password != nil {
            return [FieldIssue(field: field, message: "has a user name or password in it; the signature proves the sender, leave them out")]
        }
        let loopback = ["localhost", "127.0.0.1", "[::1]", "::1"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            return [FieldIssue(field: field, message: "use https (http only for localhost, to try a receiver out)")]
        }
        return []
    }
}
