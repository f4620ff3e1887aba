import Foundation

/// What the background job sends (M20): a reminder to both people a day before each arranged
/// meeting, and a nudge to pairs whose relationship needs attention or is at risk — at most one
/// per cadence; the mentors' own nudges (`MentorNudges`); the surveys' announcements and reminders. Each is claimed in the database in the same transaction that writes its
/// notices, so with several app servers every message is written exactly once.
public struct Nudges: Sendable {
    let store: any LodestarRepositories
    let publicURL: String
    /// How long before a meeting its reminder goes out.
    public static let reminderLead: TimeInterval = 24 * 3600

    /// Creates the job.
    public init(store: any LodestarRepositories, publicURL: String = "") {
        self.store = store
        self.publicURL = publicURL
    }

    /// What one run wrote.
    public struct Outcome: Sendable, Equatable {
        public var reminders = 0
        public var nudges = 0
        /// Mentee-choice requests left unanswered that passed to the next choice.
        public var expiredRequests = 0
        /// Messages announcing an open survey, and reminders of one closing.
        public var surveysOpened = 0
        public var surveyReminders = 0
        /// Mentors nudged about a relationship without meetings in two cadences, and about a request waiting on them.
        public var mentorNudges = 0
        public var requestNudges = 0
        /// Nothing written.
        public init() {}
    }

    /// Writes the reminders and nudges that are due at `now`.
    @discardableResult
    public func run(now: Date) async throws -> Outcome {
        var outcome = Outcome()
        let writer = NoticeWriter(publicURL: publicURL, now: now)
        outcome.expiredRequests = try await MenteeChoice.expire(store: store, now: now)
        for meeting in try await store.meetingsAwaitingReminder(startingBefore: now.addingTimeInterval(Self.reminderLead), after: now) {
            guard let relationship = try await store.relationship(meeting.relationshipID), relationship.endedAt == nil,
                  let people = try await store.people(of: relationship) else { continue }
            let about = writer.about(try await store.programmeID(of: relationship))
            let notices = people.current.map { about.reminder(meeting, to: $0, with: people.others(than: $0.id)) }
            if try await claimed(notices, [], { try await $0.claimReminder(of: meeting.id, now: now) }) { outcome.reminders += 1 }
        }
        let mentors = MentorNudges(store: store, writer: writer)
        outcome.requestNudges = try await mentors.waitingRequests(now: now)
        let oversight = RelationshipWorkspace(store: store, principal: .commandLine)
        for (programme, relationships) in try await openRelationshipsByProgramme() {
            for pair in try await oversight.oversight(of: relationships, in: programme, now: now) where pair.health < .onTrack {
                // A pair with its next meeting arranged needs no nudge.
                let arranged = try await store.scheduledMeetings(of: pair.relationship.id).contains { !$0.cancelled && $0.startsAt > now }
                guard !arranged, let people = try await store.people(of: pair.relationship) else { continue }
                let about = writer.about(programme.id)
                let notices = people.current.map { about.nudge(pair, to: $0, with: people.others(than: $0.id), cadence: programme.cadence) }
                let since = now.addingTimeInterval(-TimeInterval(programme.cadence.days) * 86400)
                // Integrations hear of a pair at risk with its nudge: once per cadence at most.
                let events = pair.health == .atRisk ? [WebhookEvent.relationship(.relationshipAtRisk, pair.relationship, at: now)] : []
                if try await claimed(notices, events, { try await $0.claimNudge(of: pair.relationship.id, notNudgedSince: since, now: now) }) { outcome.nudges += 1 }
                if try await mentors.quietPair(pair, people, in: programme, now: now) { outcome.mentorNudges += 1 }
            }
        }
        (outcome.surveysOpened, outcome.surveyReminders) = try await SurveyAnnouncements(store: store, writer: writer).run(now: now)
        return outcome
    }

    /// Writes `notices` and `events` if `claim` wins, all in one transaction.
    private func claimed(_ notices: [Notice], _ events: [WebhookEvent], _ claim: @escaping @Sendable (any LodestarRepositories) async throws -> Bool) async throws -> Bool {
        try await store.inTransaction { tx in
            guard try await claim(tx) else { return false }
            for notice in notices { try await tx.save(notice) }
            try await tx.enqueue(events)
            return true
        }
    }

    private func openRelationshipsByProgramme() async throws -> [(Programme, [Relationship])] {
        var result: [(Programme, [Relationship])] = []
        for (cycleID, relationships) in Dictionary(grouping: try await store.openRelationshipsInActiveCycles(), by: \.cycleID) {
            guard let (_, programme) = try await store.cycleWithProgramme(cycleID) else { continue }
            result.append((programme, relationships))
        }
        return result
    }
}
