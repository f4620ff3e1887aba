import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar managers …`: who runs a programme, as on the programme's page.
struct Managers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List, appoint and remove a programme's managers; each change records the admin and the time.",
                                                    subcommands: [ListManagers.self, AppointManager.self, RemoveManager.self])
}

/// The options every `managers` command takes.
struct ManagerOptions: ParsableArguments {
    @Option(help: "An admin's account, whose rights act (and whom the record names).") var admin: String
    @Option(help: "The programme's id.") var programme: String
    @OptionGroup var database: DatabaseOptions

    var programmeID: Programme.ID {
        get throws {
            guard let id = Programme.ID(programme) else { throw ArgumentParser.ValidationError("--programme '\(programme)' is not a programme id") }
            return id
        }
    }

    /// Runs `work` with the appointments use case acting for the admin; `publicURL` lets it invite.
    func appointments<T>(publicURL: String? = nil, _ work: @escaping @Sendable (ManagerAppointments) async throws -> T) async throws -> T {
        let credentials = BcryptCredentials()
        let address = Settings(flags: ["public.url": publicURL]).optionalString("public.url")
        return try await reportingValidation {
            try await withStore(database, creating: false) { store in
                let principal = try await adminPrincipal(admin, in: store, credentials: credentials)
                return try await work(ManagerAppointments(store: store, principal: principal,
                                                          invitations: address.map { AccountLinks(store: store, credentials: credentials, publicURL: $0) }))
            }
        }
    }
}

struct ListManagers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the managers: account id, email, name, appointed by, appointed at.")
    @OptionGroup var options: ManagerOptions

    func run() async throws {
        let id = try options.programmeID
        for manager in try await options.appointments({ try await $0.managers(of: id) }) {
            print([manager.account.description, manager.email, manager.name ?? "", manager.appointed?.by ?? "",
                   manager.appointed.map { $0.at.formatted(.iso8601) } ?? ""].joined(separator: "\t"))
        }
    }
}

struct AppointManager: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appoint", abstract: "Appoint a manager by email.",
        discussion: "Someone of the people directory without an account gets one and an invitation to choose a password, when --public-url (or LODESTAR_PUBLIC_URL) says where the site is.")
    @OptionGroup var options: ManagerOptions
    @Option(help: "The new manager's email.") var email: String
    @Option(help: "The site's public address, for the invitation's link (env LODESTAR_PUBLIC_URL).") var publicURL: String?

    func run() async throws {
        let (id, email) = (try options.programmeID, email)
        let appointment = try await options.appointments(publicURL: publicURL) { try await $0.appoint(email: email, toManage: id, now: Date()) }
        print("\(appointment.manager.described) manages the programme now" + (appointment.invited ? "; an invitation to choose a password is in the outbox." : "."))
    }
}

struct RemoveManager: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "End a manager's appointment; it counts from their next request.")
    @OptionGroup var options: ManagerOptions
    @Option(help: "The manager's email.") var email: String

    func run() async throws {
        let (id, email) = (try options.programmeID, email.lowercased())
        try await options.appointments { appointments in
            guard let manager = try await appointments.managers(of: id).first(where: { $0.email == email }) else {
                throw ArgumentParser.ValidationError("\(email) does not manage this programme")
            }
            try await appointments.remove(manager.account, from: id, now: Date())
        }
        print("\(email) no longer manages the programme.")
    }
}
