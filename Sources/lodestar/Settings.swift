import ArgumentParser
import Configuration
import Foundation
import LodestarServer
import LodestarStore

/// Options every command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "Database: sqlite://FILE or postgres://user:pass@host:port/db (env LODESTAR_DATABASE_URL; default sqlite://lodestar.sqlite).")
    var databaseURL: String?
}

/// Settings resolved in one place: command-line flags, then environment variables, then defaults.
struct Settings {
    let reader: ConfigReader

    /// `flags` are the values given on the command line, keyed like `database.url`.
    init(flags: [String: String?], environment: [String: String] = ProcessInfo.processInfo.environment) {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for case let (key, value?) in flags {
            values[AbsoluteConfigKey(["lodestar"] + key.split(separator: ".").map(String.init))] = .init(.string(value), isSecret: false)
        }
        reader = ConfigReader(providers: [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(["LODESTAR_DATABASE_URL", "LODESTAR_SMTP_URL", "LODESTAR_METRICS_SECRET"])),
        ])
    }

    func database() throws -> DatabaseLocation {
        let url = reader.string(forKey: "lodestar.database.url", isSecret: true, default: DatabaseLocation.defaultURL)
        do { return try DatabaseLocation(url: url) } catch { throw ValidationError(error.description) }
    }

    /// A setting that may be absent.
    func optionalString(_ key: String) -> String? {
        reader.string(forKey: ConfigKey("lodestar." + key), isSecret: key.hasSuffix("url"))
    }

    func string(_ key: String, default fallback: String) -> String {
        reader.string(forKey: ConfigKey("lodestar." + key), default: fallback)
    }

    /// An integer setting; a value that isn't one is an error that names the setting, never a silent default.
    func integer<T: FixedWidthInteger>(_ key: String, default fallback: T, range: ClosedRange<T>) throws -> T {
        let text = reader.string(forKey: ConfigKey("lodestar." + key), default: String(fallback))
        guard let value = T(text), range.contains(value) else {
            let variable = "LODESTAR_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
            throw ValidationError("\(key) '\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound) (flag --\(key.replacingOccurrences(of: ".", with: "-")) or \(variable))")
        }
        return value
    }
}
