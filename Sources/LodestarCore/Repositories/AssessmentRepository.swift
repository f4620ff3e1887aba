import Foundation

/// Competency assessments: each rater's view of a mentee at the start and end of a cycle.
public protocol AssessmentRepository: Sendable {
    /// Every assessment of one mentee in a cycle, from every side.
    func assessments(of mentee: Person.ID, in cycle: Cycle.ID) async throws -> [CompetencyAssessment]
    /// A cycle's assessments from one side.
    func assessments(in cycle: Cycle.ID, perspective: AssessmentPerspective) async throws -> [CompetencyAssessment]
    /// Records an assessment; a rater's second one of a mentee at one moment replaces the first.
    func save(_ assessment: CompetencyAssessment) async throws
}
