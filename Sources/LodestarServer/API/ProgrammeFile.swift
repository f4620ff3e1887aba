import Foundation
import LodestarCore

/// A programme described in a JSON file, in the shape `POST /api/v1/programmes` takes, read by
/// the API's strict rules (an unknown field refused, a wrong one named) — for the command line.
public enum ProgrammeFile {
    /// The record the file describes, or what to fix in it.
    public static func record(_ data: Data) throws(ValidationError) -> ProgrammeRecord {
        do {
            return try JSONBody.decode(ProgrammeInput.self, from: data).record
        } catch let error as ValidationError {
            throw error
        } catch let error as APIError {
            let issues = error.body.issues.map { FieldIssue(field: $0.field, message: $0.message) }
            throw ValidationError(issues.isEmpty ? [FieldIssue(field: "file", message: error.body.error)] : issues)
        } catch {
            throw ValidationError([FieldIssue(field: "file", message: "\(error)")])
        }
    }
}
