import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func sessionHolder(digest: String) async throws -> (session: SignInSession, holder: AccountHolder)? {
        let rows = try await holderRows(SignInSession.select(), from: "sessions JOIN accounts ON accounts.id = sessions.account_id",
                                        where: "sessions.token_digest = \(bind: digest)") { try SignInSession(RowColumns(row: $0, prefix: "s_")) }
        return rows.map { ($0.credential, $0.holder) }
    }

    public func tokenHolder(digest: String) async throws -> (token: ApiToken, holder: AccountHolder)? {
        let rows = try await holderRows(ApiToken.select(), from: "api_tokens JOIN accounts ON accounts.id = api_tokens.created_by",
                                        where: "api_tokens.digest = \(bind: digest)") { try ApiToken(RowColumns(row: $0, prefix: "t_")) }
        return rows.map { ($0.credential, $0.holder) }
    }

    public func holder(of account: Account.ID) async throws -> AccountHolder? {
        try await holderRows("accounts.id AS account_key", from: "accounts", where: "accounts.id = \(bind: account.uuid)") { _ in () }?.holder
    }

    public func participations(of person: Person.ID) async throws -> [Participation] {
        try await rows("""
            SELECT \(unsafeRaw: Enrolment.select()), cycles.programme_id AS programme FROM enrolments JOIN cycles ON cycles.id = enrolments.cycle_id
            WHERE enrolments.person_id = \(bind: person.uuid) ORDER BY cycles.starts_on
            """) { (try Enrolment(RowColumns(row: $0, prefix: "e_")), Programme.ID(try $0.uuid("programme"))) }
    }

    public func cyclesWithProgrammes(of person: Person.ID) async throws -> [(cycle: Cycle, programme: Programme)] {
        try await CycleModel.query(on: db)
            .join(EnrolmentModel.self, on: \CycleModel.$id == \EnrolmentModel.$cycleID)
            .join(ProgrammeModel.self, on: \CycleModel.$programmeID == \ProgrammeModel.$id)
            .filter(EnrolmentModel.self, \.$personID == person.uuid).all()
            .map { (try $0.domain(), try $0.joined(ProgrammeModel.self).domain()) }
    }

    /// What `from` (a credential's table joined with `accounts`) holds where `condition` holds:
    /// the credential that `credential` reads, with the account, its person (if any) and the
    /// programmes it manages — one row per managed programme, at least one — and how many of its
    /// messages are unread, in one query.
    private func holderRows<Credential>(_ columns: String, from: String, where condition: SQLQueryString,
                                        _ credential: (any SQLRow) throws -> Credential) async throws -> (credential: Credential, holder: AccountHolder)? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns), \(unsafeRaw: Account.select()), \(unsafeRaw: Person.select()), "
        query += "programme_managers.programme_id AS managed, (SELECT COUNT(*) FROM notices WHERE notices.recipient IN (accounts.email, LOWER(people.email)) "
        query += "AND notices.read_at IS NULL) AS unread FROM \(unsafeRaw: from) "
        query += "LEFT JOIN people ON people.id = accounts.person_id LEFT JOIN programme_managers ON programme_managers.account_id = accounts.id WHERE "
        query += condition
        let rows = try await sql.raw(query).all()
        guard let first = rows.first else { return nil }
        let account = try Account(RowColumns(row: first, prefix: "a_"))
        // A left join with no person (or no managed programme) leaves those columns null.
        let person = account.personID == nil ? nil : try Person(RowColumns(row: first, prefix: "p_"))
        let managed = try rows.compactMap { try $0.optionalUUID("managed").map(Programme.ID.init) }
        return (try credential(first), AccountHolder(account: account, person: person, managedProgrammes: Set(managed),
                                                     unreadMessages: try first.decode(column: "unread", as: Int.self)))
    }
}
