import ArgumentParser
import Foundation
import LodestarCore
import LodestarServer

/// `lodestar users …`: accounts that exist before anyone can sign in.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage accounts.", subcommands: [CreateAdmin.self])
}

/// `lodestar users create-admin --email …`: the first organisation admin (or a new one).
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an organisation admin, or make an existing account one and set its password.",
        discussion: "Asks for the password twice on a terminal; otherwise, or with --generate-password, makes one up and prints it.")

    @Option(help: "The admin's email address; a person of the directory with this email is linked to the account.") var email: String
    @Flag(help: "Generate a strong password and print it instead of asking for one.") var generatePassword = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let credentials = BcryptCredentials()
        var password: String
        var generated = false
        if generatePassword || isatty(STDIN_FILENO) == 0 {
            password = String(credentials.newToken().prefix(20))
            generated = true
        } else {
            password = String(cString: getpass("Password (10 characters or more): "))
            guard String(cString: getpass("The same password again: ")) == password else {
                throw ArgumentParser.ValidationError("The two passwords differ; nothing was changed.")
            }
        }
        do {
            let account = try await withStore(database) { store in
                try await Authentication(store: store, credentials: credentials).createAdmin(email: email, password: password, now: Date())
            }
            print("Organisation admin \(account.email) can sign in now." + (generated ? " Password: \(password)" : ""))
        } catch let error as LodestarCore.ValidationError {
            throw ArgumentParser.ValidationError(error.summary)
        }
        password = ""
    }
}
