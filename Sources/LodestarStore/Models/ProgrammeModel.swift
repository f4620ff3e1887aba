import FluentKit
import Foundation
import LodestarCore

final class ProgrammeModel: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "objectives") var objectives: String
    @Field(key: "focus_competencies") var focusCompetencies: [String]
    @Field(key: "format") var format: String
    @Field(key: "duration_weeks") var durationWeeks: Int
    @Field(key: "cadence") var cadence: String
    /// Matching settings as one JSON document; absent means the format's defaults.
    @OptionalField(key: "matching") var matching: MatchingSettings?
    @OptionalField(key: "archived_at") var archivedAt: Date?

    init() {}

    init(_ programme: Programme) { update(from: programme) }

    func update(from programme: Programme) {
        id = programme.id.uuid
        name = programme.name
        objectives = programme.objectives
        focusCompetencies = programme.focusCompetencies
        format = programme.format.rawValue
        durationWeeks = programme.durationWeeks
        cadence = programme.cadence.rawValue
        matching = programme.matching
        archivedAt = programme.archivedAt
    }

    func domain() throws -> Programme {
        Programme(
            id: Programme.ID(id!), name: name, objectives: objectives, focusCompetencies: focusCompetencies,
            format: try StoredValue.decode(format, as: MentoringFormat.self, column: "programmes.format"),
            durationWeeks: durationWeeks,
            cadence: try StoredValue.decode(cadence, as: MeetingCadence.self, column: "programmes.cadence"),
            matching: matching, archivedAt: archivedAt
        )
    }
}

/// Enums are stored as strings; a value this version does not know is a corrupt or newer database.
enum StoredValue {
    struct Unknown: Error, CustomStringConvertible {
        let column: String
        let value: String
        var description: String { "\(column) holds '\(value)', which this version of Lodestar does not know; is the database from a newer version?" }
    }

    static func decode<T: RawRepresentable>(_ raw: String, as: T.Type, column: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw Unknown(column: column, value: raw) }
        return value
    }

    /// A value as a JSON document in a text column.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// A text column's JSON document, or the error that names the column.
    static func decodeJSON<T: Decodable>(_ text: String, as type: T.Type, column: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw Unknown(column: column, value: String(text.prefix(80)))
        }
    }
}
