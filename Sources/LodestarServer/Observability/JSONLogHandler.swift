import Foundation
import Logging
import Synchronization

/// Where log lines go: standard output, or (in tests) a collector.
public struct LogSink: Sendable {
    let write: @Sendable (String) -> Void

    /// Creates a sink that hands each line, without its newline, to `write`.
    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Standard output, one whole line per write so that lines of concurrent requests never mix.
    public static let standardOutput: LogSink = {
        let lock = Mutex(())
        return LogSink { line in
            lock.withLock { _ in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        }
    }()
}

/// Writes each log event as one JSON object per line (`--log-format json`), for log collectors:
/// `time`, `level`, `label`, `message` and the event's metadata as fields — among them
/// `request_id` on every line logged for a request.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let sink: LogSink

    /// A handler for `label` writing to `sink`.
    public init(label: String, sink: LogSink = .standardOutput) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: Logger.Metadata.Value] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { fields[Self.names[key] ?? key] = value }
        fields["time"] = .string(Date().formatted(Self.time))
        fields["level"] = .string(event.level.rawValue)
        fields["label"] = .string(label)
        fields["message"] = .string(event.message.description)
        if let error = event.error { fields["error"] = .string(String(describing: error)) }
        var line = ""
        Self.write(.dictionary(fields), to: &line)
        sink.write(line)
    }

    /// Metadata keys as the lines name them.
    static let names = ["hb.request.id": "request_id"]

    static let time = Date.ISO8601FormatStyle.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)

    /// A metadata value as JSON, keys sorted: numbers and booleans stay numbers and booleans.
    /// Written by hand: `JSONSerialization` with sorted keys compared them through the locale and
    /// took half the time of a request for the style sheet.
    static func write(_ value: Logger.Metadata.Value, to line: inout String) {
        switch value {
        case .string(let text): quote(text, to: &line)
        case .stringConvertible(let value as Int): line += String(value)
        case .stringConvertible(let value as Double) where value.isFinite: line += String(value)
        case .stringConvertible(let value as Bool): line += value ? "true" : "false"
        case .stringConvertible(let value): quote(value.description, to: &line)
        case .array(let values):
            line += "["
            for (index, value) in values.enumerated() {
                if index > 0 { line += "," }
                write(value, to: &line)
            }
            line += "]"
        case .dictionary(let values):
            line += "{"
            for (index, key) in values.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { line += "," }
                quote(key, to: &line)
                line += ":"
                if let value = values[key] { write(value, to: &line) }
            }
            line += "}"
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quote(_ text: String, to line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }
}
