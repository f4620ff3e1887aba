/// A leadership competency that programmes focus on, mentors offer and mentees develop.
public struct Competency: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<Competency>

    public var id: ID
    /// Stable short key used in CSV files and the API, e.g. `strategic-thinking`.
    public var slug: String
    public var name: String
    public var summary: String

    /// Creates a competency.
    public init(id: ID = ID(), slug: String, name: String, summary: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.summary = summary
    }
}

extension Competency {
    /// The catalogue a new installation starts with; managers edit it afterwards.
    public static let leadershipCatalogue: [Competency] = [
        .init(slug: "strategic-thinking", name: "Strategic thinking", summary: "Sees the long view, sets direction and priorities."),
        .init(slug: "decision-making", name: "Decision-making", summary: "Decides well under uncertainty and owns the outcome."),
        .init(slug: "communication", name: "Communication", summary: "Listens, explains and persuades, one-to-one and to a room."),
        .init(slug: "delegation", name: "Delegation", summary: "Hands over work and authority, and lets others grow with it."),
        .init(slug: "coaching-others", name: "Coaching others", summary: "Develops people through questions, feedback and stretch."),
        .init(slug: "change-leadership", name: "Change leadership", summary: "Leads people through change and keeps them with you."),
        .init(slug: "emotional-intelligence", name: "Emotional intelligence", summary: "Reads and manages own and others' emotions."),
        .init(slug: "influencing", name: "Influencing", summary: "Gains support without authority, across the organisation."),
        .init(slug: "team-building", name: "Team building", summary: "Builds teams that trust each other and deliver."),
        .init(slug: "business-acumen", name: "Business acumen", summary: "Understands how the organisation makes and spends money."),
        .init(slug: "conflict-resolution", name: "Conflict resolution", summary: "Brings disagreement into the open and resolves it."),
        .init(slug: "innovation", name: "Innovation", summary: "Creates room for new ideas and acts on the good ones."),
        .init(slug: "digital-fluency", name: "Digital fluency", summary: "Understands technology and current trends well enough to lead with them."),
        .init(slug: "resilience", name: "Resilience", summary: "Keeps perspective and energy through setbacks."),
    ]
}
