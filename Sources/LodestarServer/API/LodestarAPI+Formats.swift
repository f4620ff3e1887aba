import Foundation
import LodestarCore
import OpenAPIRuntime

/// The formats beyond a published plan, through the API: mentees choosing their mentors (and the
/// mentors answering), a speed-mentoring event, and pairs made by hand.
extension LodestarAPI {
    func getChoice(_ input: Operations.GetChoice.Input) async throws -> Operations.GetChoice.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        let choosing = try await MenteeChoice(store: store, principal: try context.signedIn()).choosing(cycleID, now: context.now)
        return .ok(.init(body: .json(ChoiceBody(choosing))))
    }

    func requestMentors(_ input: Operations.RequestMentors.Input) async throws -> Operations.RequestMentors.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        let choice = MenteeChoice(store: store, principal: try context.signedIn())
        _ = try await choice.choosing(cycleID, now: context.now)  // the cycle's mentees only, before the body
        let body = switch input.body { case .json(let json): try json.read() }
        let mentors = try (body.mentors ?? []).enumerated().map { rank, text in
            guard let id = Enrolment.ID(text) else { throw ValidationError([FieldIssue(field: "mentors[\(rank)]", message: "'\(text)' is not a mentor of the shortlist")]) }
            return id
        }
        _ = try await choice.request(cycleID, mentors: mentors, now: context.now)
        return .ok(.init(body: .json(ChoiceBody(try await choice.choosing(cycleID, now: context.now)))))
    }

    func listMentorRequests(_ input: Operations.ListMentorRequests.Input) async throws -> Operations.ListMentorRequests.Output {
        let context = try APIRequest.current()
        let inbox = try await MenteeChoice(store: store, principal: try context.signedIn()).inbox(now: context.now)
        return .ok(.init(body: .json(inbox.map { MentorRequestBody($0.request, mentee: $0.mentee.name, cycle: $0.cycle.name) })))
    }

    func acceptMentorRequest(_ input: Operations.AcceptMentorRequest.Input) async throws -> Operations.AcceptMentorRequest.Output {
        let id: MentorRequest.ID = try Identifier(path: input.path.id, of: "request")
        let context = try APIRequest.current()
        let relationship = try await MenteeChoice(store: store, principal: try context.signedIn()).accept(id, now: context.now)
        return .created(.init(body: .json(try await relationshipBody(relationship.id))))
    }

    func declineMentorRequest(_ input: Operations.DeclineMentorRequest.Input) async throws -> Operations.DeclineMentorRequest.Output {
        let id: MentorRequest.ID = try Identifier(path: input.path.id, of: "request")
        let context = try APIRequest.current()
        let body = switch input.body { case .json(let json): try json.read() }
        try await MenteeChoice(store: store, principal: try context.signedIn()).decline(id, reason: body.reason ?? "", now: context.now)
        return .noContent(.init())
    }

    func getSpeedEvent(_ input: Operations.GetSpeedEvent.Input) async throws -> Operations.GetSpeedEvent.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let speed = SpeedMentoring(store: store, principal: try APIRequest.principal())
        _ = try await speed.event(cycleID)  // the programme's managers and the cycle's participants
        return .ok(.init(body: .json(SpeedEventBody(try await speed.page(cycleID)))))
    }

    func planSpeedEvent(_ input: Operations.PlanSpeedEvent.Input) async throws -> Operations.PlanSpeedEvent.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        let speed = SpeedMentoring(store: store, principal: try context.signedIn())
        try await speed.requirePlanner(cycleID)
        let body = switch input.body { case .json(let json): try json.read() }
        let (start, zone) = try FormClock.moment(["date": body.date, "time": body.time, "timeZone": body.timeZone])
        _ = try await speed.plan(cycleID, .init(startsAt: start, rounds: body.rounds, minutes: body.minutes, pause: body.pause,
                                                place: body.place ?? "", timeZone: zone.identifier), now: context.now)
        return .ok(.init(body: .json(SpeedEventBody(try await speed.page(cycleID)))))
    }

    func getSpeedCalendar(_ input: Operations.GetSpeedCalendar.Input) async throws -> Operations.GetSpeedCalendar.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let calendar = try await SpeedMentoring(store: store, principal: try APIRequest.principal()).calendar(cycleID)
        return .ok(.init(body: .textCalendar(HTTPBody(calendar))))
    }

    func listPairCandidates(_ input: Operations.ListPairCandidates.Input) async throws -> Operations.ListPairCandidates.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        let pairing = ManualPairing(store: store, principal: try context.signedIn())
        let candidates = try await pairing.candidates(cycleID)
        guard let mentee = input.query.mentee else { return .ok(.init(body: .json(PairCandidatesBody(candidates)))) }
        let options = try await pairing.options(for: try Identifier(path: mentee, of: "mentee enrolment"), among: candidates, now: context.now)
        return .ok(.init(body: .json(PairCandidatesBody(candidates, options: options))))
    }

    func pairByHand(_ input: Operations.PairByHand.Input) async throws -> Operations.PairByHand.Output {
        let cycleID: Cycle.ID = try Identifier(path: input.path.id, of: "cycle")
        let context = try APIRequest.current()
        let pairing = ManualPairing(store: store, principal: try context.signedIn())
        _ = try await pairing.candidates(cycleID)  // the access rule and the cycle's state, before the body
        let body = switch input.body { case .json(let json): try json.read() }
        let mentee: Enrolment.ID = try Identifier(path: body.mentee, of: "mentee enrolment")
        let mentor: Enrolment.ID = try Identifier(path: body.mentor, of: "mentor enrolment")
        let relationship = try await pairing.pair(cycleID, mentee: mentee, mentor: mentor, now: context.now)
        return .created(.init(body: .json(try await relationshipBody(relationship.id))))
    }
}

