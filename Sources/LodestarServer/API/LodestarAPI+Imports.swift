import Foundation
import LodestarCore
import OpenAPIRuntime

/// `POST /api/v1/people/import` and `POST /api/v1/cycles/{id}/enrolments/import`: JSON arrays,
/// all-or-nothing, by the CSV imports' rules and with their messages, each naming its item.
extension LodestarAPI {
    func importPeople(_ input: Operations.ImportPeople.Input) async throws -> Operations.ImportPeople.Output {
        try APIRequest.principal().requireAdmin("importing people")
        let items = switch input.body { case .json(let json): try json.read() }
        let context = try APIRequest.current()
        let summary = try await ItemIssues.naming(Self.personFields) {
            try await context.peopleDirectory(store).importItems(items.map(\.record), now: context.now, dryRun: input.query.dryRun ?? false)
        }
        return .ok(.init(body: .json(summary)))
    }

    func importEnrolments(_ input: Operations.ImportEnrolments.Input) async throws -> Operations.ImportEnrolments.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        try APIRequest.principal().requireManager(of: try await store.cycleAndProgramme(cycleID).programme, "importing enrolments")
        let items = switch input.body { case .json(let json): try json.read() }
        let summary = try await ItemIssues.naming(Self.enrolmentFields) {
            try await APIRequest.current().programmeOffice(store).importEnrolments(
                items: items.map { EnrolmentCSV.Item(personExternalID: $0.personExternalId, role: $0.role, profile: $0.profile) }, into: cycleID,
                dryRun: input.query.dryRun ?? false)
        }
        return .ok(.init(body: .json(summary)))
    }

    func exportPeople(_ input: Operations.ExportPeople.Input) async throws -> Operations.ExportPeople.Output {
        let csv = try await APIRequest.current().peopleDirectory(store).exportCSV()
        return .ok(.init(headers: .init(contentDisposition: #"attachment; filename="people.csv""#), body: .csv(HTTPBody(csv))))
    }

    /// The people file's columns as the API's fields.
    static let personFields = ["id": "externalId", "timezone": "timeZone", "manager_id": "managerExternalId", "gender": "demographics.gender",
                               "ethnicity": "demographics.ethnicity", "age_band": "demographics.ageBand", "disability": "demographics.disability"]
    /// The enrolment file's columns as the API's fields; the profile's own are under `profile`.
    static let enrolmentFields = ["person_id": "personExternalId", "role": "role", "skills": "profile.skills",
                                  "development_goals": "profile.developmentGoals", "availability": "profile.availability",
                                  "capacity": "profile.capacity"]
}

/// An import's problems as the API names them: `[2].email` for the third item's email, and
/// "line N" in a message (another item, as the CSV import says it) as `[N]`.
enum ItemIssues {
    static func naming<T>(_ fields: [String: String], _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as CSVImportError {
            throw ValidationError(error.issues.map { issue in
                let field = issue.field.map { fields[$0] ?? $0 }.map { "[\(issue.line)].\($0)" } ?? "[\(issue.line)]"
                return FieldIssue(field: field, message: issue.message.replacing(/line (\d+)/) { "[\($0.1)]" })
            })
        }
    }
}

/// One enrolment of an import: the person by HR id, as in the enrolment CSV.
struct EnrolmentImportItem: Decodable, Sendable {
    let personExternalId: String
    let role: EnrolmentRole
    let profile: MentoringProfile
}
