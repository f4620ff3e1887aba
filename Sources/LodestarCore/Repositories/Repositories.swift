import Foundation

/// Filters for the people directory.
public struct PeopleQuery: Sendable, Equatable {
    /// Part of a name, case-insensitive.
    public var name: String?
    /// Exact department.
    public var department: String?
    /// Direct reports of this manager.
    public var managerID: Person.ID?
    /// Creates a query; nil fields don't filter.
    public init(name: String? = nil, department: String? = nil, managerID: Person.ID? = nil) {
        self.name = name
        self.department = department
        self.managerID = managerID
    }
}

/// The people directory as stored.
public protocol PeopleRepository: Sendable {
    /// People matching `query`, ordered by name.
    func people(matching query: PeopleQuery, page: PageRequest) async throws -> Page<Person>
    /// Everyone, for imports and exports.
    func allPeople() async throws -> [Person]
    func person(_ id: Person.ID) async throws -> Person?
    /// The people with these ids (those that exist), in one query.
    func people(ids: Set<Person.ID>) async throws -> [Person]
    /// The names of the people with these ids (those that exist), in one light query.
    func names(of ids: Set<Person.ID>) async throws -> [Person.ID: String]
    /// Each person's manager (nil at the top), the whole directory's reporting lines in one
    /// light query, for the reporting-line rule.
    func reportingLines() async throws -> [Person.ID: Person.ID?]
    /// The people enrolled in a cycle, by id, in one query.
    func people(enrolledIn cycle: Cycle.ID) async throws -> [Person.ID: Person]
    func person(externalID: String) async throws -> Person?
    func person(email: String) async throws -> Person?
    /// The departments in use, sorted.
    func departments() async throws -> [String]
    /// Inserts or updates one person.
    func save(_ person: Person) async throws
    /// Writes an import all-or-nothing: inserts then updates, in one transaction.
    func apply(_ plan: PeopleImportPlan) async throws
}

/// The competency catalogue.
public protocol CompetencyRepository: Sendable {
    /// All competencies, ordered by name.
    func competencies() async throws -> [Competency]
    func competency(slug: String) async throws -> Competency?
    /// Inserts or updates one competency.
    func save(_ competency: Competency) async throws
}

/// Programmes and their cycles.
public protocol ProgrammeRepository: Sendable {
    func programmes(page: PageRequest) async throws -> Page<Programme>
    /// The programmes with these ids (every one for nil), by name, in one query.
    func programmes(ids: Set<Programme.ID>?) async throws -> [Programme]
    func programme(_ id: Programme.ID) async throws -> Programme?
    /// Inserts or updates one programme.
    func save(_ programme: Programme) async throws
    /// The cycles of a programme, oldest first.
    func cycles(of programme: Programme.ID) async throws -> [Cycle]
    /// The cycles of any of these programmes, oldest first, each with its enrolments counted by
    /// role, in one query.
    func cyclesWithCounts(ofAny programmes: [Programme.ID]) async throws -> [(cycle: Cycle, counts: [EnrolmentRole: Int])]
    func cycles(page: PageRequest) async throws -> Page<Cycle>
    func cycle(_ id: Cycle.ID) async throws -> Cycle?
    /// A cycle with its programme, read together.
    func cycleWithProgramme(_ id: Cycle.ID) async throws -> (cycle: Cycle, programme: Programme)?
    /// Inserts or updates one cycle.
    func save(_ cycle: Cycle) async throws
}

/// Who takes part in which cycle.
public protocol EnrolmentRepository: Sendable {
    func enrolments(in cycle: Cycle.ID, role: EnrolmentRole?, page: PageRequest) async throws -> Page<Enrolment>
    /// One page of a cycle's participants, by role, with their people, in one query.
    func participants(in cycle: Cycle.ID, page: PageRequest) async throws -> Page<Participant>
    /// Every enrolment of a cycle.
    func allEnrolments(in cycle: Cycle.ID) async throws -> [Enrolment]
    func enrolment(_ id: Enrolment.ID) async throws -> Enrolment?
    /// The enrolments of one person, across cycles.
    func enrolments(of person: Person.ID) async throws -> [Enrolment]
    /// How many mentors and mentees a cycle has.
    func enrolmentCounts(in cycle: Cycle.ID) async throws -> [EnrolmentRole: Int]
    /// Inserts or updates one enrolment.
    func save(_ enrolment: Enrolment) async throws
    /// Inserts or updates many enrolments all-or-nothing.
    func save(all enrolments: [Enrolment]) async throws
    /// Removes an enrolment (a withdrawn or reversed application, before matching).
    func removeEnrolment(_ id: Enrolment.ID) async throws
}

