import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
@testable import LodestarServer
import LodestarStore
import LodestarTestSupport
import NIOCore
import Testing

/// Every role against every route: each route of the router must have an entry here, and each
/// entry's expected allow or deny is checked by sending the request as each role.
@Suite("Access matrix")
struct AccessMatrixTests {
    /// The roles, each with its own account (or token) in the demo organisation.
    enum Role: String, CaseIterable, Sendable {
        case anonymous, admin, manager, otherManager, mentor, mentee, outsider, readToken, writeToken

        var isToken: Bool { self == .readToken || self == .writeToken }
    }

    /// Who may pass each route; `signedIn` is every role but anonymous.
    static let everyone = Set(Role.allCases)
    static let signedIn = everyone.subtracting([.anonymous])
    static let admins: Set<Role> = [.admin, .readToken, .writeToken]
    static let adminWriters: Set<Role> = [.admin, .writeToken]
    static let managers: Set<Role> = admins.union([.manager])
    static let managerWriters: Set<Role> = adminWriters.union([.manager])
    static let programmeMembers: Set<Role> = managers.union([.mentor, .mentee])
    /// Admins and the manager of any programme.
    static let anyManager: Set<Role> = managers.union([.otherManager])
    static let anyManagerWriters: Set<Role> = managerWriters.union([.otherManager])

    /// A page's route as the router names it, from the site's declared paths.
    static func get(_ url: SiteURL) -> String { "GET \(url.path)" }
    static func post(_ url: SiteURL) -> String { "POST \(url.path)" }

