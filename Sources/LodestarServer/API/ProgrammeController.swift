import Foundation
import Hummingbird
import LodestarCore

/// `/api/v1/programmes` and `/api/v1/cycles`: programmes, their cycles and cycle states.
struct ProgrammeController {
    let store: any LodestarRepositories

    func register(on api: RouterGroup<LodestarContext>) {
        let programmes = api.group("programmes")
        programmes.get { request, context in
            let principal = try context.signedIn()
            let visible = try await store.programmes(page: .everything).items.filter { principal.sees($0.id) }
            return ListBody(Page(slicing: visible, try request.pageRequest()), ProgrammeBody.init)
        }
        programmes.get(":id") { _, context in ProgrammeBody(try await programme(context, seenBy: try context.signedIn())) }
        programmes.post { request, context in
            try context.signedIn().requireAdmin("creating programmes")
            return created(ProgrammeBody(try await context.programmeOffice(store).create(try await JSONBody.decode(ProgrammeInput.self, from: request).record)))
        }
        programmes.put(":id") { request, context in
            let programme = try await programme(context, seenBy: try context.signedIn(), managing: "changing a programme")
            return ProgrammeBody(try await context.programmeOffice(store).update(programme.id, with: try await JSONBody.decode(ProgrammeInput.self, from: request).record))
        }
        programmes.get(":id/cycles") { request, context in
            let programme = try await programme(context, seenBy: try context.signedIn())
            let page = Page(slicing: try await store.cycles(of: programme.id), try request.pageRequest())
            return ListBody(items: try await bodies(page.items), of: page)
        }
        programmes.post(":id/cycles") { request, context in
            let programme = try await programme(context, seenBy: try context.signedIn(), managing: "starting a cycle")
            let input = try await JSONBody.decode(CycleInput.self, from: request)
            var cycle = try await context.programmeOffice(store).startCycle(of: programme.id, name: input.name)
            if let state = input.state, state != cycle.state { cycle = try await context.programmeOffice(store).move(cycle.id, to: state) }
            return created(try await CycleBody(cycle, store: store))
        }

        let cycles = api.group("cycles")
        cycles.get { request, context in
            let principal = try context.signedIn()
            let visible = try await store.cycles(page: .everything).items.filter { principal.sees($0.programmeID) }
            let page = Page(slicing: visible, try request.pageRequest())
            return ListBody(items: try await bodies(page.items), of: page)
        }
        cycles.get(":id") { _, context in try await CycleBody(try await cycle(context, seenBy: try context.signedIn()), store: store) }
        cycles.put(":id") { request, context in
            var cycle = try await cycle(context, seenBy: try context.signedIn(), managing: "changing a cycle")
            let input = try await JSONBody.decode(CycleInput.self, from: request)
            if let state = input.state, state != cycle.state { cycle = try await context.programmeOffice(store).move(cycle.id, to: state) }
            if let name = input.name, name != cycle.name { cycle = try await context.programmeOffice(store).rename(cycle.id, to: name) }
            return try await CycleBody(cycle, store: store)
        }
    }

    private func bodies(_ cycles: [Cycle]) async throws -> [CycleBody] {
        var bodies: [CycleBody] = []
        for cycle in cycles { bodies.append(try await CycleBody(cycle, store: store)) }
        return bodies
    }

    /// The programme of the path, once the principal may see it (and manage it, when `doing` is given).
    private func programme(_ context: LodestarContext, seenBy principal: Principal, managing doing: String? = nil) async throws -> Programme {
        let id: Programme.ID = try context.parameters.id(of: "programme")
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        try principal.requireSight(of: programme)
        if let doing { try principal.requireManager(of: programme, doing) }
        return programme
    }

    /// The cycle of the path, once the principal may see its programme (and manage it, when `doing` is given).
    private func cycle(_ context: LodestarContext, seenBy principal: Principal, managing doing: String? = nil) async throws -> Cycle {
        let id: Cycle.ID = try context.parameters.id(of: "cycle")
        let (cycle, programme) = try await store.cycleAndProgramme(id)
        try principal.requireSight(of: programme)
        if let doing { try principal.requireManager(of: programme, doing) }
        return cycle
    }
}

/// A programme as the API shows it.
struct ProgrammeBody: ResponseEncodable {
    let id: String
    let name: String
    let objectives: String
    let focusCompetencies: [String]
    let format: MentoringFormat
    let durationWeeks: Int
    let cadence: MeetingCadence
    /// The settings in force (the format's defaults when the programme has none of its own).
    let matching: MatchingSettings

    init(_ programme: Programme) {
        id = programme.id.description
        name = programme.name
        objectives = programme.objectives
        focusCompetencies = programme.focusCompetencies
        format = programme.format
        durationWeeks = programme.durationWeeks
        cadence = programme.cadence
        matching = programme.effectiveMatching
    }
}

/// A programme as the API accepts it.
struct ProgrammeInput: Decodable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id"]

    let name: String
    let objectives: String?
    let focusCompetencies: [String]?
    let format: MentoringFormat
    let durationWeeks: Int
    let cadence: MeetingCadence
    let matching: MatchingSettings?

    var record: ProgrammeRecord {
        ProgrammeRecord(name: name, objectives: objectives ?? "", focusCompetencies: focusCompetencies ?? [],
                        format: format, durationWeeks: durationWeeks, cadence: cadence, matching: matching)
    }
}

/// A cycle as the API shows it, with its enrolment counts and where it may go next.
struct CycleBody: ResponseEncodable {
    let id: String
    let programmeId: String
    let number: Int
    let name: String
    let state: CycleState
    let allowedNextStates: [CycleState]
    let mentors: Int
    let mentees: Int

    init(_ cycle: Cycle, store: any LodestarRepositories) async throws {
        let counts = try await store.enrolmentCounts(in: cycle.id)
        id = cycle.id.description
        programmeId = cycle.programmeID.description
        number = cycle.number
        name = cycle.name
        state = cycle.state
        allowedNextStates = cycle.state.allowedNextStates
        mentors = counts[.mentor, default: 0]
        mentees = counts[.mentee, default: 0]
    }
}

/// A new cycle, or a change of name or state.
struct CycleInput: Decodable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id", "programmeId", "number", "allowedNextStates", "mentors", "mentees"]

    let name: String?
    let state: CycleState?
}
