import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar webhooks …`: the endpoints told of events, as on the Webhooks page.
struct Webhooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Register, list and remove webhook endpoints, and read their deliveries.",
                                                    subcommands: [AddWebhook.self, ListWebhooks.self, WebhookDeliveries.self, RemoveWebhook.self])
}

/// The registry, acting for the admin named on the command line.
private func registry<T>(_ admin: String, _ database: DatabaseOptions, _ work: @escaping @Sendable (WebhookRegistry) async throws -> T) async throws -> T {
    let credentials = BcryptCredentials()
    return try await reportingValidation {
        try await withStore(database, creating: false) { store in
            try await work(WebhookRegistry(store: store, principal: try await adminPrincipal(admin, in: store, credentials: credentials), credentials: credentials))
        }
    }
}

struct AddWebhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register an endpoint and print its id and signing secret (shown once).")
    @Option(help: "An admin's account, whose rights register it.") var admin: String
    @Option(help: "The https address events are posted to.") var url: String
    @Option(name: .customLong("event"), help: "An event to send (repeat): \(WebhookEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var events: [String] = []
    @Option(help: "What the endpoint is.") var description: String = ""
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = WebhookSettings(url: url, events: events, description: description)
        let endpoint = try await registry(admin, database) { try await $0.register(settings, now: Date()) }
        print("\(endpoint.id)\t\(endpoint.secret)")
    }
}

struct ListWebhooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the endpoints: id, state, events, address.")
    @Option(help: "An admin's account, whose rights list them.") var admin: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        for endpoint in try await registry(admin, database, { try await $0.endpoints() }) {
            print([endpoint.id.description, endpoint.active ? "active" : "paused", endpoint.orderedEvents.map(\.rawValue).joined(separator: ","), endpoint.url]
                .joined(separator: "\t"))
        }
    }
}

struct WebhookDeliveries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "An endpoint's newest deliveries: made, event, state, attempts, last answer.")
    @Option(help: "An admin's account, whose rights read them.") var admin: String
    @Option(help: "The endpoint's id (from 'webhooks list').") var id: String
    @Option(help: "How many, newest first (1–500).") var limit: Int = 50
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let endpoint = WebhookEndpoint.ID(id) else { throw ArgumentParser.ValidationError("--id '\(id)' is not an endpoint id") }
        let page = try await reportingValidation { try PageRequest(offset: 0, limit: limit) }
        for delivery in try await registry(admin, database, { try await $0.deliveries(of: endpoint, page: page) }).items {
            print([delivery.createdAt.formatted(.iso8601), delivery.kind.rawValue, delivery.state.rawValue, String(delivery.attempts),
                   delivery.lastStatus.map { "HTTP \($0)" } ?? delivery.lastError ?? "-"].joined(separator: "\t"))
        }
    }
}

struct RemoveWebhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an endpoint and its delivery log.")
    @Option(help: "An admin's account, whose rights remove it.") var admin: String
    @Option(help: "The endpoint's id (from 'webhooks list').") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let endpoint = WebhookEndpoint.ID(id) else { throw ArgumentParser.ValidationError("--id '\(id)' is not an endpoint id") }
        try await registry(admin, database) { try await $0.remove(endpoint) }
        print("Removed \(endpoint).")
    }
}
