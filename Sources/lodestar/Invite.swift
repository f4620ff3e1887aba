import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar invite`: invites the people of a CSV file to apply to a cycle, as the cycle's
/// applications page does — all-or-nothing, each bad line named.
struct Invite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invite people to apply to a cycle as mentor or mentee, from a CSV file (person_id or email, and role).",
        discussion: "Each invited person gets a message with the application form's address; one who never signed in also gets a link to choose a password. Those already invited, applying or enrolled are left as they are.")

    @Option(help: "An admin's account, whose rights act (and whom the invitations name).") var admin: String
    @Option(help: "The cycle's id.") var cycle: String
    @Option(help: "The CSV file: columns person_id (HR id) or email, and role.") var file: String
    @Option(help: "The site's public address, for the messages' links (env LODESTAR_PUBLIC_URL).") var publicURL: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let cycleID = Cycle.ID(cycle) else { throw ArgumentParser.ValidationError("--cycle '\(cycle)' is not a cycle id") }
        let text = try CSVText.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
        let credentials = BcryptCredentials()
        let address = Settings(flags: ["public.url": publicURL]).optionalString("public.url") ?? ""
        let summary: InvitationSummary
        do {
            summary = try await reportingValidation {
                try await withStore(database, creating: false) { store in
                    let principal = try await adminPrincipal(admin, in: store, credentials: credentials)
                    return try await Applications(store: store, principal: principal, accounts: AccountLinks(store: store, credentials: credentials, publicURL: address))
                        .invite(file: text, to: cycleID, now: Date())
                }
            }
        } catch let error as CSVImportError {
            throw ArgumentParser.ValidationError("\(file): nobody was invited:\n" + error.issues.map(\.description).joined(separator: "\n"))
        }
        print(summary.invited.isEmpty ? "Nobody new was invited." : "Invited \(summary.invited.count): \(summary.invited.joined(separator: ", "))")
        if !summary.alreadyInvited.isEmpty { print("Already invited, applying or enrolled (left as they are): \(summary.alreadyInvited.joined(separator: ", "))") }
    }
}
