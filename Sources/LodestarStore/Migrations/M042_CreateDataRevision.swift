import FluentKit
import SQLKit

/// A counter that every write to what a page shows moves on — every table but the bookkeeping
/// ones — so that a page's read model, and the principal behind a session, computed at one value
/// can be served again while it stands, on any app server, and never after a change.
///
/// A session moves it on only when it ends (signed out, or every session of an account ended by a
/// change of password or role): a session extended as it is used changes no page. Failed sign-ins
/// are the throttle's own and shown nowhere. A migration that adds a table tracks it too
/// (`DataRevisionStoreTests` checks that every table is).
struct M042_CreateDataRevision: AsyncMigration {
    static let counter = RevisionCounter(name: "data")
    static let tables = [
        "accounts", "administrative_changes", "agreements", "api_tokens", "applications", "calendar_feeds", "certificates",
        "competencies", "competency_assessments", "conflicts", "cycles", "employment_outcomes", "enrolments", "goal_versions",
        "held_meetings", "high_potentials", "imports", "kudos", "meeting_pulses", "mentor_requests", "milestones", "notes",
        "notices", "one_time_links", "organisation_settings", "people", "programme_managers", "programmes", "readiness_answers",
        "relationship_members", "relationships", "resources", "scheduled_meetings", "speed_events", "success_stories",
        "survey_notices", "survey_responses", "survey_templates", "surveys", "training_completions", "training_modules",
        "webhook_deliveries", "webhook_endpoints",
    ]
    /// Tables whose writes never change a page.
    static let untracked = ["_fluent_migrations", "planning_revision", "data_revision", "sign_in_failures"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.counter.create(on: sql)
        try await Self.counter.track(Self.tables, on: sql)
        try await Self.counter.track(["sessions"], events: ["DELETE"], on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.counter.untrack(["sessions"], events: ["DELETE"], on: sql)
        try await Self.counter.untrack(Self.tables, on: sql)
        try await Self.counter.drop(on: sql)
    }
}
