import Foundation

/// Use cases of certificates: a participant sees, for each cycle they took part in, whether its
/// certificate's conditions are met — the cycle closed, the agreement signed by everyone, enough
/// meetings held, the end-of-cycle survey answered where one was asked — and takes it; anyone
/// with its code verifies it.
public struct Certificates: Sendable {
    let store: any LodestarRepositories
    let principal: Principal

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// The principal's certificates and the conditions still open, one per cycle with a relationship.
    public func mine() async throws -> [CertificateStatus] {
        guard let me = principal.person else { return [] }
        let relationships = try await store.relationships(of: me.id)
        guard !relationships.isEmpty else { return [] }
        let cycles = Dictionary(try await store.cyclesWithProgrammes(of: me.id).map { ($0.cycle.id, $0) }, uniquingKeysWith: { first, _ in first })
        let issued = Dictionary(try await store.certificates(of: me.id).map { ($0.cycleID, $0) }, uniquingKeysWith: { first, _ in first })
        var statuses: [CertificateStatus] = []
        for (cycleID, own) in Dictionary(grouping: relationships, by: \.cycleID) {
            guard let (cycle, programme) = cycles[cycleID] else { continue }
            let role: EnrolmentRole = own.contains { $0.mentorPerson == me.id } ? .mentor : .mentee
            let missing = issued[cycleID] == nil ? try await missing(for: me.id, as: role, in: own, cycle: cycle, programme: programme) : []
            statuses.append(CertificateStatus(cycle: cycle, programme: programme, role: role, certificate: issued[cycleID], missing: missing))
        }
        return statuses.sorted { ($0.programme.name, $0.cycle.number) < ($1.programme.name, $1.cycle.number) }
    }

    /// Issues the principal's certificate for a cycle once its conditions are met (the one
    /// already issued, when there is one).
    public func issue(for cycleID: Cycle.ID, now: Date) async throws -> Certificate {
        guard let me = principal.person, let status = try await mine().first(where: { $0.cycle.id == cycleID }) else {
            throw NotFound("certificate of the cycle", cycleID)
        }
        if let certificate = status.certificate { return certificate }
        guard status.missing.isEmpty else {
            throw ValidationError(status.missing.map { FieldIssue(field: "certificate", message: $0) })
        }
        try await store.save(Certificate(personID: me.id, cycleID: cycleID, role: status.role, issuedAt: now))
        // Two requests at once issue one certificate: the first one stored is the one.
        guard let stored = try await store.certificates(of: me.id).first(where: { $0.cycleID == cycleID }) else { throw NotFound("certificate of the cycle", cycleID) }
        return stored
    }

    /// A certificate by its code, for anyone holding the code (its verification address).
    public static func verify(_ code: String, in store: any LodestarRepositories) async throws -> CertificateReading? {
        guard Certificate.isCode(code), let certificate = try await store.certificate(code: code),
              let person = try await store.person(certificate.personID),
              let (cycle, programme) = try await store.cycleWithProgramme(certificate.cycleID) else { return nil }
        return CertificateReading(certificate: certificate, person: person, cycle: cycle, programme: programme)
    }

    private func missing(for person: Person.ID, as role: EnrolmentRole, in relationships: [Relationship], cycle: Cycle, programme: Programme) async throws -> [String] {
        var missing: [String] = []
        if cycle.state != .closed { missing.append("the cycle has not closed yet") }
        let ids = relationships.map(\.id)
        let agreements = Dictionary(grouping: try await store.agreements(ofAny: ids), by: \.relationshipID)
        let signed = relationships.contains { relationship in agreements[relationship.id]?.max { $0.version < $1.version }?.isSigned(in: relationship) == true }
        if !signed { missing.append("your mentoring agreement is not signed by everyone") }
        let held = try await store.meetings(ofAny: ids).count, needed = Certificate.minimumMeetings(for: programme)
        if held < needed { missing.append("\(held) of the \(needed) meetings it asks for are logged") }
        let surveys = try await store.surveys(in: [cycle.id])
        let templates = Dictionary(uniqueKeysWithValues: try await store.surveyTemplates(of: [programme.id]).map { ($0.id, $0) })
        let endSurveys = surveys.filter { templates[$0.templateID].map { $0.moment == .endOfCycle && $0.audience.contains(role) } ?? false }
        if !endSurveys.isEmpty {
            let answered = try await store.answered(Set(endSurveys.map(\.id)), by: person)
            if answered.isEmpty { missing.append("the end-of-cycle survey is not answered") }
        }
        return missing
    }
}
