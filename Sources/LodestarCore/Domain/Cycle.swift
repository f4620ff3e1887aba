import Foundation

/// One run (cohort) of a programme; later cycles know the earlier ones by programme and number.
public struct Cycle: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<Cycle>

    public var id: ID
    public var programmeID: Programme.ID
    /// 1 for the first cycle of a programme, then 2, 3, …
    public var number: Int
    public var name: String
    public var state: CycleState
    /// When applications close, matching happens, the relationships start and end.
    public var dates: CycleDates
    /// When its plan was published under a matching priority: what the priority did (PRODUCT.md M17).
    public var priorityEffect: PriorityEffect?

    /// Creates a cycle.
    public init(id: ID = ID(), programmeID: Programme.ID, number: Int, name: String, state: CycleState = .draft, dates: CycleDates = CycleDates(),
                priorityEffect: PriorityEffect? = nil) {
        self.id = id
        self.programmeID = programmeID
        self.number = number
        self.name = name
        self.state = state
        self.dates = dates
        self.priorityEffect = priorityEffect
    }

    /// Moves the cycle to `next`, or explains which moves are allowed.
    public mutating func move(to next: CycleState) throws(CycleTransitionError) {
        guard state.allowedNextStates.contains(next) else {
            throw CycleTransitionError(from: state, to: next)
        }
        state = next
    }
}

/// The life of a cycle: draft → enrolling → matching → active → closed.
public enum CycleState: String, Sendable, Codable, CaseIterable, Choice {
    case draft
    case enrolling
    case matching
    case active
    case closed

    /// Where a cycle may go from here. Enrolment may be reopened from matching; nothing leaves closed.
    public var allowedNextStates: [CycleState] {
        switch self {
        case .draft: [.enrolling]
        case .enrolling: [.matching, .draft]
        case .matching: [.active, .enrolling]
        case .active: [.closed]
        case .closed: []
        }
    }

    /// The moves a manager makes by hand: all but matching → active, which publishing a matching
    /// makes (the relationships are created then) — unless mentees choose their mentors, when the
    /// manager ends the choosing by hand.
    public func movesByHand(menteesChoose: Bool) -> [CycleState] {
        allowedNextStates.filter { menteesChoose || !(self == .matching && $0 == .active) }
    }
}

/// A refused cycle state change; the message names the allowed moves.
public struct CycleTransitionError: Error, Equatable, CustomStringConvertible {
    public let from: CycleState
    public let to: CycleState

    public var description: String {
        let allowed = from.allowedNextStates.map(\.rawValue)
        let options = allowed.isEmpty ? "none: a \(from.rawValue) cycle is final" : allowed.joined(separator: " or ")
        return "a cycle cannot move from \(from.rawValue) to \(to.rawValue); allowed from \(from.rawValue): \(options)"
    }
}

extension Cycle {
    /// True while a cycle takes enrolments, invitations and applications' decisions: before matching.
    public var takesEnrolments: Bool { state == .draft || state == .enrolling }

    /// The cycle named with its programme, as pages and messages write it: "Rising Leaders · 2027 cohort".
    public func place(in programme: Programme) -> String { "\(programme.name) · \(name)" }

    /// True while a cycle takes mentees' choices: it is matching or active.
    public var takesChoices: Bool { state == .matching || state == .active }

    /// True while mentees choose their mentors in this cycle: the programme lets them, and the
    /// cycle takes choices.
    public func menteesChoose(in programme: Programme) -> Bool {
        programme.effectiveMatching.menteeChoice != nil && takesChoices
    }
}
