import Foundation
import Hummingbird
import LodestarCore

/// A manager runs matching for a cycle, reads the plan, and publishes it.
struct MatchingPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    /// Plans shared by every manager's requests, while their data stands.
    let plans: PlanCache
    let reads: ReadCache

    func register(on router: Router<LodestarContext>) {
        router.get(.cycle(.key, .plan)) { request, context in
            let query = try Self.planQuery(request)
            return try await pages.kept(.plan, request, context, reads: reads) { csrf in
                let reading = try await PlanReview(store: store, principal: try context.signedIn(), plans: plans)
                    .plan(try context.parameters.id(of: "cycle"), query, trying: try Self.edit(request), now: context.now)
                return PlanView(reading, seed: query.seed, fairness: query.fairness, csrf: csrf)
            }
        }
        router.get(.cycle(.key, .ruleCosts)) { request, context in
            let query = try Self.planQuery(request)
            let (cycle, programme, costs) = try await PlanReview(store: store, principal: try context.signedIn(), plans: plans)
                .ruleCosts(try context.parameters.id(of: "cycle"), query, now: context.now)
            let links = PlanLinks(cycleID: cycle.id, seed: query.seed, fairness: query.fairness, edits: query.edits, search: "")
            return pages.render(.ruleCosts, RuleCostsView(cycle: cycle, programme: programme, costs: costs, links: links), for: context)
        }
        router.get(.planMentee(.key, .key)) { request, context in
            let query = try Self.planQuery(request)
            let choice = try await PlanReview(store: store, principal: try context.signedIn(), plans: plans)
                .mentorChoice(for: try context.parameters.id("mentee", of: "mentee enrolment"), in: try context.parameters.id(of: "cycle"), query, now: context.now)
            return pages.render(.planMentee, MentorChoiceView(choice, seed: query.seed, fairness: query.fairness), for: context)
        }
        router.post(.cycle(.key, .weights)) { request, context in
            // The weights tried on the plan become the programme's own.
            let form = try await FormBody.fields(request)
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            _ = try await context.programmeOffice(store).adoptWeights(try Self.weights { form[$0] }, triedOn: cycleID)
            return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID), .plan).with([URLQueryItem(name: "seed", value: String(try Self.seed(form["seed"])))])])
        }
        router.post(.cycle(.key, .publish)) { request, context in
            let form = try await FormBody.fields(request)
            let cycleID: Cycle.ID = try context.parameters.id(of: "cycle")
            let locks = try Self.locks((form["locks"] ?? "").split(separator: ",").map(String.init))
            let leftOut = Set((form["out"] ?? "").split(separator: ",").compactMap { Enrolment.ID(String($0)) })
            let edits = PlanEdits(locked: locks, leftOut: leftOut, weights: try Self.weights { form[$0] })
            _ = try await MatchingPublication(store: store, principal: try context.signedIn())
                .publish(cycleID, seed: try Self.seed(form["seed"]), fairness: form["fairness"] == "1", edits: edits, now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.cycle(.value(cycleID)).path])
        }
    }

    /// The plan's settings, edits, search and pages as the query string gives them.
    static func planQuery(_ request: Request) throws -> PlanReview.Query {
        let query = FormQuery(request)
        let edits = PlanEdits(locked: try locks(query.getAll("lock")), leftOut: Set(query.getAll("out").compactMap(Enrolment.ID.init)),
                              weights: try weights { query.get($0) })
        return PlanReview.Query(seed: try seed(query.get("seed")), fairness: query.get("fairness") == "1", edits: edits,
                                search: query.get("q") ?? "", pairs: try request.pageRequest(), unmatched: try request.pageRequest(prefix: "left-"))
    }

    /// The one edit the query string tries, if any: reassign (`mentee`, `mentor`), swap (`swap`, `with`) or `unassign`.
    static func edit(_ request: Request) throws -> PlanReview.Edit? {
        let query = FormQuery(request)
        if let mentee = query.get("mentee"), let mentor = query.get("mentor") {
            guard let menteeID = Enrolment.ID(mentee), let mentorID = Enrolment.ID(mentor) else {
                throw ValidationError([FieldIssue(field: "mentor", message: "'\(mentee)' and '\(mentor)' are not enrolment ids")])
            }
            return .reassign(mentee: menteeID, mentor: mentorID)
        }
        if let swap = query.get("swap"), let with = query.get("with") {
            let sides = try locks([swap, with])
            return .swap(sides[0], with: sides[1])
        }
        if let out = query.get("unassign") {
            guard let mentee = Enrolment.ID(out) else { throw ValidationError([FieldIssue(field: "unassign", message: "'\(out)' is not an enrolment id")]) }
            return .unassign(mentee)
        }
        return nil
    }

    /// Locks written `MENTEE_ENROLMENT:MENTOR_ENROLMENT`.
    static func locks(_ texts: [String]) throws -> [(mentee: Enrolment.ID, mentor: Enrolment.ID)] {
        try texts.filter { !$0.isEmpty }.map { text in
            guard let lock = MatchRequest.lock(parsing: text) else {
                throw ValidationError([FieldIssue(field: "lock", message: "'\(text)' is not MENTEE_ENROLMENT:MENTOR_ENROLMENT")])
            }
            return lock
        }
    }

    /// Weights from `w-<criterion>` fields, or nil when none was given (the programme's apply).
    static func weights(_ value: (String) -> String?) throws -> MatchWeights? {
        let (values, issues) = weightValues(value)
        guard issues.isEmpty else { throw ValidationError(issues) }
        guard !values.isEmpty else { return nil }
        let weights = MatchWeights(values: values)
        guard weights.issues.isEmpty else { throw ValidationError(weights.issues) }
        return weights
    }

    /// The `w-<criterion>` fields given, each a finite number or an issue naming it.
    static func weightValues(_ value: (String) -> String?) -> (values: [MatchCriterion: Double], issues: [FieldIssue]) {
        var values: [MatchCriterion: Double] = [:]
        var issues: [FieldIssue] = []
        for criterion in MatchCriterion.allCases {
            guard let text = value("w-\(criterion.rawValue)") else { continue }
            if let weight = Double(text.trimmingCharacters(in: .whitespaces)), weight.isFinite { values[criterion] = weight } else {
                issues.append(FieldIssue(field: "matching.weights.\(criterion.rawValue)", message: "'\(text.prefix(20))' is not a number"))
            }
        }
        return (values, issues)
    }

    /// The seed that decides between equally good plans; 1 when not given.
    static func seed(_ text: String?) throws -> UInt64 {
        guard let seed = UInt64(text ?? "1") else { throw ValidationError([FieldIssue(field: "seed", message: "must be a whole number")]) }
        return seed
    }
}
