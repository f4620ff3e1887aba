import Foundation

/// Runs the built `lodestar` executable, as a user at a terminal would.
public enum LodestarBinary {
    /// What a run printed and how it ended.
    public struct Run: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    /// The executable next to the test bundle.
    public static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lodestar").path
    }

    /// Runs `lodestar` with `arguments` and waits for it.
    public static func run(_ arguments: [String]) throws -> Run {
        let directory = FileManager.default.temporaryDirectory
        let out = directory.appendingPathComponent("lodestar-out-\(UUID().uuidString)").path
        let err = directory.appendingPathComponent("lodestar-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let status = try ChildProcess.run(path, arguments, outputPath: out, errorPath: err)
        return Run(status: status, output: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                   errors: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
