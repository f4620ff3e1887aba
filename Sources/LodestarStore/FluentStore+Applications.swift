import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func application(_ id: ProgrammeApplication.ID) async throws -> ProgrammeApplication? {
        try await applications(where: "id = \(bind: id.uuid)").first
    }

    public func applications(in cycle: Cycle.ID) async throws -> [ProgrammeApplication] {
        try await applications(where: "cycle_id = \(bind: cycle.uuid)")
    }

    public func applications(of person: Person.ID) async throws -> [ProgrammeApplication] {
        try await applications(where: "person_id = \(bind: person.uuid) ORDER BY invited_at DESC, id")
    }

    public func namedApplications(in cycle: Cycle.ID, state: ApplicationState?, role: EnrolmentRole?, page request: PageRequest) async throws -> Page<NamedApplication> {
        var condition: SQLQueryString = "applications.cycle_id = \(bind: cycle.uuid)"
        if let state { condition += " AND applications.state = \(bind: state.rawValue)" }
        if let role { condition += " AND applications.role = \(bind: role.rawValue)" }
        let order = "CASE applications.state WHEN 'applied' THEN 0 WHEN 'waitlisted' THEN 1 WHEN 'invited' THEN 2 WHEN 'accepted' THEN 3 ELSE 4 END, people.name, applications.id"
        return try await page("applications", where: condition, orderedBy: order, request) { condition in
            try await rows("""
                SELECT applications.*, people.external_id AS external_id, people.name AS name, people.email AS email
                FROM applications JOIN people ON people.id = applications.person_id WHERE
                """ + " " + condition) { row in
                let application = try self.application(row)
                return NamedApplication(application, person: NamedPerson(id: application.personID, externalID: try row.decode(column: "external_id", as: String.self),
                                                                         name: try row.decode(column: "name", as: String.self)),
                                        email: try row.decode(column: "email", as: String.self))
            }
        }
    }

    public func applicationCounts(in cycle: Cycle.ID) async throws -> [ApplicationState: Int] {
        var counts: [ApplicationState: Int] = [:]
        for row in try await sql.raw("SELECT state, COUNT(*) AS count FROM applications WHERE cycle_id = \(bind: cycle.uuid) GROUP BY state").all() {
            let state = try StoredValue.decode(try row.decode(column: "state", as: String.self), as: ApplicationState.self, column: "applications.state")
            counts[state] = try row.decode(column: "count", as: Int.self)
        }
        return counts
    }

    public func save(_ application: ProgrammeApplication) async throws {
        let profile = try application.profile.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await sql.raw("""
            INSERT INTO applications (id, cycle_id, person_id, role, state, profile, motivation, invited_by, invited_at, applied_at, decided_by, decided_at) VALUES
            (\(bind: application.id.uuid), \(bind: application.cycleID.uuid), \(bind: application.personID.uuid), \(bind: application.role.rawValue),
            \(bind: application.state.rawValue), \(bind: profile), \(bind: application.motivation), \(bind: application.invited.by), \(bind: application.invited.at),
            \(bind: application.appliedAt), \(bind: application.decided?.by), \(bind: application.decided?.at))
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, profile = excluded.profile, motivation = excluded.motivation,
            invited_by = excluded.invited_by, invited_at = excluded.invited_at, applied_at = excluded.applied_at,
            decided_by = excluded.decided_by, decided_at = excluded.decided_at
            """).run()
    }

    public func removeEnrolment(_ id: Enrolment.ID) async throws {
        try await sql.raw("DELETE FROM enrolments WHERE id = \(bind: id.uuid)").run()
    }

    private func applications(where condition: SQLQueryString) async throws -> [ProgrammeApplication] {
        try await rows("SELECT * FROM applications WHERE " + condition, application)
    }

    private func application(_ row: any SQLRow) throws -> ProgrammeApplication {
        let profile = try row.decode(column: "profile", as: String?.self).map { text in
            do { return try JSONDecoder().decode(MentoringProfile.self, from: Data(text.utf8)) } catch {
                throw StoredValue.Unknown(column: "applications.profile", value: String(text.prefix(80)))
            }
        }
        let decidedBy = try row.decode(column: "decided_by", as: String?.self), decidedAt = try row.decode(column: "decided_at", as: Date?.self)
        return ProgrammeApplication(
            id: ProgrammeApplication.ID(try row.uuid("id")),
            cycleID: Cycle.ID(try row.uuid("cycle_id")),
            personID: Person.ID(try row.uuid("person_id")),
            role: try StoredValue.decode(try row.decode(column: "role", as: String.self), as: EnrolmentRole.self, column: "applications.role"),
            state: try StoredValue.decode(try row.decode(column: "state", as: String.self), as: ApplicationState.self, column: "applications.state"),
            profile: profile, motivation: try row.decode(column: "motivation", as: String.self),
            invited: Attribution(by: try row.decode(column: "invited_by", as: String.self), at: try row.decode(column: "invited_at", as: Date.self)),
            appliedAt: try row.decode(column: "applied_at", as: Date?.self),
            decided: decidedBy.flatMap { by in decidedAt.map { Attribution(by: by, at: $0) } })
    }
}
