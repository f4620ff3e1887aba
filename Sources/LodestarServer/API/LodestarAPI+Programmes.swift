import Foundation
import LodestarCore

/// `/api/v1/programmes` and `/api/v1/cycles`: programmes, their cycles and cycle states.
extension LodestarAPI {
    func listProgrammes(_ input: Operations.ListProgrammes.Input) async throws -> Operations.ListProgrammes.Output {
        let page = try await ProgrammeLists.programmes(for: try APIRequest.principal(), page: try APIRequest.page(input.query.offset, input.query.limit), store)
        return .ok(.init(body: .json(ListBody(page, ProgrammeBody.init))))
    }

    func getProgramme(_ input: Operations.GetProgramme.Input) async throws -> Operations.GetProgramme.Output {
        let programme = try await programme(input.path.id)
        return .ok(.init(headers: .init(eTag: try EntityTag.of(programme)), body: .json(ProgrammeBody(programme))))
    }

    func createProgramme(_ input: Operations.CreateProgramme.Input) async throws -> Operations.CreateProgramme.Output {
        try APIRequest.principal().requireAdmin("creating programmes")
        let record = switch input.body { case .json(let json): try json.read().record }
        let programme = try await APIRequest.current().programmeOffice(store).create(record)
        return .created(.init(body: .json(ProgrammeBody(programme))))
    }

    func updateProgramme(_ input: Operations.UpdateProgramme.Input) async throws -> Operations.UpdateProgramme.Output {
        let programme = try await programme(input.path.id, managing: "changing a programme")
        let record = switch input.body { case .json(let json): try json.read().record }
        let (id, context) = (programme.id, try APIRequest.current())
        let updated = try await conditionally(input.headers.ifMatch, lock: .programme(id)) { store in try await context.programmeOffice(store).update(id, with: record) }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(updated)), body: .json(ProgrammeBody(updated))))
    }

    func archiveProgramme(_ input: Operations.ArchiveProgramme.Input) async throws -> Operations.ArchiveProgramme.Output {
        let (id, context) = (try await programme(input.path.id, managing: "archiving a programme").id, try APIRequest.current())
        return .ok(.init(body: .json(ProgrammeBody(try await context.programmeOffice(store).archive(id, now: context.now)))))
    }

    func restoreProgramme(_ input: Operations.RestoreProgramme.Input) async throws -> Operations.RestoreProgramme.Output {
        let (id, context) = (try await programme(input.path.id, managing: "restoring a programme").id, try APIRequest.current())
        return .ok(.init(body: .json(ProgrammeBody(try await context.programmeOffice(store).restore(id, now: context.now)))))
    }

    func listProgrammeCycles(_ input: Operations.ListProgrammeCycles.Input) async throws -> Operations.ListProgrammeCycles.Output {
        let programme = try await programme(input.path.id)
        let page = try await ProgrammeLists.cycles(for: try APIRequest.principal(), programme: programme.id,
                                                   page: try APIRequest.page(input.query.offset, input.query.limit), store)
        return .ok(.init(body: .json(ListBody(page) { CycleBody($0.cycle, counts: $0.counts) })))
    }

    func startCycle(_ input: Operations.StartCycle.Input) async throws -> Operations.StartCycle.Output {
        let programme = try await programme(input.path.id, managing: "starting a cycle")
        let body = switch input.body { case .json(let json): try json.read() }
        let context = try APIRequest.current()
        let override = ReadinessOverride(reason: body.readinessOverride, at: context.now)
        // A cycle its state refuses (below the readiness threshold, say) is not left behind in draft.
        let cycle = try await store.inTransaction { [id = programme.id] store in
            let office = try context.programmeOffice(store)
            var cycle = try await office.startCycle(of: id, name: body.name)
            if let dates = try body.dates?.read() { cycle = try await office.setDates(of: cycle.id, to: dates) }
            if let state = body.state, state != cycle.state { cycle = try await office.move(cycle.id, to: state, readinessOverride: override, now: context.now) }
            return cycle
        }
        return .created(.init(body: .json(try await CycleBody(cycle, store: store))))
    }

    func listCycles(_ input: Operations.ListCycles.Input) async throws -> Operations.ListCycles.Output {
        let programme: Programme.ID? = try input.query.programmeId.map { text in
            guard let id = Programme.ID(text) else { throw ValidationError([FieldIssue(field: "programmeId", message: "'\(text)' is not a programme id")]) }
            return id
        }
        let state: CycleState? = try input.query.state.map { text in
            guard let state = CycleState(rawValue: text) else {
                throw ValidationError([FieldIssue(field: "state", message: "'\(text)' is not one of \(CycleState.allCases.map(\.rawValue).joined(separator: ", "))")])
            }
            return state
        }
        let page = try await ProgrammeLists.cycles(for: try APIRequest.principal(), programme: programme, state: state,
                                                   page: try APIRequest.page(input.query.offset, input.query.limit), store)
        return .ok(.init(body: .json(ListBody(page) { CycleBody($0.cycle, counts: $0.counts) })))
    }

    func getCycle(_ input: Operations.GetCycle.Input) async throws -> Operations.GetCycle.Output {
        let cycle = try await cycle(input.path.id)
        return .ok(.init(headers: .init(eTag: try EntityTag.of(cycle)), body: .json(try await CycleBody(cycle, store: store))))
    }

    func updateCycle(_ input: Operations.UpdateCycle.Input) async throws -> Operations.UpdateCycle.Output {
        let (id, context) = (try await cycle(input.path.id, managing: "changing a cycle").id, try APIRequest.current())
        let body = switch input.body { case .json(let json): try json.read() }
        // The move and the rename commit together.
        let cycle = try await conditionally(input.headers.ifMatch ?? "*", lock: .cycle(id)) { store in
            var cycle = try await store.cycleAndProgramme(id).cycle
            let office = try context.programmeOffice(store)
            let override = ReadinessOverride(reason: body.readinessOverride, at: context.now)
            if let state = body.state, state != cycle.state { cycle = try await office.move(cycle.id, to: state, readinessOverride: override, now: context.now) }
            if let name = body.name, name != cycle.name { cycle = try await office.rename(cycle.id, to: name) }
            if let dates = try body.dates?.read(), dates != cycle.dates { cycle = try await office.setDates(of: cycle.id, to: dates) }
            return cycle
        }
        return .ok(.init(headers: .init(eTag: try EntityTag.of(cycle)), body: .json(try await CycleBody(cycle, store: store))))
    }

    /// The programme of the path, once the caller may see it (and manage it, when `doing` is given).
    private func programme(_ text: String, managing doing: String? = nil) async throws -> Programme {
        let principal = try APIRequest.principal()
        let id: Programme.ID = try Identifier(path: text, of: "programme")
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        try principal.requireSight(of: programme)
        if let doing { try principal.requireManager(of: programme, doing) }
        return programme
    }

    /// The cycle of the path, once the caller may see its programme (and manage it, when `doing` is given).
    private func cycle(_ text: String, managing doing: String? = nil) async throws -> Cycle {
        let principal = try APIRequest.principal()
        let id: Cycle.ID = try Identifier(path: text, of: "cycle")
        let (cycle, programme) = try await store.cycleAndProgramme(id)
        try principal.requireSight(of: programme)
        if let doing { try principal.requireManager(of: programme, doing) }
        return cycle
    }
}

