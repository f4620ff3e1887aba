import Foundation

/// A path parameter: its name where the router declares the path, a value where a link is made.
public enum Parameter<Value: CustomStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)

    public func segment(_ name: String) -> String {
        switch self {
        case .key: ":\(name)"
        case .value(let value): PercentEncoding.encode(value.description)
        }
    }
}

/// The site's pages and forms, by what they show: the router declares each path from here
/// (`.key` for its parameters) and every link, redirect and form on a page is made from here
/// (a `.value`), so a path is written once — also in the messages that link to a page. The JSON
/// API's paths are its own document's.
public enum SiteURL: Sendable {
    case home, styleSheet, signIn, signOut, forgotPassword, setPassword
    case people, person(Parameter<Person.ID>)
    /// The directory as a CSV file; uploading a people file; an upload's preview, confirming or discarding it.
    case peopleCSV, peopleImports, upload(Parameter<PendingImport.ID>, UploadPart? = nil)
    case programme(Parameter<Programme.ID>)
    /// A programme's dashboard (its cycles side by side) and its CSV.
    case programmeDashboard(Parameter<Programme.ID>), programmeDashboardCSV(Parameter<Programme.ID>)
    /// A programme's outcome lift (its mentees against comparable people) and its CSV.
    case programmeOutcomes(Parameter<Programme.ID>), programmeOutcomesCSV(Parameter<Programme.ID>)
    /// A programme's one-page report, to print, and as a PDF.
    case programmeReport(Parameter<Programme.ID>), programmeReportPDF(Parameter<Programme.ID>)
    /// Importing the HR outcomes the lift is measured on.
    case outcomes
    /// Succession: the high potentials and their pipeline; flagging one; removing a flag.
    case succession, successionCSV, removeHighPotential(Parameter<Person.ID>)
    /// The organisation's dashboard: every programme one manages side by side, and its CSV.
    case organisationDashboard, organisationDashboardCSV
    /// A new programme's form; a programme's settings; opening its next cycle.
    case newProgramme, editProgramme(Parameter<Programme.ID>), programmeCycles(Parameter<Programme.ID>)
    /// Archiving a programme, and bringing it back.
    case archiveProgramme(Parameter<Programme.ID>), restoreProgramme(Parameter<Programme.ID>)
    /// The messages sent about a programme.
    case programmeMessages(Parameter<Programme.ID>)
    /// Appointing a programme's manager, and removing one.
    case managers(Parameter<Programme.ID>), removeManager(Parameter<Programme.ID>, Parameter<Account.ID>)
    case conflicts, withdrawConflict(Parameter<ConflictOfInterest.ID>)
    /// A programme's readiness check; the organisation's readiness threshold.
    case readiness(Parameter<Programme.ID>), readinessThreshold
    /// The library and one of its resources; a programme's training; a module to take.
    case library, resource(Parameter<Resource.ID>), programmeTraining(Parameter<Programme.ID>), trainingModule(Parameter<TrainingModule.ID>)
    /// A programme's surveys (adding a template), scheduling one in a cycle; a survey to answer, its results.
    case programmeSurveys(Parameter<Programme.ID>), scheduleSurvey(Parameter<Programme.ID>), survey(Parameter<Survey.ID>, SurveyPart? = nil)
    /// A certificate by its code — its verification address, open to anyone — and its PDF.
    case certificate(Parameter<String>, CertificatePart? = nil)
    /// Kudos shown on the programme's page or taken off (its recipient); a story featured or not (the managers).
    case showKudos(Parameter<Kudos.ID>), featureStory(Parameter<SuccessStory.ID>)
    /// Sending kudos to anyone in one's programmes.
    case kudos
    /// One's own messages, and one of them.
    case inbox, message(Parameter<Notice.ID>)
    case cycle(Parameter<Cycle.ID>, CyclePart? = nil)
    /// The choice of another mentor for one mentee of a cycle's plan.
    case planMentee(Parameter<Cycle.ID>, Parameter<Enrolment.ID>)
    case profile(Parameter<Enrolment.ID>)
    /// A mentee's competency assessments and growth; the mentee asking their line manager to rate them.
    case growth(Parameter<Enrolment.ID>), askLineManager(Parameter<Enrolment.ID>)
    /// An application: its form for the applicant, its record for the managers; withdrawing it; deciding on it.
    case application(Parameter<ProgrammeApplication.ID>, ApplicationPart? = nil)
    case relationship(Parameter<Relationship.ID>, RelationshipPart? = nil)
    /// A goal: its progress, its revision, its state (achieved, dropped, reopened).
    case goal(Parameter<Relationship.ID>, Parameter<Goal.ID>, GoalPart? = nil)
    /// One's pulse on a held meeting.
    case pulse(Parameter<Relationship.ID>, Parameter<HeldMeeting.ID>)
    case meeting(Parameter<Relationship.ID>, Parameter<ScheduledMeeting.ID>, MeetingPart? = nil)
    /// A series of meetings' invitation: one repeating event.
    case meetingSeries(Parameter<Relationship.ID>, Parameter<String>)
    case requests, request(Parameter<MentorRequest.ID>, Answer)
    case calendar, calendarFeed(Parameter<String>)
    case tokens, revokeToken(Parameter<ApiToken.ID>), outbox, invitations
    case webhooks, webhook(Parameter<WebhookEndpoint.ID>, WebhookPart? = nil)
    case redeliver(Parameter<WebhookEndpoint.ID>, Parameter<WebhookDelivery.ID>)

