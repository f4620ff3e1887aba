import Foundation
import LodestarCore

// The workspace's inputs, read strictly like every API body; days are `yyyy-MM-dd` and read by
// the same rules as the pages' forms.

/// An agreement's six terms; each must be written.
struct AgreementInput: Decodable, Sendable {
    let expectations, goals, timeFrame, cadence, confidentiality, ending: String?

    var terms: [String: String] {
        ["expectations": expectations, "goals": goals, "timeFrame": timeFrame, "cadence": cadence,
         "confidentiality": confidentiality, "ending": ending].compactMapValues { $0 }
    }
}

/// Signing the version one read.
struct SignatureInput: Decodable, Sendable { let version: Int }

struct NoteInput: Decodable, Sendable {
    let text: String
    /// Shown to the other people of the relationship too; private to its author otherwise.
    let shared: Bool?
}

struct HeldMeetingInput: Decodable, Sendable {
    let heldOn: String
    let minutes: Int
    let mode: MeetingMode
}

struct GoalInput: Decodable, Sendable {
    let title: String
    let measure: String
    let competency: String?
    let due: String
}

struct GoalStateInput: Decodable, Sendable {
    let state: GoalState
    let note: String?
}

struct GoalUpdateInput: Decodable, Sendable {
    struct Action: Decodable, Sendable { let text: String; let owner: String?; let due: String }
    struct Milestone: Decodable, Sendable { let title: String; let due: String }
    let progress: Int
    let action: Action?
    let milestone: Milestone?
    /// The positions of the actions now done (the others become not done).
    let doneActions: [Int]?
    /// The positions of the milestones now reached.
    let reachedMilestones: [Int]?
}

/// A series of meetings: the first one's day and time, and how many at the programme's cadence.
struct MeetingSeriesInput: Decodable, Sendable {
    let date, time, timeZone: String
    let minutes: Int
    let mode: MeetingMode
    let place: String?
    let count: Int

    func plan() throws -> RelationshipWorkspace.MeetingPlan {
        try MeetingPlanInput(date: date, time: time, timeZone: timeZone, minutes: minutes, mode: mode, place: place).plan()
    }
}

/// A meeting arranged or moved: a day and a time in a time zone, as the page's form takes it.
struct MeetingPlanInput: Decodable, Sendable {
    let date: String
    let time: String
    let timeZone: String
    let minutes: Int
    let mode: MeetingMode
    let place: String?

    func plan() throws -> RelationshipWorkspace.MeetingPlan {
        let (start, zone) = try FormClock.moment(["date": date, "time": time, "timeZone": timeZone])
        return .init(startsAt: start, minutes: minutes, mode: mode, place: place ?? "", timeZone: zone.identifier)
    }
}

/// Why a relationship ends; the use case, which first asks who may end it, says when it is missing.
struct EndInput: Decodable, Sendable { let reason: String? }

// What the workspace shows: only to the people of the relationship.

struct WorkspaceBody: Encodable, Hashable, Sendable {
    struct Member: Encodable, Hashable, Sendable { let personId: String; let name: String; let role: String; let left: Bool }
    let relationshipId: String
    let cycleId: String
    let me: String
    let people: [Member]
    let agreement: AgreementBody?
    let goals: [GoalBody]
    let developmentGoals: [String]
    let meetings: [HeldMeetingBody]
    let minutes: Int
    let scheduled: [ScheduledMeetingBody]
    /// The caller's own notes and the others' shared ones.
    let notes: [NoteBody]
    let endedAt: Date?

    init(_ contents: RelationshipWorkspace.Contents) {
        let relationship = contents.relationship
        relationshipId = relationship.id.description
        cycleId = relationship.cycleID.description
        me = contents.me.description
        people = [Member(personId: contents.people.mentor.id.description, name: contents.people.mentor.name, role: "mentor", left: false)]
            + zip(relationship.members, contents.people.members).map { member, person in
                Member(personId: person.id.description, name: person.name, role: "mentee", left: member.leftAt != nil)
            }
        agreement = contents.agreement.map(AgreementBody.init)
        goals = contents.goals.map { GoalBody($0.goal) }
        developmentGoals = contents.developmentGoals
        meetings = contents.meetings.map(HeldMeetingBody.init)
        minutes = contents.minutes
        scheduled = contents.scheduled.map(ScheduledMeetingBody.init)
        notes = contents.notes.map(NoteBody.init)
        endedAt = relationship.endedAt
    }
}