/// A programme as the API shows it.
struct ProgrammeBody: Encodable, Hashable, Sendable {
    let id: String
    let name: String
    let objectives: String
    let focusCompetencies: [String]
    let format: MentoringFormat
    let durationWeeks: Int
    let cadence: MeetingCadence
    /// The settings in force (the format's defaults when the programme has none of its own).
    let matching: MatchingSettings
    /// While archived: since when.
    let archivedAt: Date?

    init(_ programme: Programme) {
        id = programme.id.description
        name = programme.name
        objectives = programme.objectives
        focusCompetencies = programme.focusCompetencies
        format = programme.format
        durationWeeks = programme.durationWeeks
        cadence = programme.cadence
        matching = programme.effectiveMatching
        archivedAt = programme.archivedAt
    }
}

/// A programme as the API accepts it.
struct ProgrammeInput: Decodable, Hashable, Sendable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id", "archivedAt"]

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
struct CycleBody: Encodable, Hashable, Sendable {
    let id: String
    let programmeId: String
    let number: Int
    let name: String
    let state: CycleState
    let allowedNextStates: [CycleState]
    let mentors: Int
    let mentees: Int
    let dates: CycleDatesBody

    init(_ cycle: Cycle, store: any LodestarRepositories) async throws {
        self.init(cycle, counts: try await store.enrolmentCounts(in: cycle.id))
    }

    init(_ cycle: Cycle, counts: [EnrolmentRole: Int]) {
        id = cycle.id.description
        programmeId = cycle.programmeID.description
        number = cycle.number
        name = cycle.name
        state = cycle.state
        allowedNextStates = cycle.state.allowedNextStates
        mentors = counts[.mentor, default: 0]
        mentees = counts[.mentee, default: 0]
        dates = CycleDatesBody(cycle.dates)
    }
}

/// A cycle's calendar: days as `yyyy-MM-dd`, each absent while unset.
struct CycleDatesBody: Codable, Hashable, Sendable {
    let applicationsClose: String?
    let matching: String?
    let start: String?
    let end: String?

    init(_ dates: CycleDates) {
        (applicationsClose, matching, start, end) = (dates.applicationsClose?.day, dates.matching?.day, dates.start?.day, dates.end?.day)
    }

    /// The calendar these days say, refused field by field.
    func read() throws -> CycleDates {
        try FormClock.cycleDates { ["applicationsClose": applicationsClose, "matching": matching, "start": start, "end": end][$0] ?? nil }
    }
}

/// A new cycle, or a change of name or state.
struct CycleInput: Decodable, Hashable, Sendable, ReadOnlyFields {
    static let readOnlyFields: Set<String> = ["id", "programmeId", "number", "allowedNextStates", "mentors", "mentees"]

    let name: String?
    let state: CycleState?
    /// The whole calendar: days left out are unset.
    let dates: CycleDatesBody?
    /// Why the cycle leaves draft although its programme is below the readiness threshold (recorded).
    let readinessOverride: String?
}
