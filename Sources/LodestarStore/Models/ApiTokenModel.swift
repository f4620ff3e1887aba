import FluentKit
import Foundation
import LodestarCore

final class ApiTokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "digest") var digest: String
    @Field(key: "scope") var scope: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    func update(from token: ApiToken) {
        id = token.id.uuid
        name = token.name
        digest = token.digest
        scope = token.scope.rawValue
        createdBy = token.createdBy.uuid
        createdAt = token.createdAt
        revokedAt = token.revokedAt
    }

    func domain() throws -> ApiToken {
        ApiToken(id: ApiToken.ID(id!), name: name, digest: digest, scope: try StoredValue.decode(scope, as: ApiToken.Scope.self, column: "api_tokens.scope"), createdBy: Account.ID(createdBy), createdAt: createdAt, revokedAt: revokedAt)
    }
}
