import FluentKit
import LodestarCore

/// Creates the competency catalogue and seeds it with the leadership competencies.
struct M002_CreateCompetencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("competencies")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .unique(on: "slug")
            .create()
        try await Competency.leadershipCatalogue.map(CompetencyModel.init).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("competencies").delete()
    }
}
