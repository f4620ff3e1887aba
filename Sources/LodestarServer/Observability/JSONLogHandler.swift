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
        var fields: [String: Any] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[Self.names[key] ?? key] = Self.json(value)
        }
        fields["time"] = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        fields["level"] = event.level.rawValue
        fields["label"] = label
        fields["message"] = event.message.description
        if let error = event.error { fields["error"] = String(describing: error) }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        sink.write(String(decoding: data, as: UTF8.self))
    }

    /// Metadata keys as the lines name them.
    static let names = ["hb.request.id": "request_id"]

    /// A metadata value as JSON: numbers and booleans stay numbers and booleans.
    static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let value as Int): value
        case .stringConvertible(let value as Double) where value.isFinite: value
        case .stringConvertible(let value as Bool): value
        case .stringConvertible(let value): value.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }
}
