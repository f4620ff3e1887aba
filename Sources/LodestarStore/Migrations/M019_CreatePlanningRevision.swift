import FluentKit
import SQLKit

/// A counter that every write to what a matching plan is made from moves on: people, programmes,
/// cycles, enrolments, conflicts of interest, relationships and their members. A plan computed
/// at one value of it can be reused while the value stands, on any app server. Triggers keep it,
/// so no write path can forget to.
struct M019_CreatePlanningRevision: AsyncMigration {
    static let tables = ["people", "programmes", "cycles", "enrolments", "conflicts", "relationships", "relationship_members"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE TABLE planning_revision (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO planning_revision (id, value) VALUES (1, 0)").run()
        if sql.dialect.name != "sqlite" {
            // On PostgreSQL the counter moves once per transaction, at commit, after every other
            // row lock is held — so writers never wait on it while holding what another wants.
            try await sql.raw("""
                CREATE FUNCTION planning_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF coalesce(current_setting('lodestar.planning_bumped', true), '') = 'yes' THEN RETURN NULL; END IF;
                    PERFORM set_config('lodestar.planning_bumped', 'yes', true);
                    UPDATE planning_revision SET value = value + 1 WHERE id = 1;
                    RETURN NULL;
                END $$
                """).run()
        }
        try await Self.track(Self.tables, on: sql)
    }

    /// Makes every write to `tables` move the counter on.
    static func track(_ tables: [String], on sql: any SQLDatabase) async throws {
        for table in tables {
            if sql.dialect.name == "sqlite" {
                // SQLite has one writer at a time, so the row is moved on with each written row.
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: "planning_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table)
                        BEGIN UPDATE planning_revision SET value = value + 1 WHERE id = 1; END
                        """).run()
                }
            } else {
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: "planning_\(table)") AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION planning_revision_bump()
                    """).run()
            }
        }
    }

    /// Stops writes to `tables` moving the counter on.
    static func untrack(_ tables: [String], on sql: any SQLDatabase) async throws {
        for table in tables {
            if sql.dialect.name == "sqlite" {
                for event in ["insert", "update", "delete"] { try await sql.raw("DROP TRIGGER \(unsafeRaw: "planning_\(table)_\(event)")").run() }
            } else {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: "planning_\(table)") ON \(ident: table)").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.untrack(Self.tables, on: sql)
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION planning_revision_bump()").run() }
        try await sql.raw("DROP TABLE planning_revision").run()
    }
}