/// Declared conflicts of interest.
public protocol ConflictRepository: Sendable {
    /// Every declaration.
    func conflicts() async throws -> [ConflictOfInterest]
    func conflict(_ id: ConflictOfInterest.ID) async throws -> ConflictOfInterest?
    /// The declaration between the two people, if there is one.
    func conflict(between people: PersonPair) async throws -> ConflictOfInterest?
    /// A page of declarations with the two people's names, newest first: every one (nil), or those
    /// with someone enrolled in a cycle of one of `programmes`, in one query.
    func namedConflicts(involving programmes: Set<Programme.ID>?, page: PageRequest) async throws -> Page<NamedConflict>
    func save(_ conflict: ConflictOfInterest) async throws
    /// Removes a declaration; false when there was none with that id.
    func delete(_ conflict: ConflictOfInterest.ID) async throws -> Bool
}

/// What a matching plan is made from: the cycle and its programme, the enrolled people and
/// the directory's reporting lines, conflicts of interest, earlier relationships, who finished
/// their training — and the
/// revision that says whether they changed.
public typealias MatchingInputs = PeopleRepository & ProgrammeRepository & EnrolmentRepository & ConflictRepository & RelationshipRepository & TrainingRepository
    & PlanningRevisionReading

/// What the pages of programmes and their cycles read: programmes, cycles, counts of enrolments.
public typealias ProgrammeReading = ProgrammeRepository & EnrolmentRepository

/// Everything Lodestar stores. Use cases that only read name the narrower protocols above (a
/// store of everything is one of each); those that write in a transaction take this one.
public protocol LodestarRepositories: PeopleRepository, CompetencyRepository, ProgrammeRepository, EnrolmentRepository, ConflictRepository,
    AccountRepository, OutboxRepository, RelationshipRepository, WorkspaceRepository, CalendarRepository, MentorRequestRepository, SpeedEventRepository, WebhookRepository, PrincipalReading, AdministrativeRecord, ReadinessRepository, ImportRepository, ApplicationRepository, TrainingRepository, SurveyRepository, AssessmentRepository, RecognitionRepository, CertificateRepository, KudosRepository, OutcomeRepository, SuccessionRepository,
    PlanningRevisionReading, DataRevisionReading {
    /// True when nothing has been stored yet (the demo seeds only such a store).
    func isEmpty() async throws -> Bool
    /// Runs `work` all-or-nothing: every write it makes through the given store commits together or not at all.
    func inTransaction<T: Sendable>(_ work: @Sendable @escaping (any LodestarRepositories) async throws -> T) async throws -> T
    /// Which database answers, e.g. "sqlite"; fails when it cannot be reached.
    func ping() async throws -> String
    /// This server's database connections by state (`active`, `idle`, …) and how many it may
    /// open, where the database tells (PostgreSQL); nil where it does not (SQLite, one connection).
    func connectionUse() async throws -> ConnectionUse?
    /// Inside a transaction: holds `record` against other writers until the transaction ends, so
    /// that what is read of it next is what the transaction's writes replace (a conditional update).
    func lockForChange(_ record: LockedRecord) async throws
}