struct MentorChoiceInput: Decodable, Sendable {
    /// Mentor enrolment ids, most wanted first.
    let mentors: [String]?
}

struct DeclineInput: Decodable, Sendable { let reason: String? }

struct SpeedPlanInput: Decodable, Sendable {
    let date: String
    let time: String
    let timeZone: String
    let rounds: Int
    let minutes: Int
    let pause: Int
    let place: String?
}

struct PairInput: Decodable, Sendable {
    let mentee: String
    let mentor: String
}

/// A mentee's choosing: the shortlist of mentors with room, by score, and their requests.
struct ChoiceBody: Encodable, Hashable, Sendable {
    struct Option: Encodable, Hashable, Sendable { let mentorEnrolmentId: String; let name: String; let score: Double; let room: Int }
    struct Request: Encodable, Hashable, Sendable { let id: String; let mentorEnrolmentId: String; let mentorName: String; let rank: Int; let state: String; let reason: String? }
    let cycleId: String
    let maximumRequests: Int
    let responseDays: Int
    let matched: Bool
    let shortlist: [Option]
    let requests: [Request]

    init(_ choosing: MenteeChoice.Choosing) {
        cycleId = choosing.cycle.id.description
        maximumRequests = choosing.settings.maximumRequests
        responseDays = choosing.settings.responseDays
        matched = choosing.matched
        shortlist = choosing.shortlist.map { Option(mentorEnrolmentId: $0.mentor.id.description, name: $0.person.name, score: $0.score.total, room: $0.room) }
        requests = choosing.requests.sorted { $0.rank < $1.rank }.map {
            Request(id: $0.id.description, mentorEnrolmentId: $0.mentor.description, mentorName: choosing.mentorNames[$0.mentor] ?? "?",
                    rank: $0.rank, state: $0.state.rawValue, reason: $0.reason)
        }
    }
}

/// A request in a mentor's inbox.
struct MentorRequestBody: Encodable, Hashable, Sendable {
    let id: String
    let cycleName: String
    let menteeEnrolmentId: String
    let menteeName: String
    let state: String
    let sentAt: Date?
    let expiresAt: Date?

    init(_ request: MentorRequest, mentee: String, cycle: String) {
        id = request.id.description
        cycleName = cycle
        menteeEnrolmentId = request.mentee.description
        menteeName = mentee
        state = request.state.rawValue
        sentAt = request.sentAt
        expiresAt = request.expiresAt
    }
}

/// A speed-mentoring event: its plan and, round by round, who sits with whom.
struct SpeedEventBody: Encodable, Hashable, Sendable {
    struct Seat: Encodable, Hashable, Sendable { let round: Int; let table: Int; let mentor: String; let mentee: String }
    let cycleId: String
    let planned: Bool
    let startsAt: Date?
    let rounds: Int?
    let minutes: Int?
    let pause: Int?
    let place: String?
    let timeZone: String?
    let seats: [Seat]

    init(_ page: SpeedMentoring.Page) {
        cycleId = page.cycle.id.description
        planned = page.event != nil
        let plan = page.event?.plan
        startsAt = plan?.startsAt
        rounds = plan?.rounds
        minutes = plan?.minutes
        pause = plan?.pause
        place = plan?.place
        timeZone = plan?.timeZone
        seats = (page.event?.seats ?? []).map { Seat(round: $0.round, table: $0.table, mentor: page.names[$0.mentor] ?? "?", mentee: page.names[$0.mentee] ?? "?") }
    }
}

/// Who can still be paired by hand: mentees without a mentor, mentors with room.
struct PairCandidatesBody: Encodable, Hashable, Sendable {
    struct Mentee: Encodable, Hashable, Sendable { let enrolmentId: String; let name: String; let previousPairEnded: String? }
    struct Mentor: Encodable, Hashable, Sendable {
        let enrolmentId: String; let name: String; let room: Int
        var score: Double? = nil; var reasons: String? = nil; var brokenRules: [String]? = nil
    }
    let mentees: [Mentee]
    let mentors: [Mentor]

    init(_ candidates: ManualPairing.Candidates) {
        self.init(candidates, mentors: candidates.mentors.map { Mentor(enrolmentId: $0.enrolment.id.description, name: $0.person.name, room: $0.room) })
    }

    private init(_ candidates: ManualPairing.Candidates, mentors: [Mentor]) {
        mentees = candidates.mentees.map { Mentee(enrolmentId: $0.enrolment.id.description, name: $0.person.name, previousPairEnded: $0.ended) }
        self.mentors = mentors
    }

    /// The mentors ranked for one mentee: each with the pair's score and reasons, or its broken rules.
    init(_ candidates: ManualPairing.Candidates, options: [ManualPairing.MentorOption]) {
        self.init(candidates, mentors: options.map { option in
            let score = option.explanation.score
            return Mentor(enrolmentId: option.enrolment.id.description, name: option.person.name, room: option.room,
                          score: score.map { ($0.total * 10).rounded() / 10 }, reasons: score.map { $0.strongestFirst.prefix(2).map(\.summary).joined(separator: "; ") },
                          brokenRules: option.explanation.brokenRules.map(\.explanation))
        })
    }
}
