import Foundation

/// Use cases of applications (PRODUCT.md M3): a programme's managers invite people to apply to
/// a cycle as mentor or mentee and decide on what they receive; each person applies with their
/// profile and may withdraw until matching. Only an accepted application enrols its person.
public struct Applications: Sendable {
    let store: any LodestarRepositories
    let principal: Principal
    /// Gives people who never signed in their account and first link with their invitation;
    /// its public address is the messages' links'.
    let accounts: AccountLinks

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal, accounts: AccountLinks) {
        self.store = store
        self.principal = principal
        self.accounts = accounts
    }

    // MARK: The manager

    /// A cycle's applications as its managers read them: one page, filtered by state and role,
    /// with the count in each state.
    public func board(of cycleID: Cycle.ID, state: ApplicationState? = nil, role: EnrolmentRole? = nil, page: PageRequest = .first) async throws -> ApplicationBoard {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "seeing a cycle's applications")
        return ApplicationBoard(cycle: cycle, programme: programme, counts: try await store.applicationCounts(in: cycleID),
                                applications: try await store.namedApplications(in: cycleID, state: state, role: role, page: page))
    }

    /// People of the directory whose name contains `name`, to invite to a cycle: the first
    /// `limit` by name (managers see names, titles and departments to choose whom to invite).
    public func candidates(named name: String, for cycleID: Cycle.ID, limit: Int = 20) async throws -> [Person] {
        try principal.requireManager(of: try await store.cycleAndProgramme(cycleID).programme, "searching the directory for people to invite")
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [] }
        return try await store.people(matching: PeopleQuery(name: String(name.prefix(100))), page: try PageRequest(offset: 0, limit: limit)).items
    }

    /// Invites the people of an invitation file to apply, all-or-nothing: a line naming no one
    /// in the directory or a bad role refuses the file with its line and column.
    public func invite(file text: String, to cycleID: Cycle.ID, now: Date) async throws -> InvitationSummary {
        let place = try await invitingTo(cycleID)
        let (lines, issues) = try InvitationList.read(text)
        return try await invite(lines, issues, to: place, now: now)
    }

    /// Invites people sent as items (HR id or email, role), by the file's rules.
    public func invite(_ items: [InvitationList.Item], to cycleID: Cycle.ID, now: Date) async throws -> InvitationSummary {
        let place = try await invitingTo(cycleID)
        let (lines, issues) = InvitationList.read(items)
        return try await invite(lines, issues, to: place, now: now)
    }

    /// Invites people chosen in the directory by id, in one role.
    public func invite(people ids: [Person.ID], as role: EnrolmentRole, to cycleID: Cycle.ID, now: Date) async throws -> InvitationSummary {
        let place = try await invitingTo(cycleID)
        guard !ids.isEmpty else { throw ValidationError([FieldIssue(field: "person", message: "choose at least one person to invite")]) }
        let found = Dictionary(uniqueKeysWithValues: try await store.people(ids: Set(ids)).map { ($0.id, $0) })
        let people = try ids.map { id in
            guard let person = found[id] else { throw ValidationError([FieldIssue(field: "person", message: "\(id) is not in the people directory")]) }
            return person
        }
        return try await invite(people.map { ($0, role) }, to: place, now: now)
    }

    /// Decides on an application: accepting enrols its person with the profile they applied
    /// with; declining or waitlisting an accepted one unenrols them. Allowed until matching.
    public func decide(_ id: ProgrammeApplication.ID, _ decision: ApplicationState, now: Date) async throws -> ProgrammeApplication {
        var (application, cycle, programme) = try await read(id)
        try principal.requireManager(of: programme, "deciding on applications")
        guard ApplicationState.decisions.contains(decision) else {
            throw ValidationError([FieldIssue(field: "decision", message: "'\(decision.rawValue)' is not one of accepted, waitlisted, declined")])
        }
        guard application.state.awaitsDecision, let profile = application.profile else {
            throw ValidationError([FieldIssue(field: "decision", message: "the application is \(application.state.words); a decision needs an application sent")])
        }
        try office.requireOpen(cycle, of: programme)
        let existing = try await office.enrolments(of: application.personID, in: cycle.id)
        let joining = decision == .accepted
            ? try await office.enrolment(of: application.personID, in: cycle, of: programme, as: application.role, profile: profile, besides: existing) : nil
        let leaving = application.state == .accepted && decision != .accepted ? existing.first { $0.role == application.role } : nil
        application.state = decision
        application.decided = Attribution(principal, at: now)
        let notice = try await person(application.personID).map {
            writer(now, programme).applicationDecided($0, application, in: cycle.place(in: programme), form: .application(.value(id)))
        }
        try await store.inTransaction { [application] store in
            if let joining { try await store.save(joining) }
            if let leaving { try await store.removeEnrolment(leaving.id) }
            try await store.save(application)
            if let notice { try await store.save(notice) }
        }
        return application
    }

    // MARK: The applicant

    /// The principal's own applications, newest invitation first, each with its cycle and programme.
    public func mine() async throws -> [ApplicationPage] {
        guard let person = principal.person else { return [] }
        return try await ApplicationPage.all(of: person, store)
    }

    /// An application, for its person and the programme's managers.
    public func page(_ id: ProgrammeApplication.ID) async throws -> ApplicationPage {
        let (application, cycle, programme) = try await read(id)
        guard let person = try await person(application.personID) else { throw NotFound("application", id) }
        return ApplicationPage(application: application, cycle: cycle, programme: programme, person: person)
    }

    /// Sends (or re-sends) the application form: the profile, checked by the enrolment rules
    /// (a mentor gives capacity and availability), and why they want to take part. Open while
    /// the cycle is enrolling, until the day applications close.
    public func apply(_ id: ProgrammeApplication.ID, profile: MentoringProfile, motivation: String, now: Date) async throws -> ProgrammeApplication {
        var (application, cycle, programme) = try await ownApplication(id, "applying for someone else")
        guard application.state.takesApplication else {
            throw ValidationError([FieldIssue(field: "application", message: "the application is \(application.state.words); it no longer changes")])
        }
        guard cycle.state == .enrolling, cycle.dates.takeApplications(at: now) else {
            let when = cycle.dates.applicationsClose.map { "; applications closed on \(CycleDates.day($0))" } ?? ""
            throw ValidationError([FieldIssue(field: "application", message: "\(cycle.name) takes no applications now (it is \(cycle.state.rawValue)\(cycle.state == .enrolling ? when : ""))")])
        }
        let motivation = motivation.trimmingCharacters(in: .whitespacesAndNewlines)
        let existing = try await office.enrolments(of: application.personID, in: cycle.id)
        var issues = try await office.enrolmentIssues(application.role, profile, besides: existing, in: programme)
        issues += Self.required(for: application.role).filter { profile.missing(for: application.role).contains($0.missing) }
            .map { FieldIssue(field: $0.field, message: $0.message) }
        if motivation.count > Self.motivationLimit {
            issues.append(FieldIssue(field: "motivation", message: "is \(motivation.count) characters; keep it under \(Self.motivationLimit)"))
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        application.profile = profile
        application.motivation = motivation
        application.appliedAt = now
        if application.state != .waitlisted { application.state = .applied }
        try await store.save(application)
        return application
    }

    /// Withdraws an application before matching; an accepted one unenrols its person.
    public func withdraw(_ id: ProgrammeApplication.ID, now: Date) async throws -> ProgrammeApplication {
        var (application, cycle, _) = try await ownApplication(id, "withdrawing someone else's application")
        guard application.state.withdrawable else {
            throw ValidationError([FieldIssue(field: "application", message: "the application is \(application.state.words) already")])
        }
        guard cycle.takesEnrolments else {
            throw ValidationError([FieldIssue(field: "application", message: "\(cycle.name) is \(cycle.state.rawValue); an application is withdrawn before matching — ask your programme manager to end your part")])
        }
        let leaving = application.state == .accepted ? try await office.enrolments(of: application.personID, in: cycle.id).first { $0.role == application.role } : nil
        application.state = .withdrawn
        application.decided = Attribution(principal, at: now)
        try await store.inTransaction { [application] store in
            if let leaving { try await store.removeEnrolment(leaving.id) }
            try await store.save(application)
        }
        return application
    }

    /// What an application must give beyond a profile's rules (which ask a mentor's capacity):
    /// a mentor what they can mentor in, a mentee what they want to develop, and both when they are free.
    static func required(for role: EnrolmentRole) -> [(missing: String, field: String, message: String)] {
        switch role {
        case .mentor: [("skills you can mentor in", "skills", "is empty; name what you can mentor in, e.g. coaching:4"), availability]
        case .mentee: [("development goals", "development_goals", "is empty; name what you want to develop, e.g. delegation:1"), availability]
        }
    }

    private static let availability = (missing: "weekly availability", field: "availability", message: "is empty; say when you are free, e.g. mon 09:00-11:00")

    /// The longest motivation kept.
    public static let motivationLimit = 2_000

    // MARK: Helpers

    private var office: ProgrammeOffice { ProgrammeOffice(store: store, principal: principal) }

    /// The cycle people are invited to, once the principal manages it and it takes enrolments.
    private func invitingTo(_ cycleID: Cycle.ID) async throws -> (cycle: Cycle, programme: Programme) {
        let (cycle, programme) = try await store.cycleAndProgramme(cycleID)
        try principal.requireManager(of: programme, "inviting people to apply")
        try office.requireOpen(cycle, of: programme)
        return (cycle, programme)
    }

    private func invite(_ lines: [InvitationList.Line], _ issues: [CSVIssue], to place: (cycle: Cycle, programme: Programme), now: Date) async throws -> InvitationSummary {
        var issues = issues, people: [(Person, EnrolmentRole)] = [], seen = Set<String>()
        for line in lines {
            let person = line.column == "email" ? try await store.person(email: line.person.lowercased()) : try await store.person(externalID: line.person)
            guard let person else {
                issues.append(line.record.issue(line.column, "'\(line.person)' is not in the people directory"))
                continue
            }
            guard seen.insert("\(person.id) \(line.role)").inserted else {
                issues.append(line.record.issue(line.column, "\(person.name) is invited as \(line.role.rawValue) on an earlier line"))
                continue
            }
            people.append((person, line.role))
        }
        guard issues.isEmpty else { throw CSVImportError(issues.sorted { $0.line < $1.line }) }
        return try await invite(people, to: place, now: now)
    }

    /// Invites each person not invited yet (a withdrawn or declined application is renewed);
    /// those already invited, applying or enrolled are counted and left as they are.
    private func invite(_ people: [(Person, EnrolmentRole)], to place: (cycle: Cycle, programme: Programme), now: Date) async throws -> InvitationSummary {
        let (cycle, programme) = place
        let writer = writer(now, programme)
        // The cycle's applications and enrolments, read once for every person invited.
        let applied = Dictionary(grouping: try await store.applications(in: cycle.id), by: \.personID)
        let enrolled = Set(try await store.allEnrolments(in: cycle.id).map { "\($0.personID) \($0.role)" })
        var applications: [ProgrammeApplication] = [], notices: [Notice] = [], accounts: [(Account, OneTimeLink)] = []
        var summary = InvitationSummary()
        for (person, role) in people {
            let earlier = applied[person.id] ?? []
            if enrolled.contains("\(person.id) \(role)") || earlier.contains(where: { $0.role == role && $0.state.stands }) {
                summary.alreadyInvited.append(person.name)
                continue
            }
            if !programme.format.allowsBothRoles, let other = earlier.first(where: { $0.role != role && $0.state != .withdrawn }) {
                throw ValidationError([FieldIssue(field: "role", message: "\(person.name) is invited as \(other.role.rawValue) in this cycle already; only peer programmes allow both roles")])
            }
            var application = earlier.first { $0.role == role } ?? ProgrammeApplication(cycleID: cycle.id, personID: person.id, role: role, invited: Attribution(principal, at: now))
            application.state = .invited
            application.invited = Attribution(principal, at: now)
            application.decided = nil
            let firstSignIn = try await self.accounts.firstSignIn(for: person, invitedBy: principal.displayName, now: now)
            if let firstSignIn {
                accounts.append((firstSignIn.account, firstSignIn.link))
                notices.append(firstSignIn.notice)
            }
            notices.append(writer.invitedToApply(person, as: role, to: cycle.place(in: programme), objectives: programme.objectives, closes: cycle.dates.applicationsClose,
                                                 form: .application(.value(application.id)), signInFirst: firstSignIn != nil))
            applications.append(application)
            summary.invited.append(person.name)
        }
        try await store.inTransaction { [applications, notices, accounts] store in
            for (account, link) in accounts {
                try await store.save(account)
                try await store.save(link)
            }
            for application in applications { try await store.save(application) }
            for notice in notices { try await store.save(notice) }
        }
        return summary
    }

    private func read(_ id: ProgrammeApplication.ID) async throws -> (ProgrammeApplication, Cycle, Programme) {
        guard let application = try await store.application(id), let (cycle, programme) = try await store.cycleWithProgramme(application.cycleID),
              principal.isPerson(application.personID) || principal.manages(programme.id) else {
            throw NotFound("application", id)
        }
        return (application, cycle, programme)
    }

    private func ownApplication(_ id: ProgrammeApplication.ID, _ doing: String) async throws -> (ProgrammeApplication, Cycle, Programme) {
        let found = try await read(id)
        guard principal.isPerson(found.0.personID) else { throw AccessDenied("\(doing.capitalisedFirst) is not possible: only the applicant sends or withdraws their application.") }
        return found
    }

    private func person(_ id: Person.ID) async throws -> Person? { try await store.person(id) }

    private func writer(_ now: Date, _ programme: Programme) -> NoticeWriter { NoticeWriter(publicURL: accounts.publicURL, now: now, about: programme.id) }
}

