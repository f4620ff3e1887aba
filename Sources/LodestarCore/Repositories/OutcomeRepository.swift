import Foundation

/// The HR outcomes imported for evaluating what programmes achieved.
public protocol OutcomeRepository: Sendable {
    /// Every person's id by their HR id, in one light query.
    func personIDsByExternalID() async throws -> [String: Person.ID]
    /// Replaces the records of the people in `outcomes` (others keep theirs) and notes who imported
    /// them; returns how many of them had a record before.
    func replace(_ outcomes: [EmploymentOutcome], imported: Attribution) async throws -> Int
    /// Everyone with a record, with their level and department, in one query.
    func workforce() async throws -> [WorkforceMember]
    /// How many people have a record, and the latest import.
    func outcomeImportRecord() async throws -> OutcomeImportRecord
}
