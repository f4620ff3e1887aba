import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func resources(matching text: String?, competency: String?, audience: ResourceAudience?, page request: PageRequest) async throws -> Page<Resource> {
        var condition: SQLQueryString = "1 = 1"
        if let text, !text.isEmpty {
            let pattern = "%" + Self.likeEscaped(text.lowercased()) + "%"
            condition += " AND (LOWER(title) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(summary) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        if let competency, !competency.isEmpty { condition += " AND (';' || competencies || ';') LIKE \(bind: "%;" + Self.likeEscaped(competency) + ";%") ESCAPE '\\'" }
        if let audience { condition += " AND (';' || audience || ';') LIKE \(bind: "%;" + audience.rawValue + ";%")" }
        return try await page("resources", where: condition, orderedBy: "title, id", request) { condition in
            try await rows("SELECT * FROM resources WHERE " + condition, resource)
        }
    }

    public func resource(_ id: Resource.ID) async throws -> Resource? {
        try await rows("SELECT * FROM resources WHERE id = \(bind: id.uuid)", resource).first
    }

    public func save(_ resource: Resource) async throws {
        try await sql.raw("""
            INSERT INTO resources (id, title, kind, summary, body, link, competencies, audience, added_by, added_at) VALUES
            (\(bind: resource.id.uuid), \(bind: resource.title), \(bind: resource.kind.rawValue), \(bind: resource.summary), \(bind: resource.body),
            \(bind: resource.link), \(bind: resource.competencies.joined(separator: ";")), \(bind: resource.audience.map(\.rawValue).joined(separator: ";")),
            \(bind: resource.added.by), \(bind: resource.added.at))
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, summary = excluded.summary, body = excluded.body,
            link = excluded.link, competencies = excluded.competencies, audience = excluded.audience
            """).run()
    }

    public func trainingModules(of programmes: Set<Programme.ID>) async throws -> [TrainingModule] {
        guard !programmes.isEmpty else { return [] }
        return try await rows("SELECT * FROM training_modules WHERE programme_id IN (\(binds: programmes.map(\.uuid))) ORDER BY programme_id, role, title, id", trainingModule)
    }

    public func trainingModule(_ id: TrainingModule.ID) async throws -> TrainingModule? {
        try await rows("SELECT * FROM training_modules WHERE id = \(bind: id.uuid)", trainingModule).first
    }

    public func save(_ module: TrainingModule) async throws {
        let questions = String(decoding: try JSONEncoder().encode(module.questions), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO training_modules (id, programme_id, resource_id, role, title, questions, added_by, added_at) VALUES
            (\(bind: module.id.uuid), \(bind: module.programmeID.uuid), \(bind: module.resourceID.uuid), \(bind: module.role.rawValue),
            \(bind: module.title), \(bind: questions), \(bind: module.added.by), \(bind: module.added.at))
            ON CONFLICT (id) DO UPDATE SET resource_id = excluded.resource_id, role = excluded.role, title = excluded.title, questions = excluded.questions
            """).run()
    }

    public func completions(of people: Set<Person.ID>) async throws -> [TrainingCompletion] {
        guard !people.isEmpty else { return [] }
        return try await rows("SELECT * FROM training_completions WHERE person_id IN (\(binds: people.map(\.uuid)))") { row in
            TrainingCompletion(moduleID: TrainingModule.ID(try row.uuid("module_id")),
                               personID: Person.ID(try row.uuid("person_id")),
                               completedAt: try row.decode(column: "completed_at", as: Date.self))
        }
    }

    public func completionCounts(of programme: Programme.ID) async throws -> [TrainingModule.ID: Int] {
        var counts: [TrainingModule.ID: Int] = [:]
        for row in try await sql.raw("""
            SELECT t.module_id AS module_id, COUNT(*) AS count FROM training_completions t JOIN training_modules m ON m.id = t.module_id
            WHERE m.programme_id = \(bind: programme.uuid) GROUP BY t.module_id
            """).all() {
            counts[TrainingModule.ID(try row.uuid("module_id"))] = try row.decode(column: "count", as: Int.self)
        }
        return counts
    }

    public func save(_ completion: TrainingCompletion) async throws {
        try await sql.raw("""
            INSERT INTO training_completions (module_id, person_id, completed_at) VALUES
            (\(bind: completion.moduleID.uuid), \(bind: completion.personID.uuid), \(bind: completion.completedAt))
            ON CONFLICT (module_id, person_id) DO NOTHING
            """).run()
    }

    public func untrained(_ role: EnrolmentRole, in cycle: Cycle.ID) async throws -> Set<Person.ID> {
        Set(try await rows("""
            SELECT DISTINCT e.person_id AS person_id FROM enrolments e JOIN cycles c ON c.id = e.cycle_id
            JOIN training_modules m ON m.programme_id = c.programme_id AND m.role = e.role
            WHERE e.cycle_id = \(bind: cycle.uuid) AND e.role = \(bind: role.rawValue)
            AND NOT EXISTS (SELECT 1 FROM training_completions t WHERE t.module_id = m.id AND t.person_id = e.person_id)
            """) { Person.ID(try $0.uuid("person_id")) })
    }

    /// Text for a LIKE pattern with `\` as its escape: its own `%`, `_` and `\` match themselves.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    private func resource(_ row: any SQLRow) throws -> Resource {
        func list(_ column: String) throws -> [String] { try row.decode(column: column, as: String.self).split(separator: ";").map(String.init) }
        return Resource(
            id: Resource.ID(try row.uuid("id")), title: try row.decode(column: "title", as: String.self),
            kind: try StoredValue.decode(try row.decode(column: "kind", as: String.self), as: ResourceKind.self, column: "resources.kind"),
            summary: try row.decode(column: "summary", as: String.self), body: try row.decode(column: "body", as: String.self),
            link: try row.decode(column: "link", as: String?.self), competencies: try list("competencies"),
            audience: try list("audience").map { try StoredValue.decode($0, as: ResourceAudience.self, column: "resources.audience") },
            added: Attribution(by: try row.decode(column: "added_by", as: String.self), at: try row.decode(column: "added_at", as: Date.self)))
    }

    private func trainingModule(_ row: any SQLRow) throws -> TrainingModule {
        let text = try row.decode(column: "questions", as: String.self)
        let questions: [QuizQuestion]
        do { questions = try JSONDecoder().decode([QuizQuestion].self, from: Data(text.utf8)) } catch {
            throw StoredValue.Unknown(column: "training_modules.questions", value: String(text.prefix(80)))
        }
        return TrainingModule(
            id: TrainingModule.ID(try row.uuid("id")), programmeID: Programme.ID(try row.uuid("programme_id")),
            resourceID: Resource.ID(try row.uuid("resource_id")),
            role: try StoredValue.decode(try row.decode(column: "role", as: String.self), as: EnrolmentRole.self, column: "training_modules.role"),
            title: try row.decode(column: "title", as: String.self), questions: questions,
            added: Attribution(by: try row.decode(column: "added_by", as: String.self), at: try row.decode(column: "added_at", as: Date.self)))
    }
}