    /// Route (as the router names it) → who passes. Pages are named by `SiteURL`, the API by its
    /// paths. Paths use the demo's ids (see `concrete`).
    static let matrix: [String: Set<Role>] = [
        "GET /health": everyone,
        get(.styleSheet): everyone,
        get(.signIn): everyone,
        // Pages ignore API tokens (a token's request is an anonymous one there; see `matrixHolds`).
        post(.signIn): everyone,
        post(.signOut): everyone,
        get(.forgotPassword): everyone,
        post(.forgotPassword): everyone,
        get(.setPassword): everyone,
        post(.setPassword): everyone,
        get(.home): signedIn,
        get(.programme(.key)): programmeMembers,
        get(.cycle(.key)): managers,
        get(.cycle(.key, .plan)): managers,
        get(.planMentee(.key, .key)): managers,
        get(.cycle(.key, .ruleCosts)): managers,
        post(.cycle(.key, .publish)): managerWriters,
        post(.cycle(.key, .state)): managerWriters,
        post(.cycle(.key, .dates)): managerWriters,
        post(.cycle(.key, .weights)): managerWriters,
        get(.newProgramme): admins,
        post(.newProgramme): adminWriters,
        get(.editProgramme(.key)): managers,
        post(.editProgramme(.key)): managerWriters,
        post(.programmeCycles(.key)): managerWriters,
        post(.archiveProgramme(.key)): managerWriters,
        get(.programmeMessages(.key)): managers,
        post(.restoreProgramme(.key)): managerWriters,
        post(.managers(.key)): adminWriters,
        post(.removeManager(.key, .key)): adminWriters,
        // The readiness check: the programme's managers; the threshold: the admins.
        // CSV files: people are the admins', enrolments a cycle's managers'; an upload is its
        // uploader's alone (anyone else's is not found, for every role).
        get(.peopleCSV): admins,
        post(.peopleImports): adminWriters,
        post(.cycle(.key, .imports)): managerWriters,
        get(.upload(.key)): signedIn,
        post(.upload(.key, .confirm)): signedIn.subtracting([.readToken]),
        post(.upload(.key, .discard)): signedIn.subtracting([.readToken]),
        get(.readiness(.key)): managers,
        // Applications: a cycle's managers invite and decide; an application is its applicant's and
        // its managers' (for anyone else it is not found — the matrix asks for one that doesn't exist).
        get(.cycle(.key, .applications)): managers,
        post(.cycle(.key, .invitations)): managerWriters,
        post(.cycle(.key, .invitationFile)): managerWriters,
        get(.application(.key)): signedIn,
        // The library is everyone's to read, the managers' to add to; a programme's training its
        // managers'; a module its assigned people's (and managers'), otherwise not found.
        get(.library): signedIn,
        post(.library): anyManagerWriters,
        get(.resource(.key)): signedIn,
        get(.programmeTraining(.key)): managers,
        post(.programmeTraining(.key)): managerWriters,
        get(.trainingModule(.key)): signedIn,
        post(.trainingModule(.key)): signedIn.subtracting([.readToken]),
        // Surveys: a programme's managers write and schedule them; a survey is for the people it
        // asks and its managers, its results its managers' (otherwise not found).
        get(.programmeSurveys(.key)): managers,
        post(.programmeSurveys(.key)): managerWriters,
        post(.scheduleSurvey(.key)): managerWriters,
        get(.survey(.key)): signedIn,
        post(.survey(.key)): signedIn.subtracting([.readToken]),
        get(.survey(.key, .results)): signedIn,
        get(.survey(.key, .resultsCSV)): signedIn,
        // Growth: a mentee's page is theirs, their mentor's and their line manager's (not found
        // for anyone else, managers included); a cycle's means are its managers'.
        get(.growth(.key)): signedIn,
        post(.growth(.key)): signedIn.subtracting([.readToken]),
        post(.askLineManager(.key)): signedIn.subtracting([.readToken]),
        get(.cycle(.key, .growth)): managers,
        // Dashboards: a cycle's and a programme's figures are their managers' (and admins').
        get(.cycle(.key, .dashboard)): managers,
        get(.cycle(.key, .dashboardCSV)): managers,
        get(.cycle(.key, .fairness)): managers,
        get(.cycle(.key, .fairnessCSV)): managers,
        get(.programmeDashboard(.key)): managers,
        get(.programmeDashboardCSV(.key)): managers,
        // Outcome lift: a programme's figures are its managers'; the HR file is imported by admins.
        get(.programmeOutcomes(.key)): managers,
        get(.cycle(.key, .report)): managers,
        get(.cycle(.key, .reportPDF)): managers,
        get(.programmeReport(.key)): managers,
        get(.programmeReportPDF(.key)): managers,
        get(.programmeOutcomesCSV(.key)): managers,
        get(.outcomes): admins,
        // Succession: admins and the managers of any programme.
        get(.succession): anyManager,
        get(.successionCSV): anyManager,
        get(.cycle(.key, .weeksCSV)): managers,
        get(.cycle(.key, .distributionsCSV)): managers,
        get(.organisationDashboard): anyManager,
        get(.organisationDashboardCSV): anyManager,
        post(.succession): anyManagerWriters,
        post(.removeHighPotential(.key)): anyManagerWriters,
        post(.outcomes): adminWriters,
        // Certificates: taken by the people of a cycle (anyone else: not found); a certificate's
        // page and PDF are open to anyone with its code — its verification address.
        post(.cycle(.key, .certificate)): signedIn.subtracting([.readToken]),
        get(.certificate(.key)): everyone,
        get(.certificate(.key, .pdf)): everyone,
        // Kudos are shown or hidden by their recipient, stories featured by their programme's
        // managers (anyone else: not found).
        post(.showKudos(.key)): signedIn.subtracting([.readToken]),
        // Sending kudos: the page says whom one may thank (no one, outside any programme).
        get(.kudos): signedIn,
        post(.kudos): signedIn.subtracting([.readToken]),
        post(.featureStory(.key)): signedIn.subtracting([.readToken]),
        post(.application(.key)): signedIn.subtracting([.readToken]),
        post(.application(.key, .withdraw)): signedIn.subtracting([.readToken]),
        post(.application(.key, .decision)): signedIn.subtracting([.readToken]),
        post(.readiness(.key)): managerWriters,
        post(.readinessThreshold): adminWriters,
        // Conflicts: a manager sees and changes those of their own programmes' people.
        get(.conflicts): anyManager,
        post(.conflicts): anyManagerWriters,
        post(.withdrawConflict(.key)): anyManagerWriters,
        // Everyone signed in has an inbox of their own (another's message is not found).
        get(.inbox): signedIn,
        post(.inbox): signedIn,
        get(.message(.key)): signedIn,
        get(.people): admins,
        get(.person(.key)): admins,
        get(.tokens): admins,
        get(.outbox): admins,
        post(.invitations): adminWriters,
        post(.tokens): adminWriters,
        post(.revokeToken(.key)): adminWriters,
        get(.profile(.key)): managers.union([.mentee]),
        post(.profile(.key)): managerWriters.union([.mentee]),
        // The workspace is the pair's own: no manager, admin or token opens it.
        get(.relationship(.key)): [.mentor, .mentee],
        post(.relationship(.key, .agreement)): [.mentor, .mentee],
        post(.relationship(.key, .signAgreement)): [.mentor, .mentee],
        post(.relationship(.key, .notes)): [.mentor, .mentee],
        post(.relationship(.key, .meetings)): [.mentor, .mentee],
        post(.relationship(.key, .goals)): [.mentor, .mentee],
        post(.goal(.key, .key)): [.mentor, .mentee],
        post(.goal(.key, .key, .revise)): [.mentor, .mentee],
        post(.goal(.key, .key, .state)): [.mentor, .mentee],
        post(.relationship(.key, .kudos)): [.mentor, .mentee],
        post(.relationship(.key, .story)): [.mentor, .mentee],
        post(.relationship(.key, .approveStory)): [.mentor, .mentee],
        post(.pulse(.key, .key)): [.mentor, .mentee],
        post(.relationship(.key, .schedule)): [.mentor, .mentee],
        post(.meeting(.key, .key)): [.mentor, .mentee],
        post(.meeting(.key, .key, .cancel)): [.mentor, .mentee],
        post(.meeting(.key, .key, .held)): [.mentor, .mentee],
        get(.meetingSeries(.key, .key)): [.mentor, .mentee],
        get(.meeting(.key, .key, .invitation)): [.mentor, .mentee],
        // Ending early: the pair, or the programme's manager (never a read token).
        post(.relationship(.key, .end)): managerWriters.union([.mentor, .mentee]),
        get(.cycle(.key, .pairs)): managers,
        post(.cycle(.key, .pairs)): managerWriters,
        // Everyone signed in has the page (an account without a person learns it has no meetings);
        // the feed itself is opened by its secret, which calendar apps send without signing in.
        // Mentee choice: the cycle's mentees choose (the demo programme is not in that mode, so the
        // mentee is told so, past the access rule); a request is answered by its own mentor.
        get(.cycle(.key, .choose)): [.mentee],
        post(.cycle(.key, .choose)): [.mentee],
        get(.requests): signedIn,
        post(.request(.key, .accept)): signedIn.subtracting([.readToken]),
        post(.request(.key, .decline)): signedIn.subtracting([.readToken]),
        // Speed mentoring: the programme's managers and the cycle's participants see the event.
        get(.cycle(.key, .speed)): programmeMembers,
        get(.cycle(.key, .speedPrint)): programmeMembers,
        get(.cycle(.key, .speedCalendar)): programmeMembers,
        post(.cycle(.key, .speed)): managerWriters,
        get(.calendar): signedIn,
        post(.calendar): signedIn.subtracting([.readToken]),
        get(.calendarFeed(.key)): everyone,
        // Webhooks are the admins' (an endpoint that doesn't exist: they get past to a 404).
        get(.webhooks): admins,
        post(.webhooks): adminWriters,
        get(.webhook(.key)): admins,
        post(.webhook(.key)): adminWriters,
        post(.webhook(.key, .secret)): adminWriters,
        post(.webhook(.key, .remove)): adminWriters,
        post(.redeliver(.key, .key)): adminWriters,
        "GET /api/v1/webhooks": admins,
        "POST /api/v1/webhooks": adminWriters,
        "GET /api/v1/webhooks/:id": admins,
        "PATCH /api/v1/webhooks/:id": adminWriters,
        "DELETE /api/v1/webhooks/:id": adminWriters,
        "POST /api/v1/webhooks/:id/secret": adminWriters,
        "GET /api/v1/webhooks/:id/deliveries": admins,
        "POST /api/v1/webhooks/:id/deliveries/:delivery/redeliver": adminWriters,
        "GET /api/v1/openapi.json": everyone,
        "GET /metrics": admins,
        "GET /api/v1/people": admins,
        "POST /api/v1/people": adminWriters,
        "GET /api/v1/people/:id": admins,
        "PUT /api/v1/people/:id": adminWriters,
        "GET /api/v1/programmes": signedIn,
        "POST /api/v1/programmes": adminWriters,
        "GET /api/v1/programmes/:id": programmeMembers,
        "PUT /api/v1/programmes/:id": managerWriters,
        "GET /api/v1/programmes/:id/cycles": programmeMembers,
        "POST /api/v1/programmes/:id/cycles": managerWriters,
        "GET /api/v1/cycles": signedIn,
        "GET /api/v1/cycles/:id": programmeMembers,
        "PUT /api/v1/cycles/:id": managerWriters,
        "GET /api/v1/cycles/:id/enrolments": managers,
        "POST /api/v1/cycles/:id/enrolments": managerWriters,
        "GET /api/v1/enrolments/:id": managers.union([.mentee]),
        "PUT /api/v1/enrolments/:id": managerWriters.union([.mentee]),
        "GET /api/v1/competencies": signedIn,
        "POST /api/v1/competencies": adminWriters,
        "GET /api/v1/competencies/:slug": signedIn,
        "PUT /api/v1/competencies/:slug": adminWriters,
        "GET /api/v1/conflicts": anyManager,
        "POST /api/v1/conflicts": anyManagerWriters,
        "DELETE /api/v1/conflicts/:id": anyManagerWriters,
        "GET /api/v1/conflicts/changes": admins,
        "GET /api/v1/programmes/:id/managers": managers,
        "POST /api/v1/programmes/:id/managers": adminWriters,
        "DELETE /api/v1/programmes/:id/managers/:accountId": adminWriters,
        "GET /api/v1/programmes/:id/changes": managers,
        "POST /api/v1/programmes/:id/archive": managerWriters,
        "GET /api/v1/programmes/:id/messages": managers,
        "POST /api/v1/programmes/:id/restore": managerWriters,
        "GET /api/v1/programmes/:id/readiness": managers,
        "PUT /api/v1/programmes/:id/readiness": managerWriters,
        "GET /api/v1/programmes/:id/readiness/history": managers,
        "GET /api/v1/programmes/:id/readiness/overrides": managers,
        "GET /api/v1/readiness-threshold": anyManager,
        "PUT /api/v1/readiness-threshold": adminWriters,
        "POST /api/v1/people/import": adminWriters,
        "GET /api/v1/people/export": admins,
        "POST /api/v1/cycles/:id/enrolments/import": managerWriters,
        "POST /api/v1/cycles/:id/plan": managerWriters,
        "POST /api/v1/cycles/:id/plan/mentees/:menteeId": managerWriters,
        "POST /api/v1/cycles/:id/plan/what-if": managerWriters,
        "POST /api/v1/cycles/:id/publish": managerWriters,
        "GET /api/v1/cycles/:id/relationships": managers,
        // Tokens are managed by a signed-in admin only: a token can't list, mint or revoke tokens.
        "GET /api/v1/tokens": [.admin],
        "POST /api/v1/tokens": [.admin],
        "DELETE /api/v1/tokens/:id": [.admin],
        "GET /api/v1/outbox": admins,
        "GET /api/v1/inbox": signedIn,
        "PATCH /api/v1/inbox": signedIn.subtracting([.readToken]),
        "GET /api/v1/inbox/:id": signedIn,
        "POST /api/v1/inbox/:id/read": signedIn.subtracting([.readToken]),
        "POST /api/v1/invitations": adminWriters,
        "GET /api/v1/cycles/:id/applications": managers,
        "POST /api/v1/cycles/:id/invitations": managerWriters,
        "GET /api/v1/applications": signedIn,
        "GET /api/v1/resources": signedIn,
        "POST /api/v1/resources": anyManagerWriters,
        "GET /api/v1/resources/:id": signedIn,
        "GET /api/v1/programmes/:id/training": managers,
        "POST /api/v1/programmes/:id/training": managerWriters,
        "GET /api/v1/training": signedIn,
        "POST /api/v1/training/:id/completion": signedIn.subtracting([.readToken]),
        "GET /api/v1/programmes/:id/surveys": managers,
        "POST /api/v1/programmes/:id/surveys": managerWriters,
        "GET /api/v1/cycles/:id/surveys": managers,
        "POST /api/v1/cycles/:id/surveys": managerWriters,
        "GET /api/v1/surveys": signedIn,
        "GET /api/v1/surveys/:id": signedIn,
        "PUT /api/v1/surveys/:id/response": signedIn.subtracting([.readToken]),
        "GET /api/v1/surveys/:id/results": signedIn,
        "GET /api/v1/surveys/:id/results/export": signedIn,
        "GET /api/v1/enrolments/:id/growth": signedIn,
        "POST /api/v1/enrolments/:id/growth/requests": signedIn.subtracting([.readToken]),
        "PUT /api/v1/enrolments/:id/assessments/:moment": signedIn.subtracting([.readToken]),
        "GET /api/v1/cycles/:id/growth": managers,
        "GET /api/v1/cycles/:id/indicators": managers,
        "GET /api/v1/cycles/:id/fairness": managers,
        "GET /api/v1/programmes/:id/indicators": managers,
        "GET /api/v1/programmes/:id/outcome-lift": managers,
        "GET /api/v1/cycles/:id/report": managers,
        "GET /api/v1/programmes/:id/report": managers,
        "GET /api/v1/outcomes": anyManager,
        "GET /api/v1/succession": anyManager,
        "GET /api/v1/indicators": anyManager,
        "PUT /api/v1/people/:id/high-potential": anyManagerWriters,
        "POST /api/v1/outcomes/import": adminWriters,
        "GET /api/v1/people/:id/recognition": admins,
        "GET /api/v1/certificates": signedIn,
        "GET /api/v1/kudos": signedIn,
        "POST /api/v1/kudos": signedIn.subtracting([.readToken]),
        "PUT /api/v1/kudos/:id/shown": signedIn.subtracting([.readToken]),
        "GET /api/v1/programmes/:id/kudos": programmeMembers,
        "GET /api/v1/programmes/:id/kudos/recipients": [.mentor, .mentee],
        "GET /api/v1/programmes/:id/stories": programmeMembers,
        "PUT /api/v1/stories/:id/featured": signedIn.subtracting([.readToken]),
        "POST /api/v1/cycles/:id/certificate": signedIn.subtracting([.readToken]),
        "GET /api/v1/applications/:id": signedIn,
        "PUT /api/v1/applications/:id": signedIn.subtracting([.readToken]),
        "POST /api/v1/applications/:id/withdraw": signedIn.subtracting([.readToken]),
        "POST /api/v1/applications/:id/decision": signedIn.subtracting([.readToken]),
        "POST /api/v1/calendar-feed": signedIn.subtracting([.readToken]),
        "GET /api/v1/cycles/:id/choice": [.mentee],
        "POST /api/v1/cycles/:id/choice": [.mentee],
        "GET /api/v1/mentor-requests": signedIn,
        "POST /api/v1/mentor-requests/:id/accept": signedIn.subtracting([.readToken]),
        "POST /api/v1/mentor-requests/:id/decline": signedIn.subtracting([.readToken]),
        "GET /api/v1/cycles/:id/speed": programmeMembers,
        "POST /api/v1/cycles/:id/speed": managerWriters,
        "GET /api/v1/cycles/:id/speed/calendar": programmeMembers,
        "GET /api/v1/cycles/:id/pairs": managers,
        "POST /api/v1/cycles/:id/pairs": managerWriters,
        "GET /api/v1/relationships/:id": managers.union([.mentor, .mentee]),
        "POST /api/v1/relationships/:id/end": managerWriters.union([.mentor, .mentee]),
        // The workspace is its people's alone: no manager, admin or token reads or writes it.
        "GET /api/v1/relationships/:id/workspace": [.mentor, .mentee],
        "PUT /api/v1/relationships/:id/agreement": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/agreement/signatures": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/notes": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/meetings": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/goals": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/meetings/:meetingId/pulse": [.mentor, .mentee],
        "PUT /api/v1/relationships/:id/goals/:goalId": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/goals/:goalId/revisions": [.mentor, .mentee],
        "GET /api/v1/relationships/:id/goals/:goalId/revisions": [.mentor, .mentee],
        "PUT /api/v1/relationships/:id/goals/:goalId/state": [.mentor, .mentee],
        "GET /api/v1/relationships/:id/story": [.mentor, .mentee],
        "PUT /api/v1/relationships/:id/story": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/story/approvals": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/scheduled-meetings": [.mentor, .mentee],
        "PUT /api/v1/relationships/:id/scheduled-meetings/:meetingId": [.mentor, .mentee],
        "DELETE /api/v1/relationships/:id/scheduled-meetings/:meetingId": [.mentor, .mentee],
        "GET /api/v1/relationships/:id/scheduled-meetings/:meetingId/invitation": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/scheduled-meetings/:meetingId/held": [.mentor, .mentee],
        "POST /api/v1/relationships/:id/meeting-series": [.mentor, .mentee],
        "GET /api/v1/relationships/:id/meeting-series/:seriesId/invitation": [.mentor, .mentee],
    ]

