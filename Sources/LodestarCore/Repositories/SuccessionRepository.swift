import Foundation

/// The people flagged as high potentials, for succession planning (M18).
public protocol SuccessionRepository: Sendable {
    /// Every flagged person, by name, with who flagged them and whether they ever enrolled in a cycle.
    func highPotentials() async throws -> [HighPotential]
    /// Flags a person; a person flagged already keeps their first flag. True when the flag is new.
    func flag(_ person: Person.ID, _ flagged: Attribution) async throws -> Bool
    /// Removes a person's flag; true when there was one.
    func unflag(_ person: Person.ID) async throws -> Bool
    /// Every competency assessment of these mentees, in any cycle.
    func assessments(ofMentees mentees: Set<Person.ID>) async throws -> [CompetencyAssessment]
}
