import FluentKit
import Foundation
import LodestarCore

extension FluentStore {
    public func account(_ id: Account.ID) async throws -> Account? {
        try await AccountModel.find(id.uuid, on: db)?.domain
    }

    public func account(email: String) async throws -> Account? {
        try await AccountModel.query(on: db).filter(\.$email == email.lowercased()).first()?.domain
    }

    public func account(person: Person.ID) async throws -> Account? {
        try await AccountModel.query(on: db).filter(\.$personID == person.uuid).first()?.domain
    }

    public func accounts() async throws -> [Account] {
        try await AccountModel.query(on: db).sort(\.$email).all().map(\.domain)
    }

    public func save(_ account: Account) async throws {
        try await upsert(AccountModel.self, id: account.id.uuid) { $0.update(from: account) }
    }

    public func managedProgrammes(of account: Account.ID) async throws -> Set<Programme.ID> {
        Set(try await ProgrammeManagerModel.query(on: db).filter(\.$accountID == account.uuid).all().map { Programme.ID($0.programmeID) })
    }

    @discardableResult
    public func appoint(_ account: Account.ID, toManage programme: Programme.ID, appointed: Attribution?) async throws -> Bool {
        let existing = try await ProgrammeManagerModel.query(on: db)
            .filter(\.$accountID == account.uuid).filter(\.$programmeID == programme.uuid).count()
        guard existing == 0 else { return false }
        try await ProgrammeManagerModel(account: account, programme: programme, appointed: appointed).create(on: db)
        return true
    }

    public func managers(of programme: Programme.ID) async throws -> [ProgrammeManager] {
        try await rows("""
            SELECT accounts.id AS account, accounts.email AS email, people.name AS name, programme_managers.appointed_by AS appointed_by,
            programme_managers.appointed_at AS appointed_at, CASE WHEN accounts.password_hash IS NULL THEN 0 ELSE 1 END AS can_sign_in FROM programme_managers JOIN accounts ON accounts.id = programme_managers.account_id
            LEFT JOIN people ON people.id = accounts.person_id WHERE programme_managers.programme_id = \(bind: programme.uuid) ORDER BY accounts.email
            """) { row in
            ProgrammeManager(account: Account.ID(try row.uuid("account")), email: try row.decode(column: "email", as: String.self),
                             name: try row.decode(column: "name", as: String?.self),
                             appointed: Attribution(by: try row.decode(column: "appointed_by", as: String?.self),
                                                    at: try row.decode(column: "appointed_at", as: Date?.self)),
                             canSignIn: try row.decode(column: "can_sign_in", as: Int.self) == 1)
        }
    }

    public func dismiss(_ account: Account.ID, fromManaging programme: Programme.ID) async throws -> Bool {
        let appointments = ProgrammeManagerModel.query(on: db).filter(\.$accountID == account.uuid).filter(\.$programmeID == programme.uuid)
        guard try await appointments.copy().count() > 0 else { return false }
        try await appointments.delete()
        return true
    }

    public func save(_ session: SignInSession) async throws {
        let row = try await SessionModel.query(on: db).filter(\.$tokenDigest == session.tokenDigest).first() ?? SessionModel()
        row.update(from: session)
        try await row.save(on: db)
    }

    public func session(digest: String) async throws -> SignInSession? {
        try await SessionModel.query(on: db).filter(\.$tokenDigest == digest).first()?.domain
    }

    public func deleteSession(digest: String) async throws {
        try await SessionModel.query(on: db).filter(\.$tokenDigest == digest).delete()
    }

    public func deleteSessions(of account: Account.ID) async throws {
        try await SessionModel.query(on: db).filter(\.$accountID == account.uuid).delete()
    }

    public func save(_ token: ApiToken) async throws {
        try await upsert(ApiTokenModel.self, id: token.id.uuid) { $0.update(from: token) }
    }

    public func apiTokens() async throws -> [ApiToken] {
        try await ApiTokenModel.query(on: db).sort(\.$createdAt, .descending).all().map { try $0.domain() }
    }

    public func apiToken(_ id: ApiToken.ID) async throws -> ApiToken? {
        try await ApiTokenModel.find(id.uuid, on: db)?.domain()
    }

    public func apiToken(digest: String) async throws -> ApiToken? {
        try await ApiTokenModel.query(on: db).filter(\.$digest == digest).first()?.domain()
    }

    public func signInFailures(key: String) async throws -> SignInFailures? {
        try await SignInFailuresModel.query(on: db).filter(\.$key == key).first()?.domain
    }

    public func save(_ failures: SignInFailures) async throws {
        let row = try await SignInFailuresModel.query(on: db).filter(\.$key == failures.key).first() ?? SignInFailuresModel()
        row.update(from: failures)
        try await row.save(on: db)
    }

    public func clearSignInFailures(key: String) async throws {
        try await SignInFailuresModel.query(on: db).filter(\.$key == key).delete()
    }
}
