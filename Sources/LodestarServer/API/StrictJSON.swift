import Foundation
import LodestarCore
import Synchronization

/// Decodes a JSON body and finds the fields its type does not know, in one pass: the JSON
/// decoder is wrapped in one that notes, for every object the type reads, which keys it asked
/// for; any other key in that object is unknown. Objects read as open dictionaries (weights by
/// criterion) accept any key. Knowing the keys this way means no input type lists them twice.
enum StrictJSON {
    /// The body as `T` reads it, and its unknown fields, each with the nearest known field suggested.
    /// Decoding errors are the JSON decoder's own, as if it had decoded `T` alone.
    static func decode<T: Decodable>(_: T.Type, from data: Data) throws -> (body: T, unknownFields: [FieldIssue]) {
        let ledger = KeyLedger()
        let decoder = JSONDecoder()
        decoder.userInfo[KeyLedger.userInfoKey] = ledger
        let body = try decoder.decode(Noting<T>.self, from: data).body
        return (body, ledger.unknown())
    }

    /// The top of the body, where the ledger is handed to the wrapping decoder.
    private struct Noting<Body: Decodable>: Decodable {
        let body: Body
        init(from decoder: any Decoder) throws {
            guard let ledger = decoder.userInfo[KeyLedger.userInfoKey] as? KeyLedger else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "decoded without a key ledger"))
            }
            body = try Body(from: StrictDecoder(base: decoder, ledger: ledger))
        }
    }
}

/// The keys present and the keys asked for, per object of the body.
final class KeyLedger: Sendable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "lodestar.keyLedger")!

    struct Object {
        var path: String
        var present: [String]
        var asked: Set<String> = []
        /// The type iterated the keys itself (a dictionary): every key is known.
        var open = false
    }

    private let objects = Mutex<[String: Object]>([:])

    func present(_ keys: [String], at path: [any CodingKey]) {
        let name = JSONPath.text(path)
        objects.withLock { objects in
            if objects[name] == nil { objects[name] = Object(path: name, present: keys) }
        }
    }

    func asked(_ key: String, at path: [any CodingKey]) {
        let name = JSONPath.text(path)
        objects.withLock { _ = $0[name]?.asked.insert(key) }
    }

    func opened(at path: [any CodingKey]) {
        let name = JSONPath.text(path)
        objects.withLock { $0[name]?.open = true }
    }

    func unknown() -> [FieldIssue] {
        objects.withLock { objects in
            objects.values.filter { !$0.open }.sorted { $0.path < $1.path }.flatMap { object in
                object.present.filter { !object.asked.contains($0) }.sorted().map { key in
                    let field = object.path == "body" ? key : "\(object.path).\(key)"
                    let hint = Self.nearest(to: key, in: object.asked).map { "; did you mean '\($0)'?" } ?? "; known fields are \(object.asked.sorted().joined(separator: ", "))"
                    return FieldIssue(field: field, message: "is not a field of this body" + hint)
                }
            }
        }
    }

    /// The known key closest in spelling, if it is close enough to be the one meant.
    static func nearest(to key: String, in known: Set<String>) -> String? {
        let scored = known.map { ($0, distance(key.lowercased(), $0.lowercased())) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (name, score) = scored, score <= max(2, key.count / 3) else { return nil }
        return name
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A field's place in a body, written as the messages name it: `matching.weights`, `items[2].name`.
enum JSONPath {
    static func text(_ path: [any CodingKey]) -> String {
        let keys = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return keys.isEmpty ? "body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
}

/// Any key of a JSON object.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

/// A decoder that passes everything to `base` and tells the ledger what was asked for.
struct StrictDecoder: Decoder {
    let base: any Decoder
    let ledger: KeyLedger

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let container = try base.container(keyedBy: Key.self)
        ledger.present(try base.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue), at: codingPath)
        return KeyedDecodingContainer(StrictKeyedContainer(base: container, ledger: ledger))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        StrictUnkeyedContainer(base: try base.unkeyedContainer(), ledger: ledger)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StrictSingleValueContainer(base: try base.singleValueContainer(), decoder: self)
    }

    /// Values the JSON decoder reads by its own strategies, not through their `Decodable`.
    static func isLeaf<T>(_ type: T.Type) -> Bool {
        type == Date.self || type == Data.self || type == URL.self || type == Decimal.self
    }
}

struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let base: KeyedDecodingContainer<Key>
    let ledger: KeyLedger

    var codingPath: [any CodingKey] { base.codingPath }
    var allKeys: [Key] {
        ledger.opened(at: codingPath)
        return base.allKeys
    }

    private func ask(_ key: Key) { ledger.asked(key.stringValue, at: codingPath) }

    func contains(_ key: Key) -> Bool { ask(key); return base.contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { ask(key); return try base.decodeNil(forKey: key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { ask(key); return try base.decode(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { ask(key); return try base.decode(type, forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        ask(key)
        // A missing key is left to the JSON decoder, whose error says the field is required.
        if StrictDecoder.isLeaf(type) || !base.contains(key) { return try base.decode(type, forKey: key) }
        return try T(from: StrictDecoder(base: try base.superDecoder(forKey: key), ledger: ledger))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        ask(key)
        guard base.contains(key) else { return try base.nestedContainer(keyedBy: type, forKey: key) }
        return try StrictDecoder(base: try base.superDecoder(forKey: key), ledger: ledger).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        ask(key)
        return StrictUnkeyedContainer(base: try base.nestedUnkeyedContainer(forKey: key), ledger: ledger)
    }

    func superDecoder() throws -> any Decoder { StrictDecoder(base: try base.superDecoder(), ledger: ledger) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ask(key)
        return StrictDecoder(base: try base.superDecoder(forKey: key), ledger: ledger)
    }
}

struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
    var base: any UnkeyedDecodingContainer
    let ledger: KeyLedger

    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int? { base.count }
    var isAtEnd: Bool { base.isAtEnd }
    var currentIndex: Int { base.currentIndex }

    mutating func decodeNil() throws -> Bool { try base.decodeNil() }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try base.decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if StrictDecoder.isLeaf(type) { return try base.decode(type) }
        return try T(from: StrictDecoder(base: try base.superDecoder(), ledger: ledger))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try StrictDecoder(base: try base.superDecoder(), ledger: ledger).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        StrictUnkeyedContainer(base: try base.nestedUnkeyedContainer(), ledger: ledger)
    }

    mutating func superDecoder() throws -> any Decoder { StrictDecoder(base: try base.superDecoder(), ledger: ledger) }
}

struct StrictSingleValueContainer: SingleValueDecodingContainer {
    let base: any SingleValueDecodingContainer
    let decoder: StrictDecoder

    var codingPath: [any CodingKey] { base.codingPath }

    func decodeNil() -> Bool { base.decodeNil() }
    func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    func decode(_ type: String.Type) throws -> String { try base.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if StrictDecoder.isLeaf(type) { return try base.decode(type) }
        return try T(from: decoder)
    }
}