    public enum CyclePart: String, Sendable {
        case plan, weights, state, dates, publish, pairs, speed, choose, imports, applications, invitations, growth, certificate, dashboard
        case dashboardCSV = "dashboard.csv"
        case ruleCosts = "plan/what-if"
        case fairness
        case fairnessCSV = "fairness.csv"
        case weeksCSV = "weeks.csv"
        case distributionsCSV = "distributions.csv"
        case report
        case reportPDF = "report.pdf"
        case invitationFile = "invitations/file"
        case speedPrint = "speed/print"
        case speedCalendar = "speed/calendar.ics"
    }

    public enum RelationshipPart: String, Sendable {
        case schedule, end, agreement, notes, goals, meetings, kudos, story, series
        case signAgreement = "agreement/sign"
        case approveStory = "story/approve"
    }

    public enum GoalPart: String, Sendable { case revise, state }

    public enum MeetingPart: String, Sendable {
        case cancel, held
        case invitation = "invitation.ics"
    }

    public enum ApplicationPart: String, Sendable { case withdraw, decision }

    public enum CertificatePart: String, Sendable { case pdf }

    public enum SurveyPart: String, Sendable {
        case results
        case resultsCSV = "results.csv"
    }

    public enum Answer: String, Sendable { case accept, decline }

    public enum UploadPart: String, Sendable { case confirm, discard }

    public enum WebhookPart: String, Sendable { case secret, remove }

