import FluentKit
import Foundation
import LodestarCore

final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @OptionalField(key: "person_id") var personID: UUID?
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "is_admin") var isAdmin: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func update(from account: Account) {
        id = account.id.uuid
        email = account.email
        personID = account.personID?.uuid
        passwordHash = account.passwordHash
        isAdmin = account.isAdmin
        createdAt = account.createdAt
    }

    var domain: Account {
        Account(id: Account.ID(id!), email: email, personID: personID.map(Person.ID.init), passwordHash: passwordHash, isAdmin: isAdmin, createdAt: createdAt)
    }
}

final class ProgrammeManagerModel: Model, @unchecked Sendable {
    static let schema = "programme_managers"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "programme_id") var programmeID: UUID
    @OptionalField(key: "appointed_by") var appointedBy: String?
    @OptionalField(key: "appointed_at") var appointedAt: Date?

    init() {}

    init(account: Account.ID, programme: Programme.ID, appointed: Attribution?) {
        id = UUID()
        accountID = account.uuid
        programmeID = programme.uuid
        appointedBy = appointed?.by
        appointedAt = appointed?.at
    }
}