struct AgreementBody: Encodable, Hashable, Sendable {
    struct Signature: Encodable, Hashable, Sendable { let personId: String; let signedAt: Date }
    let version: Int
    let terms: [String: String]
    let editedBy: String
    let editedAt: Date
    let signatures: [Signature]

    init(_ agreement: Agreement) {
        version = agreement.version
        terms = agreement.terms.values
        editedBy = agreement.editedBy.description
        editedAt = agreement.editedAt
        signatures = agreement.signatures.sorted { $0.value < $1.value }.map { Signature(personId: $0.key.description, signedAt: $0.value) }
    }
}

struct NoteBody: Encodable, Hashable, Sendable {
    let id: String
    let author: String
    let shared: Bool
    let text: String
    let writtenAt: Date

    init(_ note: Note) {
        id = note.id.description
        author = note.author.description
        shared = note.shared
        text = note.text
        writtenAt = note.writtenAt
    }
}

/// A pulse on a held meeting.
struct PulseInput: Decodable, Sendable {
    let rating: Int
    let comment: String?
    let shareComment: Bool?
    let fit: FitAnswer?
}

/// A pulse, as its author reads it back.
struct PulseBody: Encodable, Hashable, Sendable {
    let meetingId: String
    let rating: Int
    let comment: String
    let commentShared: Bool
    let fit: FitAnswer?
    let givenAt: Date
}

struct HeldMeetingBody: Encodable, Hashable, Sendable {
    let id: String
    let heldOn: String
    let minutes: Int
    let mode: MeetingMode
    let loggedBy: String

    init(_ meeting: HeldMeeting) {
        id = meeting.id.description
        heldOn = meeting.heldOn.day
        minutes = meeting.minutes
        mode = meeting.mode
        loggedBy = meeting.loggedBy.description
    }
}

struct GoalBody: Encodable, Hashable, Sendable {
    struct Action: Encodable, Hashable, Sendable { let text: String; let owner: String; let due: String; let done: Bool }
    struct Milestone: Encodable, Hashable, Sendable { let title: String; let due: String; let reachedOn: String? }
    let id: String
    let version: Int
    let title: String
    let measure: String
    let competency: String?
    let due: String
    let progress: Int
    let state: GoalState
    let stateNote: String
    let actions: [Action]
    let milestones: [Milestone]
    let editedBy: String
    let editedAt: Date

    init(_ goal: Goal) {
        id = goal.id.description
        version = goal.version
        title = goal.title
        measure = goal.measure
        competency = goal.competency
        due = goal.due.day
        progress = goal.progress
        state = goal.state
        stateNote = goal.stateNote
        actions = goal.actions.map { Action(text: $0.text, owner: $0.owner.description, due: $0.due.day, done: $0.done) }
        milestones = goal.milestones.map { Milestone(title: $0.title, due: $0.due.day, reachedOn: $0.reachedOn?.day) }
        editedBy = goal.editedBy.description
        editedAt = goal.editedAt
    }
}

struct ScheduledMeetingBody: Encodable, Hashable, Sendable {
    let id: String
    let startsAt: Date
    let minutes: Int
    let mode: MeetingMode
    let place: String
    let timeZone: String
    let cancelled: Bool
    let arrangedBy: String
    /// Goes up with every move and the cancellation; sent back as `If-Match`.
    let sequence: Int
    let seriesId: String?
    let heldMeetingId: String?

    init(_ meeting: ScheduledMeeting) {
        id = meeting.id.description
        seriesId = meeting.series?.id.uuidString.lowercased()
        heldMeetingId = meeting.heldAs?.description
        sequence = meeting.sequence
        startsAt = meeting.startsAt
        minutes = meeting.minutes
        mode = meeting.mode
        place = meeting.place
        timeZone = meeting.timeZone
        cancelled = meeting.cancelled
        arrangedBy = meeting.arrangedBy.description
    }
}

extension Date {
    /// The day as `yyyy-MM-dd` in UTC, where days from forms and the API are kept (at noon).
    var day: String { formatted(.iso8601.year().month().day()) }
}