/// Relationships created by published matchings.
public protocol RelationshipRepository: Sendable {
    /// The relationships of a cycle.
    func relationships(in cycle: Cycle.ID) async throws -> [Relationship]
    /// The relationships of every cycle of a programme.
    func relationships(ofProgramme programme: Programme.ID) async throws -> [Relationship]
    /// The relationships a person is in, as mentor or member.
    func relationships(of person: Person.ID) async throws -> [Relationship]
    /// Inserts relationships with their members; a mentee with two open relationships in one
    /// cycle is refused by the database.
    func insert(_ relationships: [Relationship]) async throws
    /// Adds a member to a group (after its last); refused by the database like `insert`.
    func add(_ member: Relationship.Member, to relationship: Relationship) async throws
    /// Records that a member left a group that goes on; they may be matched again.
    func leave(_ relationship: Relationship.ID, member: Person.ID, at: Date, reason: String) async throws
    /// Holds a mentor's enrolment for the rest of the transaction, so two pairings racing for
    /// their last place run one after the other and the second sees the first.
    func holdMentor(_ enrolment: Enrolment.ID) async throws
    /// Records how and why a relationship ended.
    func end(_ relationship: Relationship.ID, at: Date, reason: String) async throws
    /// Relationships not ended, of cycles that are active (the ones the background job looks after).
    func openRelationshipsInActiveCycles() async throws -> [Relationship]
    /// Marks a relationship nudged at `now` unless it was nudged since `notNudgedSince`; true
    /// for the one caller that marked it (the others, racing, get false).
    func claimNudge(of relationship: Relationship.ID, notNudgedSince: Date, now: Date) async throws -> Bool
    /// Marks a relationship's mentor nudged unless they were since `notNudgedSince`: true for the one caller that marks it.
    func claimMentorNudge(of relationship: Relationship.ID, notNudgedSince: Date, now: Date) async throws -> Bool
}

/// Meetings arranged ahead, and the secret calendar feeds that list them.
public protocol CalendarRepository: Sendable {
    /// A relationship's arranged meetings, soonest first, cancelled ones included.
    func scheduledMeetings(of relationship: Relationship.ID) async throws -> [ScheduledMeeting]
    func scheduledMeeting(_ id: ScheduledMeeting.ID) async throws -> ScheduledMeeting?
    /// Inserts or updates one meeting.
    func save(_ meeting: ScheduledMeeting) async throws
    /// Meetings not cancelled and not yet reminded of, starting after `after` and before `startingBefore`.
    func meetingsAwaitingReminder(startingBefore: Date, after: Date) async throws -> [ScheduledMeeting]
    /// Marks a meeting reminded unless it already was; true for the one caller that marked it.
    func claimReminder(of meeting: ScheduledMeeting.ID, now: Date) async throws -> Bool
    /// Records that an arranged meeting took place as `held` unless it was confirmed already; true for the one caller that records it.
    func claimHeld(_ meeting: ScheduledMeeting.ID, as held: HeldMeeting.ID) async throws -> Bool
    /// Sets an account's feed secret (its digest), replacing any earlier one.
    func saveCalendarFeed(account: Account.ID, digest: String, createdAt: Date) async throws
    /// The account whose feed has this digest.
    func calendarFeedAccount(digest: String) async throws -> Account.ID?
    /// When the account's current feed address was made, if it has one.
    func calendarFeedCreated(account: Account.ID) async throws -> Date?
}

/// What a mentor and mentee keep in their relationship: agreement versions, notes, meetings held.
public protocol WorkspaceRepository: Sendable {
    func relationship(_ id: Relationship.ID) async throws -> Relationship?
    /// Every version of the agreement, oldest first.
    func agreements(of relationship: Relationship.ID) async throws -> [Agreement]
    /// Every version of the agreements of these relationships, oldest first (a cycle's, for its oversight).
    func agreements(ofAny relationships: [Relationship.ID]) async throws -> [Agreement]
    /// Inserts or updates one version.
    func save(_ agreement: Agreement) async throws
    /// The relationship's notes, newest first (the use case decides who may read which).
    func notes(of relationship: Relationship.ID) async throws -> [Note]
    func save(_ note: Note) async throws
    /// Meetings held, newest first.
    func meetings(of relationship: Relationship.ID) async throws -> [HeldMeeting]
    /// A programme's relationships, meetings held and minutes met, counted in the database.
    func mentoringTotals(ofProgramme programme: Programme.ID) async throws -> MentoringTotals
    /// The meetings held in any of these relationships (a programme's, for its totals).
    func meetings(ofAny relationships: [Relationship.ID]) async throws -> [HeldMeeting]
    func save(_ meeting: HeldMeeting) async throws
    /// The pulses given on the meetings of any of these relationships.
    func pulses(ofAny relationships: [Relationship.ID]) async throws -> [MeetingPulse]
    /// Records a pulse; a participant's second pulse on one meeting replaces their first.
    func save(_ pulse: MeetingPulse) async throws
    /// Every version of every goal of a relationship, oldest first.
    func goalVersions(of relationship: Relationship.ID) async throws -> [Goal]
    /// Every version of every goal of these relationships, oldest first.
    func goalVersions(ofAny relationships: [Relationship.ID]) async throws -> [Goal]
    /// The state each goal of these relationships is in now (its latest version's), a goal each.
    func goalStates(ofAny relationships: [Relationship.ID]) async throws -> [GoalState]
    /// Inserts a version of a goal.
    func save(_ goal: Goal) async throws
}

