import Foundation

/// An item of the organisation's library (PRODUCT.md M12): a handbook, guide, article, video
/// link or template, tagged by the competencies it serves and the roles it is written for.
/// Its text is kept in Lodestar, or it links to where it lives.
public struct Resource: Sendable, Equatable, Identifiable {
    public typealias ID = Identifier<Resource>

    public var id: ID
    public var title: String
    public var kind: ResourceKind
    /// A sentence saying what it is for, shown in the library.
    public var summary: String
    /// The text itself (paragraphs separated by blank lines), or "" for a link.
    public var body: String
    /// Where it lives outside Lodestar (an article, a video, a template file), if anywhere.
    public var link: String?
    public var competencies: [String]
    public var audience: [ResourceAudience]
    public var added: Attribution

    /// Creates a resource.
    public init(id: ID = ID(), title: String, kind: ResourceKind, summary: String, body: String = "", link: String? = nil,
                competencies: [String] = [], audience: [ResourceAudience], added: Attribution) {
        self.id = id
        self.title = title
        self.kind = kind
        self.summary = summary
        self.body = body
        self.link = link
        self.competencies = competencies
        self.audience = audience
        self.added = added
    }
}

/// What a resource is.
public enum ResourceKind: String, Sendable, Codable, CaseIterable, Choice {
    case handbook, guide, article, video, template
}

/// Who a resource is written for.
public enum ResourceAudience: String, Sendable, Codable, CaseIterable, Choice {
    case mentor, mentee, manager
}

/// A resource as a form or the API sends it, checked before it is kept.
public struct ResourceRecord: Sendable, Equatable {
    public var title: String
    public var kind: String
    public var summary: String
    public var body: String
    public var link: String
    public var competencies: [String]
    public var audience: [String]

    /// Creates a record.
    public init(title: String, kind: String, summary: String, body: String = "", link: String = "", competencies: [String] = [], audience: [String]) {
        self.title = title
        self.kind = kind
        self.summary = summary
        self.body = body
        self.link = link
        self.competencies = competencies
        self.audience = audience
    }

    /// The longest text kept.
    public static let bodyLimit = 100_000

    /// The resource, or every problem by field.
    func resource(known competencies: Set<String>, added: Attribution) throws(ValidationError) -> Resource {
        var issues: [FieldIssue] = []
        let title = title.trimmingCharacters(in: .whitespaces), summary = summary.trimmingCharacters(in: .whitespaces)
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines), link = link.trimmingCharacters(in: .whitespaces)
        if title.isEmpty { issues.append(FieldIssue(field: "title", message: "is empty; name the resource")) }
        if summary.isEmpty { issues.append(FieldIssue(field: "summary", message: "is empty; say in a sentence what it is for")) }
        issues += SingleLineText.issues([("title", title), ("summary", summary), ("link", link)])
        let kind = ResourceKind(rawValue: kind)
        if kind == nil { issues.append(FieldIssue(field: "kind", message: ChoiceRefused(self.kind, allowed: ResourceKind.allCases.map(\.rawValue)).message)) }
        if body.isEmpty && link.isEmpty { issues.append(FieldIssue(field: "body", message: "give the text, or a link to where it lives")) }
        if body.count > Self.bodyLimit { issues.append(FieldIssue(field: "body", message: "is \(body.count) characters; keep it under \(Self.bodyLimit)")) }
        if !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) || URL(string: link)?.host == nil {
            issues.append(FieldIssue(field: "link", message: "'\(link)' is not a web address (https://…)"))
        }
        for slug in self.competencies where !competencies.contains(slug) {
            issues.append(FieldIssue(field: "competencies", message: "'\(slug)' is not in the competency catalogue"))
        }
        var audience: [ResourceAudience] = []
        for word in self.audience {
            guard let role = ResourceAudience(rawValue: word) else {
                issues.append(FieldIssue(field: "audience", message: ChoiceRefused(word, allowed: ResourceAudience.allCases.map(\.rawValue)).message))
                continue
            }
            if !audience.contains(role) { audience.append(role) }
        }
        if self.audience.isEmpty { issues.append(FieldIssue(field: "audience", message: "choose who it is for: mentor, mentee or manager")) }
        guard issues.isEmpty, let kind else { throw ValidationError(issues) }
        return Resource(title: title, kind: kind, summary: summary, body: body, link: link.isEmpty ? nil : link,
                        competencies: Array(Set(self.competencies)).sorted(), audience: audience, added: added)
    }
}