    /// The path: with `.key` parameters as the router declares it, with values as a link.
    public var path: String {
        switch self {
        case .home: "/"
        case .styleSheet: "/assets/style.css"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .forgotPassword: "/forgot-password"
        case .setPassword: "/set-password"
        case .people: "/people"
        case .person(let id): "/people/\(id.segment("id"))"
        case .peopleCSV: "/people.csv"
        case .peopleImports: "/people/imports"
        case .upload(let id, let part): "/imports/\(id.segment("id"))" + Self.suffix(part?.rawValue)
        case .programme(let id): "/programmes/\(id.segment("id"))"
        case .programmeDashboard(let id): "/programmes/\(id.segment("id"))/dashboard"
        case .programmeDashboardCSV(let id): "/programmes/\(id.segment("id"))/dashboard.csv"
        case .programmeOutcomes(let id): "/programmes/\(id.segment("id"))/outcomes"
        case .programmeOutcomesCSV(let id): "/programmes/\(id.segment("id"))/outcomes.csv"
        case .outcomes: "/admin/outcomes"
        case .succession: "/succession"
        case .successionCSV: "/succession.csv"
        case .organisationDashboard: "/dashboard"
        case .organisationDashboardCSV: "/dashboard.csv"
        case .removeHighPotential(let id): "/succession/\(id.segment("id"))/remove"
        case .programmeReport(let id): "/programmes/\(id.segment("id"))/report"
        case .programmeReportPDF(let id): "/programmes/\(id.segment("id"))/report.pdf"
        case .newProgramme: "/programmes/new"
        case .editProgramme(let id): "/programmes/\(id.segment("id"))/edit"
        case .programmeCycles(let id): "/programmes/\(id.segment("id"))/cycles"
        case .archiveProgramme(let id): "/programmes/\(id.segment("id"))/archive"
        case .programmeMessages(let id): "/programmes/\(id.segment("id"))/messages"
        case .restoreProgramme(let id): "/programmes/\(id.segment("id"))/restore"
        case .managers(let id): "/programmes/\(id.segment("id"))/managers"
        case .removeManager(let id, let account): "/programmes/\(id.segment("id"))/managers/\(account.segment("account"))/remove"
        case .readiness(let id): "/programmes/\(id.segment("id"))/readiness"
        case .readinessThreshold: "/admin/readiness-threshold"
        case .conflicts: "/conflicts"
        case .inbox: "/inbox"
        case .library: "/library"
        case .resource(let id): "/library/\(id.segment("id"))"
        case .programmeTraining(let id): "/programmes/\(id.segment("id"))/training"
        case .trainingModule(let id): "/training/\(id.segment("id"))"
        case .programmeSurveys(let id): "/programmes/\(id.segment("id"))/surveys"
        case .scheduleSurvey(let id): "/programmes/\(id.segment("id"))/surveys/schedule"
        case .survey(let id, let part): "/surveys/\(id.segment("id"))" + Self.suffix(part?.rawValue)
        case .certificate(let code, let part): "/certificates/\(code.segment("code"))" + Self.suffix(part?.rawValue)
        case .showKudos(let id): "/kudos/\(id.segment("id"))/shown"
        case .kudos: "/kudos"
        case .featureStory(let id): "/stories/\(id.segment("id"))/feature"
        case .message(let id): "/inbox/\(id.segment("id"))"
        case .withdrawConflict(let id): "/conflicts/\(id.segment("id"))/withdraw"
        case .cycle(let id, let part): "/cycles/\(id.segment("id"))" + Self.suffix(part?.rawValue)
        case .planMentee(let cycle, let mentee): "/cycles/\(cycle.segment("id"))/plan/mentees/\(mentee.segment("mentee"))"
        case .profile(let id): "/enrolments/\(id.segment("id"))/profile"
        case .growth(let id): "/enrolments/\(id.segment("id"))/growth"
        case .askLineManager(let id): "/enrolments/\(id.segment("id"))/growth/ask-line-manager"
        case .application(let id, let part): "/applications/\(id.segment("id"))" + Self.suffix(part?.rawValue)
        case .relationship(let id, let part): "/relationships/\(id.segment("id"))" + Self.suffix(part?.rawValue)
        case .pulse(let id, let meeting): "/relationships/\(id.segment("id"))/meetings/\(meeting.segment("meeting"))/pulse"
        case .goal(let id, let goal, let part): "/relationships/\(id.segment("id"))/goals/\(goal.segment("goal"))" + Self.suffix(part?.rawValue)
        case .meeting(let id, let meeting, let part): "/relationships/\(id.segment("id"))/schedule/\(meeting.segment("meeting"))" + Self.suffix(part?.rawValue)
        case .meetingSeries(let id, let series): "/relationships/\(id.segment("id"))/series/\(series.segment("series"))/invitation.ics"
        case .requests: "/requests"
        case .request(let id, let answer): "/requests/\(id.segment("id"))/\(answer.rawValue)"
        case .calendar: "/calendar"
        case .calendarFeed(let token): "/calendar/\(token.segment("token"))"
        case .tokens: "/admin/tokens"
        case .revokeToken(let id): "/admin/tokens/\(id.segment("id"))/revoke"
        case .outbox: "/admin/outbox"
        case .invitations: "/admin/invitations"
        case .webhooks: "/admin/webhooks"
        case .webhook(let id, let part): "/admin/webhooks/\(id.segment("id"))" + Self.suffix(part?.rawValue)
        case .redeliver(let id, let delivery): "/admin/webhooks/\(id.segment("id"))/deliveries/\(delivery.segment("delivery"))/redeliver"
        }
    }

    private static func suffix(_ part: String?) -> String { part.map { "/" + $0 } ?? "" }

    /// The page's full address under the server's public address (a message's link, a
    /// certificate's verification address).
    public func address(under publicURL: String) -> String {
        (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + path
    }

    /// The path with a query, each name and value URL-encoded.
    public func with(_ query: [URLQueryItem]) -> String { Self.link(path, query) }

    /// A path with its query, each name and value URL-encoded (a space as `%20`, a `+` as `%2B`,
    /// so a form decoder reads back exactly what was written).
    public static func link(_ path: String, _ query: [URLQueryItem]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { PercentEncoding.encode($0.name, inQuery: true) + "=" + PercentEncoding.encode($0.value ?? "", inQuery: true) }.joined(separator: "&")
    }
}
