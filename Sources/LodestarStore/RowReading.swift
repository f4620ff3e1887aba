import Foundation
import LodestarCore
import SQLKit

/// UUIDs read from rows. SQLite keeps them as text, which Foundation parses with `sscanf` — on a
/// large dashboard a tenth of the time — so the 36 characters are read here directly; a column
/// that is not such text (PostgreSQL's uuid type is read as its text too) is decoded as a UUID.
enum UUIDText {
    /// The UUID written `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case), or nil.
    static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36, utf8[8] == 0x2D, utf8[13] == 0x2D, utf8[18] == 0x2D, utf8[23] == 0x2D else { return nil }
            func nibble(_ c: UInt8) -> UInt8? {
                switch c {
                case 0x30...0x39: c - 0x30
                case 0x41...0x46: c - 0x41 + 10
                case 0x61...0x66: c - 0x61 + 10
                default: nil
                }
            }
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let parsed = withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
                var position = 0
                for index in 0..<16 {
                    if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                    guard let high = nibble(utf8[position]), let low = nibble(utf8[position + 1]) else { return false }
                    bytes[index] = high << 4 | low
                    position += 2
                }
                return true
            }
            return parsed ? UUID(uuid: uuid) : nil
        }
    }
}

extension SQLRow {
    /// The UUID in `column`: its text read by `UUIDText`, or else the column decoded as a UUID.
    func uuid(_ column: String) throws -> UUID {
        if let text = try? decode(column: column, as: String.self), let uuid = UUIDText.parse(text) { return uuid }
        return try decode(column: column, as: UUID.self)
    }

    /// As `uuid(_:)`, for a column that may be null.
    func optionalUUID(_ column: String) throws -> UUID? {
        // A null column, as one that is not such text, is left to the database's own decoding.
        if let text = try? decode(column: column, as: String?.self), let uuid = UUIDText.parse(text) { return uuid }
        return try decode(column: column, as: UUID?.self)
    }
}

/// The columns of one table in a query's rows, read straight into the domain's values.
///
/// Fluent builds a model per row by reflection, which is most of what a busy page costs; the
/// reads every page makes (who is asking, people, enrolments) go through these instead. Each
/// table's columns are selected under a prefix, so joined tables don't clash.
struct RowColumns {
    let row: any SQLRow
    let prefix: String

    func callAsFunction<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        if T.self == UUID.self, let id = try row.uuid(prefix + column) as? T { return id }
        if T.self == UUID?.self, let id = try row.optionalUUID(prefix + column) as? T { return id }
        return try row.decode(column: prefix + column, as: T.self)
    }

    /// `table`'s `columns`, each selected as `prefix` + its name.
    static func select(_ table: String, _ columns: [String], as prefix: String) -> String {
        columns.map { "\(table).\($0) AS \(prefix)\($0)" }.joined(separator: ", ")
    }
}

extension Person {
    static let columns = ["id", "external_id", "name", "email", "title", "level", "department", "manager_id", "location", "time_zone",
                          "languages", "gender", "ethnicity", "age_band", "disability"]
    static func select(as prefix: String = "p_") -> String { RowColumns.select("people", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), externalID: try row("external_id"), name: try row("name"), email: try row("email"),
                  title: try row("title"), level: try row("level"), department: try row("department"),
                  managerID: try row("manager_id", as: UUID?.self).map(ID.init), location: try row("location"), timeZone: try row("time_zone"),
                  languages: try row("languages"),
                  demographics: Demographics(gender: try row("gender"), ethnicity: try row("ethnicity"), ageBand: try row("age_band"),
                                             disability: try row("disability")))
    }
}

extension Enrolment {
    static let columns = ["id", "cycle_id", "person_id", "role", "profile"]
    static func select(as prefix: String = "e_") -> String { RowColumns.select("enrolments", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), cycleID: Cycle.ID(try row("cycle_id", as: UUID.self)),
                  personID: Person.ID(try row("person_id", as: UUID.self)),
                  role: try StoredValue.decode(try row("role"), as: EnrolmentRole.self, column: "enrolments.role"), profile: try row("profile"))
    }
}

extension Participant {
    /// Of the profile, what the list shows; the rest of it is not decoded.
    private struct Gist: Decodable {
        let skills: [Skill]
        let developmentGoals: [DevelopmentGoal]
        let capacity: Int?
    }

    init(_ row: RowColumns) throws {
        let gist = try row("profile", as: Gist.self)
        self.init(enrolment: Enrolment.ID(try row("id", as: UUID.self)),
                  role: try StoredValue.decode(try row("role"), as: EnrolmentRole.self, column: "enrolments.role"),
                  person: Person.ID(try row("person_id", as: UUID.self)), name: try row("name"), title: try row("title"),
                  department: try row("department"), capacity: gist.capacity, skills: gist.skills, goals: gist.developmentGoals)
    }
}

extension Account {
    static let columns = ["id", "email", "person_id", "password_hash", "is_admin", "created_at"]
    static func select(as prefix: String = "a_") -> String { RowColumns.select("accounts", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), email: try row("email"), personID: try row("person_id", as: UUID?.self).map(Person.ID.init),
                  passwordHash: try row("password_hash"), isAdmin: try row("is_admin"), createdAt: try row("created_at"))
    }
}

