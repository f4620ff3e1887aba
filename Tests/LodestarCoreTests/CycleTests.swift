import LodestarCore
import Testing

@Suite("Cycle states")
struct CycleTests {
    @Test("walks draft → enrolling → matching → active → closed")
    func happyPath() throws {
        var cycle = Cycle(programmeID: Programme.ID(), number: 1, name: "One")
        for state in [CycleState.enrolling, .matching, .active, .closed] { try cycle.move(to: state) }
        #expect(cycle.state == .closed)
    }

    @Test("refuses an illegal move and names the allowed ones", arguments: [
        (CycleState.draft, CycleState.active, "a cycle cannot move from draft to active; allowed from draft: enrolling"),
        (.enrolling, .closed, "a cycle cannot move from enrolling to closed; allowed from enrolling: matching or draft"),
        (.closed, .enrolling, "a cycle cannot move from closed to enrolling; allowed from closed: none: a closed cycle is final"),
    ])
    func refusesIllegalMoves(from: CycleState, to: CycleState, message: String) {
        var cycle = Cycle(programmeID: Programme.ID(), number: 1, name: "One", state: from)
        let error = #expect(throws: CycleTransitionError.self) { try cycle.move(to: to) }
        #expect(error?.description == message)
        #expect(cycle.state == from)
    }
}