/// What inviting did: who was invited, and who was invited, applying or enrolled already.
public struct InvitationSummary: Sendable, Equatable {
    public var invited: [String] = []
    public var alreadyInvited: [String] = []
}

/// A cycle's applications for its managers: the counts in each state and one page.
public struct ApplicationBoard: Sendable {
    public let cycle: Cycle
    public let programme: Programme
    public let counts: [ApplicationState: Int]
    public let applications: Page<NamedApplication>
}

/// One application with its cycle, programme and person.
public struct ApplicationPage: Sendable {
    public let application: ProgrammeApplication
    public let cycle: Cycle
    public let programme: Programme
    public let person: Person
}

extension ApplicationPage {
    /// Every application of `person`, newest invitation first, each with its cycle and programme.
    static func all(of person: Person, _ store: any ApplicationRepository & ProgrammeRepository) async throws -> [ApplicationPage] {
        var places: [Cycle.ID: (Cycle, Programme)] = [:]
        var pages: [ApplicationPage] = []
        for application in try await store.applications(of: person.id) {
            if places[application.cycleID] == nil, let found = try await store.cycleWithProgramme(application.cycleID) { places[application.cycleID] = found }
            guard let (cycle, programme) = places[application.cycleID] else { continue }
            pages.append(ApplicationPage(application: application, cycle: cycle, programme: programme, person: person))
        }
        return pages
    }
}
