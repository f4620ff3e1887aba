import Foundation

/// Milestones awarded, and what badges are read from.
public protocol RecognitionRepository: Sendable {
    /// The milestones of any of these relationships.
    func milestones(ofAny relationships: [Relationship.ID]) async throws -> [Milestone]
    /// A person's milestones, newest first.
    func milestones(of person: Person.ID) async throws -> [Milestone]
    /// Records a milestone unless it was awarded already: true for the one caller that records it.
    func claim(_ milestone: Milestone) async throws -> Bool
}