/// How much mentoring a programme has seen: counts only, never what the pairs wrote.
public struct MentoringTotals: Sendable, Equatable {
    public let relationships: Int
    public let meetings: Int
    public let minutes: Int
    /// Creates the totals.
    public init(relationships: Int, meetings: Int, minutes: Int) {
        self.relationships = relationships
        self.meetings = meetings
        self.minutes = minutes
    }
}

/// Mentee-choice requests.
public protocol MentorRequestRepository: Sendable {
    /// Inserts or updates one request.
    func save(_ request: MentorRequest) async throws
    func mentorRequest(_ id: MentorRequest.ID) async throws -> MentorRequest?
    /// A mentee's requests in a cycle, by rank.
    func mentorRequests(ofMentee mentee: Enrolment.ID) async throws -> [MentorRequest]
    /// The requests sent to these mentor enrolments, oldest first.
    func mentorRequests(toMentors mentors: [Enrolment.ID]) async throws -> [MentorRequest]
    /// Pending requests whose answer is overdue at `now`.
    func overdueMentorRequests(now: Date) async throws -> [MentorRequest]
    /// Pending requests sent before `sentBefore` whose mentor was not nudged about them yet.
    func unansweredMentorRequests(sentBefore: Date) async throws -> [MentorRequest]
    /// Marks the mentor nudged about a pending request: true for the one caller that marks it.
    func claimRequestNudge(of request: MentorRequest.ID, now: Date) async throws -> Bool
    /// When each mentor of a cycle last did something in its mentoring: a meeting held in their
    /// relationships, a goal, agreement or pulse they wrote, a request they answered.
    func mentorActivity(in cycle: Cycle.ID) async throws -> [Person.ID: Date]
    /// Moves a request from one state to another unless something moved it first; true for the
    /// one caller that moved it.
    func claim(_ request: MentorRequest.ID, from: MentorRequest.State, to: MentorRequest.State, at: Date) async throws -> Bool
}

/// Speed-mentoring events, one per cycle.
public protocol SpeedEventRepository: Sendable {
    func speedEvent(of cycle: Cycle.ID) async throws -> SpeedEvent?
    /// Inserts or replaces the cycle's event.
    func save(_ event: SpeedEvent) async throws
}

extension LodestarRepositories {
    /// A relationship's people, or nil when one of them is no longer in the directory.
    public func people(of relationship: Relationship) async throws -> RelationshipPeople? {
        guard let mentor = try await person(relationship.mentorPerson) else { return nil }
        var members: [Person] = []
        for member in relationship.members {
            guard let person = try await person(member.person) else { return nil }
            members.append(person)
        }
        return RelationshipPeople(relationship: relationship, mentor: mentor, members: members)
    }

    /// The programme a relationship's cycle belongs to.
    public func programme(of relationship: Relationship) async throws -> Programme? {
        guard let id = try await programmeID(of: relationship) else { return nil }
        return try await programme(id)
    }

    /// Which programme a relationship's cycle belongs to (the messages about it are that programme's).
    public func programmeID(of relationship: Relationship) async throws -> Programme.ID? {
        try await cycle(relationship.cycleID)?.programmeID
    }
}

/// The readiness check's answers, kept per programme with their history, and the organisation's threshold.
public protocol ReadinessRepository: Sendable {
    /// The newest answer to each question of a programme.
    func readinessAnswers(of programme: Programme.ID) async throws -> [ReadinessAnswer]
    /// Every answer given for a programme, newest first.
    func readinessHistory(of programme: Programme.ID, page: PageRequest) async throws -> Page<ReadinessAnswer>
    /// Adds answers; earlier ones stay as history.
    func save(_ answers: [ReadinessAnswer]) async throws
    /// The organisation's readiness threshold as stored, nil while no admin has set one.
    func storedReadinessThreshold() async throws -> String?
    func save(_ threshold: ReadinessThreshold) async throws
}
