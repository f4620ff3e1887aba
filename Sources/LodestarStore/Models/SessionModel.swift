import FluentKit
import Foundation
import LodestarCore

final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_digest") var tokenDigest: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    func update(from session: SignInSession) {
        tokenDigest = session.tokenDigest
        accountID = session.accountID.uuid
        csrfToken = session.csrfToken
        createdAt = session.createdAt
        expiresAt = session.expiresAt
    }

    var domain: SignInSession {
        SignInSession(tokenDigest: tokenDigest, accountID: Account.ID(accountID), csrfToken: csrfToken, createdAt: createdAt, expiresAt: expiresAt)
    }
}

final class SignInFailuresModel: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "count") var count: Int
    @Field(key: "first_at") var firstAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    func update(from failures: SignInFailures) {
        key = failures.key
        count = failures.count
        firstAt = failures.firstAt
        lockedUntil = failures.lockedUntil
    }

    var domain: SignInFailures { SignInFailures(key: key, count: count, firstAt: firstAt, lockedUntil: lockedUntil) }
}