    @Test("every route of the router has an entry in the access matrix")
    func everyRouteHasAnEntry() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let router = try await buildRouter(store: store, credentials: TestAccounts.credentials, config: AppConfig())
            let routes = Set(router.routes.map { "\($0.method) \($0.path)".replacing(/\{(\w+)\}/) { ":" + $0.1 } })
            #expect(routes.subtracting(Self.matrix.keys).sorted() == [], "routes without an access rule in the matrix")
            #expect(Set(Self.matrix.keys).subtracting(routes).sorted() == [], "matrix entries for routes that no longer exist")
        }
    }

    @Test("each role passes exactly the routes the matrix allows it", arguments: TestDatabase.allCases)
    func matrixHolds(database: TestDatabase) async throws {
        let demo = DemoOrganisation()
        let stranger = try #require(demo.people.last)
        let callers = CallerBox()
        try await withApp(database, demo: true, prepare: { store in try await Self.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let ids = ConcreteIDs(programme: demo.programme.id.description, cycle: demo.cycle.id.description,
                                  person: stranger.id.description, enrolment: callers.menteeEnrolment, relationship: callers.relationship)
            let conflict = try await client.json(.post, "/api/v1/conflicts",
                                                 #"{"personA":"\#(demo.people[0].externalID)","personB":"\#(demo.people[1].externalID)","reason":"family"}"#)
            let tokens = try await client.form("/admin/tokens", ["csrf": TestAccounts.csrf, "name": "matrix", "scope": "read"])
            #expect(conflict.0 == .created && tokens.status == .ok)
            let tokenID = String(buffer: tokens.body).firstMatch(of: /admin\/tokens\/([0-9a-f-]+)\/revoke/).map { String($0.1) } ?? "none"
            var mismatches: [String] = []
            // Signing out ends the sessions the other requests use, so it comes last.
            for (route, allowed) in Self.matrix.sorted(by: { ($0.key.hasSuffix("/sign-out") ? 1 : 0, $0.key) < ($1.key.hasSuffix("/sign-out") ? 1 : 0, $1.key) }) {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(String(parts[0]))!
                let path = ids.concrete(String(parts[1]), conflict: value(conflict.1, "id") as? String ?? "none", token: tokenID)
                for role in Role.allCases {
                    let (passed, status) = try await Self.passes(client, method, path, as: try #require(callers.value[role]))
                    // Pages ignore API tokens: a token's request to a page is an anonymous one.
                    let expected = path.hasPrefix("/api/v1") || path == "/metrics" || !role.isToken ? allowed.contains(role) : allowed.contains(.anonymous)
                    // A server error is never "allowed": it is a crash the matrix found.
                    if status.hasPrefix("5") { mismatches.append("\(route) as \(role): server error (\(status))") }
                    else if passed != expected { mismatches.append("\(route) as \(role): \(passed ? "passed" : "refused") (\(status))") }
                }
            }
            #expect(mismatches == [], "the access rules and the matrix disagree")
        }
    }

    @Test("lists show only what a role may see: another programme's manager sees none of the demo's")
    func listsAreFiltered() async throws {
        let demo = DemoOrganisation()
        let callers = CallerBox()
        try await withApp(demo: true, prepare: { store in try await Self.prepareRoles(in: store, demo: demo, into: callers) }) { client in
            let (_, mine) = try await client.json(.get, "/api/v1/programmes", as: callers.value[.manager]!)
            let (_, theirs) = try await client.json(.get, "/api/v1/programmes", as: callers.value[.otherManager]!)
            let (_, cycles) = try await client.json(.get, "/api/v1/cycles", as: callers.value[.outsider]!)
            #expect(value(mine, "items.0.name") as? String == demo.programme.name)
            #expect(value(theirs, "total") as? Int == 1 && value(theirs, "items.0.name") as? String == "Women in Leadership")
            #expect(value(cycles, "total") as? Int == 0)
            let (_, home) = try await client.page("/", as: callers.value[.manager]!)
            #expect(home.contains(demo.programme.name) && !home.contains("Women in Leadership"))
        }
    }

    /// True when the request got past the access rules (anything but 401, 403 or a redirect to sign in).
    static func passes(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, as caller: Caller) async throws -> (Bool, String) {
        var headers = caller.headers
        var body: ByteBuffer?
        if method != .get {
            if path.hasPrefix("/api/") {
                headers[.contentType] = "application/json"
                body = ByteBuffer(string: "{}")
            } else {
                headers[.contentType] = "application/x-www-form-urlencoded"
                var csrf = "anonymous-form"
                if case .session(_, let token) = caller { csrf = token } else { headers[.cookie] = "lodestar_form=anonymous-form" }
                body = ByteBuffer(string: "csrf=\(csrf)&name=x&scope=read&text=matrix")
            }
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            // Pages send the anonymous to sign in and back (`next=`); signing out also ends there.
            let toSignIn = response.status == .seeOther && (response.headers[.location] ?? "").hasPrefix("/sign-in?next=")
            return (response.status != .unauthorized && response.status != .forbidden && !toSignIn,
                    "\(response.status.code) \(String(buffer: response.body).prefix(120))")
        }
    }

    /// Accounts and sessions for every role; another programme with its own manager; the demo
    /// mentee's enrolment.
    static func prepareRoles(in store: FluentStore, demo: DemoOrganisation, into box: CallerBox) async throws {
        let credentials = TestAccounts.credentials
        let signIns = try await DemoAccounts(store: store, credentials: credentials).ensure(now: Date())
        let admin = try #require(try await store.account(email: TestAccounts.adminEmail))
        var callers: [Role: Caller] = [.anonymous: .anonymous, .admin: .adminBrowser, .writeToken: .admin]
        try await store.save(ApiToken(name: "read", digest: credentials.digest(token: "read-token"), scope: .read, createdBy: admin.id, createdAt: Date()))
        callers[.readToken] = .token("read-token")
        func browser(_ role: Role, _ account: Account) async throws {
            try await TestAccounts.signIn(account, session: "session-\(role)", csrf: "csrf-\(role)", in: store)
            callers[role] = .session("session-\(role)", csrf: "csrf-\(role)")
        }
        for (role, prefix) in [(Role.manager, "programme manager"), (.mentor, "mentor"), (.mentee, "mentee")] {
            let signIn = try #require(signIns.first { $0.role.hasPrefix(prefix) })
            try await browser(role, try #require(try await store.account(email: signIn.email)))
        }
        let other = Programme(name: "Women in Leadership", objectives: "Sponsorship", focusCompetencies: [], format: .oneToOne,
                              durationWeeks: 26, cadence: .monthly)
        try await store.save(other)
        let otherManager = Account(email: "other.manager@tests.example", personID: nil, passwordHash: nil, isAdmin: false, createdAt: Date())
        try await store.save(otherManager)
        try await store.appoint(otherManager.id, toManage: other.id, appointed: nil)
        try await browser(.otherManager, otherManager)
        let enrolled = Set(demo.enrolments.map(\.personID))
        let loner = try #require(demo.people.first { !enrolled.contains($0.id) && !signIns.map(\.email).contains($0.email) })
        let outsider = Account(email: loner.email, personID: loner.id, passwordHash: nil, isAdmin: false, createdAt: Date())
        try await store.save(outsider)
        try await browser(.outsider, outsider)
        let menteeSignIn = try #require(signIns.first { $0.role.hasPrefix("mentee") })
        let mentee = try #require(try await store.account(email: menteeSignIn.email)?.personID)
        let menteeEnrolment = try #require(try await store.enrolments(of: mentee).first { $0.cycleID == demo.cycle.id })
        box.menteeEnrolment = menteeEnrolment.id.description
        // The demo mentor and mentee worked together in an earlier, published pilot cycle.
        let mentorSignIn = try #require(signIns.first { $0.role.hasPrefix("mentor") })
        let mentor = try #require(try await store.account(email: mentorSignIn.email)?.personID)
        let mentorProfile = try #require(try await store.enrolments(of: mentor).first).profile
        let pilot = Cycle(programmeID: demo.programme.id, number: 0, name: "2026 pilot", state: .active)
        try await store.save(pilot)
        let pilotMentor = Enrolment(cycleID: pilot.id, personID: mentor, role: .mentor, profile: mentorProfile)
        let pilotMentee = Enrolment(cycleID: pilot.id, personID: mentee, role: .mentee, profile: menteeEnrolment.profile)
        try await store.save(all: [pilotMentor, pilotMentee])
        let relationship = Relationship(cycleID: pilot.id, mentor: pilotMentor.id, mentee: pilotMentee.id,
                                        mentorPerson: mentor, menteePerson: mentee, score: 60, startedAt: Date(timeIntervalSinceNow: -30 * 86400))
        try await store.insert([relationship])
        box.relationship = relationship.id.description
        box.value = callers
    }
}

/// The demo's ids, to fill the routes' parameters.
struct ConcreteIDs {
    let programme: String
    let cycle: String
    let person: String
    let enrolment: String
    let relationship: String

    func concrete(_ path: String, conflict: String, token: String) -> String {
        if path.hasPrefix("/programmes/") || path.hasPrefix("/api/v1/programmes/") { return path.replacingOccurrences(of: ":id", with: programme) }
        if path.hasPrefix("/cycles/") || path.hasPrefix("/api/v1/cycles/") {
            return path.replacingOccurrences(of: ":id", with: cycle).replacingOccurrences(of: ":menteeId", with: enrolment)
                .replacingOccurrences(of: ":mentee", with: enrolment)
        }
        if path.hasPrefix("/people/") || path.hasPrefix("/api/v1/people/") { return path.replacingOccurrences(of: ":id", with: person) }
        if path.hasPrefix("/api/v1/enrolments/") || path.hasPrefix("/enrolments/") {
            return path.replacingOccurrences(of: ":id", with: enrolment).replacingOccurrences(of: ":moment", with: "start")
        }
        if path.hasPrefix("/api/v1/conflicts/") || path.hasPrefix("/conflicts/") { return path.replacingOccurrences(of: ":id", with: conflict) }
        if path.hasPrefix("/admin/tokens/") || path.hasPrefix("/api/v1/tokens/") { return path.replacingOccurrences(of: ":id", with: token) }
        if path.hasPrefix("/relationships/") || path.hasPrefix("/api/v1/relationships/") {
            // A goal or meeting that doesn't exist: the people of the relationship get past the
            // access rules to a 404, everyone else is refused before the lookup.
            return path.replacingOccurrences(of: ":id", with: relationship).replacingOccurrences(of: ":goalId", with: UUID().uuidString.lowercased())
                .replacingOccurrences(of: ":meetingId", with: UUID().uuidString.lowercased())
                .replacingOccurrences(of: ":seriesId", with: UUID().uuidString.lowercased()).replacingOccurrences(of: ":series", with: UUID().uuidString.lowercased())
        }
        if path.contains("/webhooks/") || path.contains("/inbox/") || path.hasPrefix("/imports/") || path.contains("/applications/") || path.contains("/library/")
            || path.contains("/training/") || path.contains("/resources/") || path.contains("/surveys/") || path.contains("/kudos/") || path.contains("/stories/") {
            return path.replacingOccurrences(of: ":id", with: UUID().uuidString.lowercased()).replacingOccurrences(of: ":delivery", with: UUID().uuidString.lowercased())
        }
        return path.replacingOccurrences(of: ":slug", with: "strategic-thinking")
    }
}

/// Carries the prepared callers out of the store preparation.
final class CallerBox: @unchecked Sendable {
    var value: [AccessMatrixTests.Role: Caller] = [:]
    var menteeEnrolment = ""
    var relationship = ""
}