extension SignInSession {
    static let columns = ["token_digest", "account_id", "csrf_token", "created_at", "expires_at"]
    static func select(as prefix: String = "s_") -> String { RowColumns.select("sessions", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(tokenDigest: try row("token_digest"), accountID: Account.ID(try row("account_id", as: UUID.self)), csrfToken: try row("csrf_token"),
                  createdAt: try row("created_at"), expiresAt: try row("expires_at"))
    }
}

extension FluentStore {
    /// One page of the rows of `table` where `condition` holds, read by `read` (given the
    /// condition with its order and range) and counted in all.
    func page<T>(_ table: String, where condition: SQLQueryString, orderedBy order: String, _ request: PageRequest,
                 _ read: (SQLQueryString) async throws -> [T]) async throws -> Page<T> {
        let total = try await sql.raw("SELECT COUNT(*) AS total FROM \(ident: table) WHERE " + condition).first(decodingColumn: "total", as: Int.self) ?? 0
        let items = try await read(condition + " ORDER BY \(unsafeRaw: order) LIMIT \(literal: request.limit) OFFSET \(literal: request.offset)")
        return Page(items: items, total: total, request: request)
    }

    /// The rows of `query`, each made into a value by `make`.
    func rows<T>(_ query: SQLQueryString, _ make: (any SQLRow) throws -> T) async throws -> [T] {
        try await sql.raw(query).all().map(make)
    }
}

extension ApiToken {
    static let columns = ["id", "name", "digest", "scope", "created_by", "created_at", "revoked_at"]
    static func select(as prefix: String = "t_") -> String { RowColumns.select("api_tokens", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), name: try row("name"), digest: try row("digest"),
                  scope: try StoredValue.decode(try row("scope"), as: Scope.self, column: "api_tokens.scope"),
                  createdBy: Account.ID(try row("created_by", as: UUID.self)), createdAt: try row("created_at"), revokedAt: try row("revoked_at"))
    }
}

extension Programme {
    static let columns = ["id", "name", "objectives", "focus_competencies", "format", "duration_weeks", "cadence", "matching", "archived_at"]
    static func select(as prefix: String = "g_") -> String { RowColumns.select("programmes", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), name: try row("name"), objectives: try row("objectives"),
                  focusCompetencies: try row("focus_competencies"),
                  format: try StoredValue.decode(try row("format"), as: MentoringFormat.self, column: "programmes.format"),
                  durationWeeks: try row("duration_weeks"),
                  cadence: try StoredValue.decode(try row("cadence"), as: MeetingCadence.self, column: "programmes.cadence"),
                  matching: try row("matching", as: MatchingSettings?.self), archivedAt: try row("archived_at", as: Date?.self))
    }
}

extension Cycle {
    static let columns = ["id", "programme_id", "number", "name", "state", "applications_close_on", "matching_on", "starts_on", "ends_on", "priority_effect"]
    static func select(as prefix: String = "c_") -> String { RowColumns.select("cycles", columns, as: prefix) }

    init(_ row: RowColumns) throws {
        self.init(id: ID(try row("id", as: UUID.self)), programmeID: Programme.ID(try row("programme_id", as: UUID.self)), number: try row("number"),
                  name: try row("name"), state: try StoredValue.decode(try row("state"), as: CycleState.self, column: "cycles.state"),
                  dates: CycleDates(applicationsClose: try row("applications_close_on", as: Date?.self), matching: try row("matching_on", as: Date?.self),
                                    start: try row("starts_on", as: Date?.self), end: try row("ends_on", as: Date?.self)),
                  priorityEffect: try row("priority_effect", as: PriorityEffect?.self))
    }
}

extension FluentStore {
    /// The relationships for which `condition` holds, each with its members in order, in one query.
    func relationships(where condition: SQLQueryString) async throws -> [Relationship] {
        let columns = RowColumns.select("relationships", ["id", "cycle_id", "mentor_enrolment", "mentor_person", "score", "started_at", "ended_at", "end_reason"], as: "r_")
            + ", " + RowColumns.select("relationship_members", ["mentee_enrolment", "mentee_person", "left_at", "leave_reason"], as: "m_")
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM relationships LEFT JOIN relationship_members ON relationship_members.relationship_id = relationships.id
            WHERE \(condition) ORDER BY relationships.started_at, relationships.id, relationship_members.position
            """
        var result: [Relationship] = []
        for row in try await sql.raw(query).all() {
            let r = RowColumns(row: row, prefix: "r_"), m = RowColumns(row: row, prefix: "m_")
            let id = Relationship.ID(try r("id", as: UUID.self))
            let member = try m("mentee_enrolment", as: UUID?.self).map { enrolment in
                Relationship.Member(enrolment: Enrolment.ID(enrolment), person: Person.ID(try m("mentee_person", as: UUID.self)),
                                    leftAt: try m("left_at", as: Date?.self), leaveReason: try m("leave_reason", as: String?.self))
            }
            if let last = result.last, last.id == id {
                if let member { result[result.count - 1].members.append(member) }
                continue
            }
            result.append(Relationship(id: id, cycleID: Cycle.ID(try r("cycle_id", as: UUID.self)), mentor: Enrolment.ID(try r("mentor_enrolment", as: UUID.self)),
                                       mentorPerson: Person.ID(try r("mentor_person", as: UUID.self)), members: member.map { [$0] } ?? [],
                                       score: try r("score"), startedAt: try r("started_at"), endedAt: try r("ended_at", as: Date?.self),
                                       endReason: try r("end_reason", as: String?.self)))
        }
        return result
    }
}
