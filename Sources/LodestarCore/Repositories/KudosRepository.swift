import Foundation

/// Kudos and success stories.
public protocol KudosRepository: Sendable {
    func save(_ kudos: Kudos) async throws
    func kudos(_ id: Kudos.ID) async throws -> Kudos?
    /// What a person received, newest first.
    func kudos(to person: Person.ID, limit: Int) async throws -> [Kudos]
    /// What the recipients allowed on a programme's page, newest first.
    func shownKudos(in programme: Programme.ID, limit: Int) async throws -> [Kudos]
    /// How many a person sent since `since`.
    func kudosCount(from person: Person.ID, since: Date) async throws -> Int
    func setShown(_ id: Kudos.ID, _ shown: Bool) async throws
    /// At most `limit` participants of any cycle of a programme whose name contains `name`
    /// (ignoring case), by name: whom kudos in it may go to.
    func participants(of programme: Programme.ID, named name: String, limit: Int) async throws -> [Person]

    /// Stores a story, the first or a new version of a relationship's.
    func save(_ story: SuccessStory) async throws
    func story(of relationship: Relationship.ID) async throws -> SuccessStory?
    func story(_ id: SuccessStory.ID) async throws -> SuccessStory?
    /// A programme's stories: featured ones only, or every one (for its managers), newest first.
    func stories(in programme: Programme.ID, featuredOnly: Bool) async throws -> [SuccessStory]
}
