import SQLKit

/// A counter in a one-row table `NAME_revision` that every write to the tables it tracks moves
/// on, kept by triggers so that no write path can forget to: a value computed at one revision
/// can be reused, on any app server, while the revision stands.
struct RevisionCounter {
    /// `planning` or `data`: names the table, the triggers and PostgreSQL's function.
    let name: String

    var table: String { "\(name)_revision" }

    func create(on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE \(unsafeRaw: table) (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO \(unsafeRaw: table) (id, value) VALUES (1, 0)").run()
        guard sql.dialect.name != "sqlite" else { return }
        // On PostgreSQL the counter moves once per transaction, at commit, after every other
        // row lock is held — so writers never wait on it while holding what another wants.
        try await sql.raw("""
            CREATE FUNCTION \(unsafeRaw: table)_bump() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF coalesce(current_setting('lodestar.\(unsafeRaw: name)_bumped', true), '') = 'yes' THEN RETURN NULL; END IF;
                PERFORM set_config('lodestar.\(unsafeRaw: name)_bumped', 'yes', true);
                UPDATE \(unsafeRaw: table) SET value = value + 1 WHERE id = 1;
                RETURN NULL;
            END $$
            """).run()
    }

    func drop(on sql: any SQLDatabase) async throws {
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION \(unsafeRaw: table)_bump()").run() }
        try await sql.raw("DROP TABLE \(unsafeRaw: table)").run()
    }

    /// Makes `events` on each of `tables` move the counter on.
    func track(_ tables: [String], events: [String] = ["INSERT", "UPDATE", "DELETE"], on sql: any SQLDatabase) async throws {
        for table in tables {
            if sql.dialect.name == "sqlite" {
                // SQLite has one writer at a time, so the row is moved on with each written row.
                for event in events {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: "\(name)_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table)
                        BEGIN UPDATE \(unsafeRaw: self.table) SET value = value + 1 WHERE id = 1; END
                        """).run()
                }
            } else {
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: "\(name)_\(table)") AFTER \(unsafeRaw: events.joined(separator: " OR ")) ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: self.table)_bump()
                    """).run()
            }
        }
    }

    /// Stops `events` on `tables` moving the counter on.
    func untrack(_ tables: [String], events: [String] = ["INSERT", "UPDATE", "DELETE"], on sql: any SQLDatabase) async throws {
        for table in tables {
            if sql.dialect.name == "sqlite" {
                for event in events { try await sql.raw("DROP TRIGGER \(unsafeRaw: "\(name)_\(table)_\(event.lowercased())")").run() }
            } else {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: "\(name)_\(table)") ON \(ident: table)").run()
            }
        }
    }
}
