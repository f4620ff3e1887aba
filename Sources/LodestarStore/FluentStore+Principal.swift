import FluentKit
import Foundation
import LodestarCore

extension FluentStore {
    public func sessionHolder(digest: String) async throws -> (session: SignInSession, holder: AccountHolder)? {
        let rows = try await holderQuery(SessionModel.query(on: db).filter(\.$tokenDigest == digest), account: \SessionModel.$accountID).all()
        guard let first = rows.first, let holder = try Self.holder(of: rows) else { return nil }
        return (first.domain, holder)
    }

    public func tokenHolder(digest: String) async throws -> (token: ApiToken, holder: AccountHolder)? {
        let rows = try await holderQuery(ApiTokenModel.query(on: db).filter(\.$digest == digest), account: \ApiTokenModel.$createdBy).all()
        guard let first = rows.first, let holder = try Self.holder(of: rows) else { return nil }
        return (try first.domain(), holder)
    }

    public func holder(of account: Account.ID) async throws -> AccountHolder? {
        try Self.holder(of: try await holderQuery(AccountModel.query(on: db).filter(\.$id == account.uuid), account: \AccountModel.$id).all())
    }

    public func participations(of person: Person.ID) async throws -> [Participation] {
        try await EnrolmentModel.query(on: db).filter(\.$personID == person.uuid)
            .join(CycleModel.self, on: \EnrolmentModel.$cycleID == \CycleModel.$id)
            .sort(CycleModel.self, \.$startsOn).all()
            .map { (try $0.domain(), Programme.ID(try $0.joined(CycleModel.self).programmeID)) }
    }

    public func cyclesWithProgrammes(of person: Person.ID) async throws -> [(cycle: Cycle, programme: Programme)] {
        try await CycleModel.query(on: db)
            .join(EnrolmentModel.self, on: \CycleModel.$id == \EnrolmentModel.$cycleID)
            .join(ProgrammeModel.self, on: \CycleModel.$programmeID == \ProgrammeModel.$id)
            .filter(EnrolmentModel.self, \.$personID == person.uuid).all()
            .map { (try $0.domain(), try $0.joined(ProgrammeModel.self).domain()) }
    }

    /// `query` joined with the account its `account` column names, the account's person (if
    /// any) and the programmes it manages: one row per managed programme, at least one.
    private func holderQuery<M: Model, Key: QueryableProperty>(_ query: QueryBuilder<M>, account: KeyPath<M, Key>) -> QueryBuilder<M> where Key.Value == UUID {
        let joined = M.self == AccountModel.self ? query : query.join(AccountModel.self, on: account == \AccountModel.$id)
        return joined
            .join(PersonModel.self, on: \AccountModel.$personID == \PersonModel.$id, method: .left)
            .join(ProgrammeManagerModel.self, on: \AccountModel.$id == \ProgrammeManagerModel.$accountID, method: .left)
    }

    /// The holder the rows of `holderQuery` describe, nil when there are none.
    private static func holder<M: Model>(of rows: [M]) throws -> AccountHolder? {
        guard let first = rows.first else { return nil }
        let account = try (first as? AccountModel) ?? first.joined(AccountModel.self)
        // A left join with no person (or no managed programme) leaves that model's columns null.
        let person = account.personID == nil ? nil : try first.joined(PersonModel.self).domain
        let managed = rows.compactMap { try? $0.joined(ProgrammeManagerModel.self).programmeID }
        return AccountHolder(account: account.domain, person: person, managedProgrammes: Set(managed.map(Programme.ID.init)))
    }
}
