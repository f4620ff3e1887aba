import Foundation

/// Mentee-choice mode (M6): a mentee reads a ranked shortlist of the mentors they may choose,
/// with the reasons, and sends up to K ranked requests; each mentor accepts or declines with a
/// reason within T days, else the request passes to the mentee's next choice. Accepting makes
/// the relationship at once, within the mentor's capacity even when two acceptances race.
public struct MenteeChoice: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// A mentor a mentee may choose, and why they fit.
    public struct Option: Sendable {
        public let mentor: Enrolment
        public let person: Person
        public let score: PairScore
        /// Places left.
        public let room: Int
    }

    /// What a mentee sees: the shortlist, their requests, and how many they may send.
    public struct Choosing: Sendable {
        public let cycle: Cycle
        /// The mentee's enrolment in the cycle.
        public let mentee: Enrolment
        public let settings: MatchingSettings.MenteeChoice
        public let shortlist: [Option]
        public let requests: [MentorRequest]
        /// Their mentor, once a request was accepted.
        public let matched: Bool
        /// The name of each mentor of the cycle, by enrolment (for the requests already made).
        public let mentorNames: [Enrolment.ID: String]
    }

    /// The mentee's view of choosing in a cycle.
    public func choosing(_ cycleID: Cycle.ID, now: Date) async throws -> Choosing {
        let (cycle, settings, mentee) = try await asMentee(cycleID)
        let open = OpenPairs(try await store.relationships(in: cycle.id))
        let request = try await CycleMatching(store: store).request(for: cycle.id, now: now)
        let enrolments = Dictionary(uniqueKeysWithValues: request.enrolments.map { ($0.id, $0) })
        let people = Dictionary(uniqueKeysWithValues: request.people.map { ($0.id, $0) })
        let shortlist = try MatchPlanner.explainAll(mentee: mentee.id, in: request).compactMap { entry -> Option? in
            guard let score = entry.explanation.score, let mentor = enrolments[entry.mentor], let person = people[mentor.personID] else { return nil }
            let room = open.room(of: mentor)
            return room > 0 ? Option(mentor: mentor, person: person, score: score, room: room) : nil
        }.sorted { ($0.score.total, $1.person.name) > ($1.score.total, $0.person.name) }
        let names = Dictionary(uniqueKeysWithValues: request.enrolments.filter { $0.role == .mentor }.map { ($0.id, people[$0.personID]?.name ?? "?") })
        return Choosing(cycle: cycle, mentee: mentee, settings: settings, shortlist: shortlist, requests: try await store.mentorRequests(ofMentee: mentee.id),
                        matched: open.hasMentor(mentee.id), mentorNames: names)
    }

    /// Sends the mentee's ranked choices: the first goes to its mentor now, the others wait.
    public func request(_ cycleID: Cycle.ID, mentors choices: [Enrolment.ID], now: Date) async throws -> [MentorRequest] {
        let choosing = try await choosing(cycleID, now: now)
        let (settings, mentee) = (choosing.settings, choosing.mentee)
        if choosing.matched { throw ValidationError([FieldIssue(field: "mentors", message: "you have a mentor in this cycle already")]) }
        if choosing.requests.contains(where: \.isOpen) {
            throw ValidationError([FieldIssue(field: "mentors", message: "your requests are still under way; wait for the answers")])
        }
        var issues: [FieldIssue] = []
        if choices.isEmpty { issues.append(FieldIssue(field: "mentors", message: "choose at least one mentor")) }
        if choices.count > settings.maximumRequests { issues.append(FieldIssue(field: "mentors", message: "choose at most \(settings.maximumRequests) mentors")) }
        if Set(choices).count != choices.count { issues.append(FieldIssue(field: "mentors", message: "a mentor is chosen twice; give each choice a different mentor")) }
        let asked = Set(choosing.requests.map(\.mentor))
        let admissible = Set(choosing.shortlist.map(\.mentor.id))
        for (rank, mentor) in choices.enumerated() where !admissible.contains(mentor) || asked.contains(mentor) {
            issues.append(FieldIssue(field: "mentors.\(rank + 1)", message: asked.contains(mentor)
                ? "you asked this mentor before in this cycle" : "is not on your shortlist (a rule excludes the pair, or the mentor is full)"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        let base = choosing.requests.map(\.rank).max() ?? 0
        var requests = choices.enumerated().map { rank, mentor in
            MentorRequest(cycleID: cycleID, mentee: mentee.id, mentor: mentor, rank: base + rank + 1, state: .waiting)
        }
        requests[0].state = .pending
        requests[0].sentAt = now
        requests[0].expiresAt = now.addingTimeInterval(TimeInterval(settings.responseDays) * 86400)
        let notice = try await requestNotice(requests[0], now: now)
        try await store.inTransaction { [requests] tx in
            for request in requests { try await tx.save(request) }
            try await tx.save(notice)
        }
        return requests
    }

    /// The requests a mentor has been sent, newest first, with the mentees' people.
    public func inbox(now: Date) async throws -> [(request: MentorRequest, mentee: Person, cycle: Cycle)] {
        guard let person = principal.person else { return [] }
        let mine = try await store.enrolments(of: person.id).filter { $0.role == .mentor }
        var result: [(MentorRequest, Person, Cycle)] = []
        for request in try await store.mentorRequests(toMentors: mine.map(\.id)) where request.state != .waiting {
            guard let enrolment = try await store.enrolment(request.mentee), let mentee = try await store.person(enrolment.personID),
                  let cycle = try await store.cycle(request.cycleID) else { continue }
            result.append((request, mentee, cycle))
        }
        return result.reversed()
    }

    /// The mentor accepts: the relationship is made, if a place is left; the mentee's other requests are withdrawn.
    public func accept(_ id: MentorRequest.ID, now: Date) async throws -> Relationship {
        let (request, mentor) = try await asMentor(id)
        guard let mentee = try await store.enrolment(request.mentee) else { throw NotFound("enrolment", request.mentee) }
        // The rules are asked again: a conflict declared since the request was sent still counts.
        let explanation = try await MatchPlanner.explain(mentee: mentee.id, mentor: mentor.id,
                                                         in: CycleMatching(store: store).request(for: request.cycleID, now: now))
        guard let score = explanation.score?.total else {
            throw ValidationError([FieldIssue(field: "request", message: "a rule now excludes this pair (\(explanation.brokenRules.map(\.explanation).joined(separator: "; "))); decline it so it passes on")])
        }
        let pair = Relationship(cycleID: request.cycleID, mentor: mentor.id, mentee: mentee.id, mentorPerson: mentor.personID,
                                menteePerson: mentee.personID, score: score, startedAt: now)
        let grouped = try await store.cycle(request.cycleID).asyncFlatMap { try await store.programme($0.programmeID) }?.relationshipShape == .group
        let notice = try await answerNotice(request, accepted: true, reason: nil, now: now)
        return try await store.inTransaction { tx in
            guard try await tx.claim(id, from: .pending, to: .accepted, at: now) else {
                throw ValidationError([FieldIssue(field: "request", message: "was answered or passed on already")])
            }
            let relationship: Relationship
            switch try await tx.insertWithinCapacity(pair, mentor: mentor, joiningGroup: grouped) {
            case .failure(.menteeHasMentor):
                throw ValidationError([FieldIssue(field: "request", message: "the mentee has a mentor already")])
            case .failure(.mentorFull(let capacity)):
                throw ValidationError([FieldIssue(field: "request", message: "your places are all taken (you take \(capacity)); decline this request so it passes to the mentee's next choice")])
            case .success(let made):
                relationship = made
            }
            for other in try await tx.mentorRequests(ofMentee: mentee.id) where other.state == .waiting {
                _ = try await tx.claim(other.id, from: .waiting, to: .withdrawn, at: now)
            }
            try await tx.save(notice)
            try await tx.enqueue(.relationship(.relationshipStarted, relationship, at: now))
            return relationship
        }
    }

    /// The mentor declines with a reason; the request passes to the mentee's next choice.
    public func decline(_ id: MentorRequest.ID, reason: String, now: Date) async throws {
        let (request, _) = try await asMentor(id)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ValidationError([FieldIssue(field: "reason", message: "is empty; tell the mentee why, kindly")]) }
        let notices = [try await answerNotice(request, accepted: false, reason: reason, now: now)]
        try await pass(request, to: .declined, reason: reason, notices: notices, now: now)
    }

    /// Requests left unanswered past their date pass on; each is passed once, also with several servers.
    @discardableResult
    public static func expire(store: any LodestarRepositories, now: Date) async throws -> Int {
        let choice = MenteeChoice(store: store, principal: .commandLine)
        var passed = 0
        for request in try await store.overdueMentorRequests(now: now) {
            if (try? await choice.pass(request, to: .expired, reason: nil, notices: [], now: now)) != nil { passed += 1 }
        }
        return passed
    }

    /// Closes a pending request and sends the mentee's next waiting one, in one transaction.
    private func pass(_ request: MentorRequest, to state: MentorRequest.State, reason: String?, notices: [Notice], now: Date) async throws {
        let settings = try Self.modeSettings(try await store.cycleAndProgramme(request.cycleID).programme)
        let next = try await store.mentorRequests(ofMentee: request.mentee).filter { $0.state == .waiting }.min { $0.rank < $1.rank }
        var sent = next
        sent?.state = .pending
        sent?.sentAt = now
        sent?.expiresAt = now.addingTimeInterval(TimeInterval(settings.responseDays) * 86400)
        var all = notices
        if let sent { all.append(try await requestNotice(sent, now: now)) } else { all.append(try await noneLeftNotice(request, now: now)) }
        var closed = request
        closed.state = state
        closed.answeredAt = now
        closed.reason = reason
        try await store.inTransaction { [closed, sent, all] tx in
            guard try await tx.claim(request.id, from: .pending, to: state, at: now) else {
                throw ValidationError([FieldIssue(field: "request", message: "was answered or passed on already")])
            }
            try await tx.save(closed)
            if let sent { try await tx.save(sent) }
            for notice in all { try await tx.save(notice) }
        }
    }

    private static func modeSettings(_ programme: Programme) throws -> MatchingSettings.MenteeChoice {
        guard let settings = try programme.effectiveMatching.checked().menteeChoice else {
            throw ValidationError([FieldIssue(field: "programme", message: "\(programme.name) does not let mentees choose; its manager publishes a matching")])
        }
        return settings
    }

    private func asMentee(_ cycleID: Cycle.ID) async throws -> (Cycle, MatchingSettings.MenteeChoice, Enrolment) {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        guard let person = principal.person, let mentee = try await store.enrolments(of: person.id).first(where: { $0.cycleID == cycleID && $0.role == .mentee }) else {
            throw AccessDenied("Choosing a mentor is for the cycle's mentees.")
        }
        let settings = try Self.modeSettings(programme)
        // `modeSettings` has checked that the programme lets mentees choose.
        guard cycle.takesChoices else {
            throw ValidationError([FieldIssue(field: "state", message: "\(cycle.name) is \(cycle.state.rawValue); mentees choose while it is matching or active")])
        }
        return (cycle, settings, mentee)
    }

    private func asMentor(_ id: MentorRequest.ID) async throws -> (MentorRequest, Enrolment) {
        guard let request = try await store.mentorRequest(id) else { throw NotFound("request", id) }
        guard let mentor = try await store.enrolment(request.mentor), principal.isPerson(mentor.personID) else {
            throw AccessDenied("A request is answered by the mentor it was sent to.")
        }
        guard request.state == .pending else {
            throw ValidationError([FieldIssue(field: "request", message: "is \(request.state.rawValue); only a pending request is answered")])
        }
        return (request, mentor)
    }

    private func people(_ request: MentorRequest) async throws -> (mentee: Person, mentor: Person) {
        guard let mentee = try await store.enrolment(request.mentee).asyncFlatMap({ try await store.person($0.personID) }),
              let mentor = try await store.enrolment(request.mentor).asyncFlatMap({ try await store.person($0.personID) }) else { throw NotFound("request", request.id) }
        return (mentee, mentor)
    }

    private func requestNotice(_ request: MentorRequest, now: Date) async throws -> Notice {
        let (mentee, mentor) = try await people(request)
        return try await writer(request, now).mentorAsked(mentor, by: mentee, until: request.expiresAt)
    }

    private func answerNotice(_ request: MentorRequest, accepted: Bool, reason: String?, now: Date) async throws -> Notice {
        let (mentee, mentor) = try await people(request)
        return try await writer(request, now).requestAnswered(mentee, by: mentor, accepted: accepted, reason: reason)
    }

    private func noneLeftNotice(_ request: MentorRequest, now: Date) async throws -> Notice {
        try await writer(request, now).chooseAgain(try await people(request).mentee)
    }

    /// The writer of a request's messages, about its cycle's programme.
    private func writer(_ request: MentorRequest, _ now: Date) async throws -> NoticeWriter {
        NoticeWriter(now: now, about: try await store.cycle(request.cycleID)?.programmeID)
    }
}
