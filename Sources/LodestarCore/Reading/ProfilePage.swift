/// An enrolment's mentoring profile with its cycle and programme, for the person enrolled and the
/// programme's managers.
public struct ProfilePage: Sendable {
    public let enrolment: Enrolment
    public let cycle: Cycle
    public let programme: Programme

    /// Reads the profile for `principal`; `doing` names what they are doing, for a refusal.
    public static func read(_ id: Enrolment.ID, for principal: Principal, doing: String, _ store: any ProgrammeReading) async throws -> ProfilePage {
        guard let enrolment = try await store.enrolment(id), let (cycle, programme) = try await store.cycleWithProgramme(enrolment.cycleID) else {
            throw NotFound("enrolment", id)
        }
        try principal.requireAccess(to: enrolment, in: programme, doing)
        return ProfilePage(enrolment: enrolment, cycle: cycle, programme: programme)
    }
}
