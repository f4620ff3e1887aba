import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar tokens …`: API tokens for scripts and integrations, as on the API tokens page.
struct Tokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create, list and revoke API tokens.",
                                                    subcommands: [CreateToken.self, ListTokens.self, RevokeToken.self])
}

/// The admin a token is made for: it acts with their rights, within its scope.
func adminPrincipal(_ email: String, in store: any LodestarRepositories, credentials: any Credentials) async throws -> Principal {
    guard let account = try await store.account(email: email.lowercased()), account.isAdmin else {
        throw ArgumentParser.ValidationError("\(email) is not an organisation admin's account; a token acts for an admin")
    }
    return try await Authentication(store: store, credentials: credentials).principal(for: account)
}

struct CreateToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a token for an admin and print it (it is shown once).")
    @Option(help: "The admin the token acts for.") var admin: String
    @Option(help: "What uses the token.") var name: String
    @Option(help: "read (only reads) or write.") var scope: String = "read"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let scope = ApiToken.Scope(rawValue: scope) else { throw ArgumentParser.ValidationError("--scope '\(scope)' is not read or write") }
        let credentials = BcryptCredentials()
        let (token, _) = try await reportingValidation {
            try await withStore(database, creating: false) { store in
                try await Authentication(store: store, credentials: credentials)
                    .createToken(name: name, scope: scope, by: try await adminPrincipal(admin, in: store, credentials: credentials), now: Date())
            }
        }
        print(token)
    }
}

struct ListTokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens: id, scope, created, revoked, name.")
    @Option(help: "An admin's account, whose rights list them.") var admin: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let credentials = BcryptCredentials()
        let tokens = try await withStore(database, creating: false) { store in
            try await Authentication(store: store, credentials: credentials).tokens(for: try await adminPrincipal(admin, in: store, credentials: credentials))
        }
        for token in tokens.sorted(by: { $0.createdAt < $1.createdAt }) {
            print([token.id.description, token.scope.rawValue, token.createdAt.formatted(.iso8601), token.revokedAt?.formatted(.iso8601) ?? "active", token.name]
                .joined(separator: "\t"))
        }
    }
}

struct RevokeToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token; it stops working at once.")
    @Option(help: "An admin's account, whose rights revoke it.") var admin: String
    @Option(help: "The token's id (from 'tokens list').") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let tokenID = ApiToken.ID(id) else { throw ArgumentParser.ValidationError("--id '\(id)' is not a token id") }
        let credentials = BcryptCredentials()
        try await reportingValidation {
            try await withStore(database, creating: false) { store in
                try await Authentication(store: store, credentials: credentials)
                    .revokeToken(tokenID, by: try await adminPrincipal(admin, in: store, credentials: credentials), now: Date())
            }
        }
        print("Revoked \(tokenID).")
    }
}

/// The use cases' refusals as command-line errors.
func reportingValidation<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as LodestarCore.ValidationError {
        throw ArgumentParser.ValidationError(error.summary)
    }
}
