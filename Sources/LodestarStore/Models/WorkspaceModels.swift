import FluentKit
import Foundation
import LodestarCore

final class AgreementModel: Model, @unchecked Sendable {
    static let schema = "agreements"

    @ID(key: .id) var id: UUID?
    @Field(key: "relationship_id") var relationshipID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "expectations") var expectations: String
    @Field(key: "goals") var goals: String
    @Field(key: "time_frame") var timeFrame: String
    @Field(key: "cadence") var cadence: String
    @Field(key: "confidentiality") var confidentiality: String
    @Field(key: "ending") var ending: String
    @Field(key: "edited_by") var editedBy: UUID
    @Field(key: "edited_at") var editedAt: Date
    /// Who signed, as JSON text (`AgreementSignatures`); the two older signature columns are read only by M018.
    @OptionalField(key: "signatures") var signatures: String?

    init() {}

    func update(from agreement: Agreement) {
        relationshipID = agreement.relationshipID.uuid
        version = agreement.version
        expectations = agreement.terms.expectations
        goals = agreement.terms.goals
        timeFrame = agreement.terms.timeFrame
        cadence = agreement.terms.cadence
        confidentiality = agreement.terms.confidentiality
        ending = agreement.terms.ending
        editedBy = agreement.editedBy.uuid
        editedAt = agreement.editedAt
        signatures = AgreementSignatures.encode(Dictionary(uniqueKeysWithValues: agreement.signatures.map { ($0.key.uuid, $0.value) }))
    }
}

/// An agreement's signatures as JSON text, person to instant, the same on both databases.
enum AgreementSignatures {
    static func encode(_ signatures: [UUID: Date]) -> String {
        let object = Dictionary(uniqueKeysWithValues: signatures.map { ($0.key.uuidString, $0.value.timeIntervalSince1970) })
        return String(decoding: (try? JSONEncoder().encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ text: String?) -> [UUID: Date] {
        guard let text, let object = try? JSONDecoder().decode([String: Double].self, from: Data(text.utf8)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: object.compactMap { key, value in UUID(uuidString: key).map { ($0, Date(timeIntervalSince1970: value)) } })
    }
}

final class NoteModel: Model, @unchecked Sendable {
    static let schema = "notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "relationship_id") var relationshipID: UUID
    @Field(key: "author") var author: UUID
    @Field(key: "shared") var shared: Bool
    @Field(key: "text") var text: String
    @Field(key: "written_at") var writtenAt: Date

    init() {}

    init(_ note: Note) {
        id = note.id.uuid
        relationshipID = note.relationshipID.uuid
        author = note.author.uuid
        shared = note.shared
        text = note.text
        writtenAt = note.writtenAt
    }

    var domain: Note {
        Note(id: Note.ID(id!), relationshipID: Relationship.ID(relationshipID), author: Person.ID(author), shared: shared, text: text, writtenAt: writtenAt)
    }
}

final class HeldMeetingModel: Model, @unchecked Sendable {
    static let schema = "held_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "relationship_id") var relationshipID: UUID
    @Field(key: "held_on") var heldOn: Date
    @Field(key: "minutes") var minutes: Int
    @Field(key: "mode") var mode: String
    @Field(key: "logged_by") var loggedBy: UUID

    init() {}

    init(_ meeting: HeldMeeting) {
        id = meeting.id.uuid
        relationshipID = meeting.relationshipID.uuid
        heldOn = meeting.heldOn
        minutes = meeting.minutes
        mode = meeting.mode.rawValue
        loggedBy = meeting.loggedBy.uuid
    }
}
