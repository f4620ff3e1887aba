import Foundation

/// The sign-ins `serve --demo` prints: an admin, the demo programme's manager, and one of its
/// mentors and mentees, all with the same demo password. Created once; kept afterwards.
public struct DemoAccounts: Sendable {
    /// The password of every demo account (the demo is for trying Lodestar, never for real data).
    public static let password = "lodestar-demo"

    let store: any LodestarRepositories
    let credentials: any Credentials

    /// Creates the use case.
    public init(store: any LodestarRepositories, credentials: any Credentials) {
        self.store = store
        self.credentials = credentials
    }

    /// One demo sign-in.
    public struct SignIn: Sendable, Equatable {
        public let role: String
        public let email: String
    }

    /// Makes sure the demo accounts exist (when the demo programme does) and returns their sign-ins.
    public func ensure(now: Date) async throws -> [SignIn] {
        guard let programme = try await store.programmes(page: .everything).items.first else { return [] }
        // The latest cycle anyone is enrolled in: the demo's own, after its pilot, before any the manager opens.
        var latest: (cycle: Cycle, enrolments: [Enrolment])?
        for cycle in try await store.cycles(of: programme.id).sorted(by: { $0.number > $1.number }) {
            let enrolments = try await store.allEnrolments(in: cycle.id)
            if !enrolments.isEmpty { latest = (cycle, enrolments); break }
        }
        guard let (cycle, enrolments) = latest else { return [] }
        let enrolled = Set(enrolments.map(\.personID))
        var signIns: [SignIn] = []
        let hash = credentials.hash(password: Self.password)
        func account(_ role: String, email: String, person: Person?, admin: Bool) async throws -> Account {
            var account = Account(email: email, personID: person?.id, passwordHash: hash, isAdmin: admin, createdAt: now)
            if let existing = try await store.account(email: email) { account = existing } else { try await store.save(account) }
            signIns.append(SignIn(role: role, email: account.email))
            return account
        }
        _ = try await account("organisation admin", email: "admin@lodestar.example", person: nil, admin: true)
        // The manager is someone from the directory who takes no part in the cycle.
        if let manager = try await store.allPeople().first(where: { !enrolled.contains($0.id) && $0.level >= 5 }) {
            let managerAccount = try await account("programme manager of '\(programme.name)'", email: manager.email, person: manager, admin: false)
            try await store.appoint(managerAccount.id, toManage: programme.id, appointed: Attribution(by: "the demo", at: now))
            if try await store.readinessAnswers(of: programme.id).isEmpty {
                let answered = Attribution(by: "\(manager.name) <\(manager.email)>", at: now)
                try await store.save(DemoReadiness.answers.map {
                    ReadinessAnswer(programme: programme.id, question: $0.question, level: $0.level, note: $0.note, attribution: answered)
                })
            }
        }
        // The first mentor and mentee by person id, whichever database and order (the demo's pilot cycle has them too).
        for role in [EnrolmentRole.mentor, .mentee] {
            if let enrolment = enrolments.filter({ $0.role == role }).min(by: { $0.personID.uuid.uuidString < $1.personID.uuid.uuidString }),
               let person = try await store.person(enrolment.personID) {
                _ = try await account(role.rawValue + " in '\(cycle.name)'", email: person.email, person: person, admin: false)
            }
        }
        return signIns
    }
}
