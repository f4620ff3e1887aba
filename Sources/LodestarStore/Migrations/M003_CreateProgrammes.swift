import FluentKit

struct M003_CreateProgrammes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programmes")
            .id()
            .field("name", .string, .required)
            .field("objectives", .string, .required)
            .field("focus_competencies", .array(of: .string), .required)
            .field("format", .string, .required)
            .field("duration_weeks", .int, .required)
            .field("cadence", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programmes").delete()
    }
}
