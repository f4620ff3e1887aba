import LodestarCore

/// The home page of mentors and mentees: where they take part, and what their profile still lacks.
struct HomeView {
    let title = "Home"
    let heading: String
    let enrolments: [EnrolmentLine]
    let relationships: [RelationshipLine]
    let applications: [ApplicationLine]
    let hasApplications: Bool
    let training: [TrainingLine]
    let hasTraining: Bool
    let surveys: [SurveyLine]
    let hasSurveys: Bool
    let recognition: RecognitionLines
    let certificates: [CertificateLine]
    let kudos: KudosLines
    /// For a participant: where to thank someone in their programmes.
    let sendKudos: String?
    let hasCertificates: Bool
    let csrf: String
    // Stored, not computed: Mustache reads stored properties only.
    let hasEnrolments: Bool
    let hasRelationships: Bool
    let nothing: Bool

    struct RelationshipLine {
        let href: String
        let partner: String
        let partnerRole: String
        let partnerTitle: String
        let place: String
        let since: String
    }

    struct TrainingLine {
        let href: String
        let title: String
        let programme: String
        let role: String
        let done: String?
    }

    struct CertificateLine {
        let place: String
        let role: String
        /// The certificate's page once issued; the form that issues it once it may be.
        let href: String?
        let issueHref: String?
        let missing: String?
    }

    struct SurveyLine {
        let href: String
        let title: String
        let place: String
        let closes: String?
        let done: String?
    }

    struct ApplicationLine {
        let href: String
        let place: String
        let role: String
        let state: String
        let words: String
        /// What to do next, if anything: "Apply", "Change your application".
        let action: String?
        let closes: String?
    }

    struct EnrolmentLine {
        let profileHref: String
        let programmeHref: String
        let programme: String
        let cycle: String
        let role: String
        let state: String
        let missing: [String]
        /// Mentee-choice mode: where the mentee chooses, or the mentor answers requests.
        let choiceLink: String?
        let choiceLabel: String?
        /// A mentee's competency ratings, once the cycle is matching.
        let growthHref: String?
    }

    init(_ home: ParticipantHome, training: [AssignedModule], surveys: [SurveyInvitation], recognition: RecognitionRecord?, certificates: [CertificateStatus],
         kudos: [KudosLine], for principal: Principal, csrf: String) {
        self.csrf = csrf
        let lines = home.enrolments.map { entry in
            let (enrolment, cycle, programme) = (entry.enrolment, entry.cycle, entry.programme)
            let link = !entry.choosing ? nil : enrolment.role == .mentee ? SiteURL.cycle(.value(cycle.id), .choose).path : SiteURL.requests.path
            return EnrolmentLine(profileHref: SiteURL.profile(.value(enrolment.id)).path, programmeHref: SiteURL.programme(.value(programme.id)).path, programme: programme.name, cycle: cycle.name,
                                 role: enrolment.role.rawValue, state: cycle.state.rawValue, missing: entry.missing,
                                 choiceLink: link, choiceLabel: link == nil ? nil : enrolment.role == .mentee ? "Choose your mentor" : "Mentees' requests",
                                 growthHref: enrolment.role == .mentee && !cycle.takesEnrolments ? SiteURL.growth(.value(enrolment.id)).path : nil)
        }
        let relationships = home.relationships.compactMap { open -> RelationshipLine? in
            guard let me = principal.person else { return nil }
            let (people, programme) = (open.people, open.programme)
            let iMentor = people.relationship.mentorPerson == me.id
            let others = people.others(than: me.id)
            let role = switch programme.relationshipShape {
            case .pair: iMentor ? "your mentee" : "your mentor"
            case .group: iMentor ? "your group" : "your group, mentored by \(people.mentor.name)"
            case .circle: "your peer circle"
            }
            return RelationshipLine(href: SiteURL.relationship(.value(people.relationship.id)).path, partner: others.names, partnerRole: role,
                                    partnerTitle: others.count == 1 ? "\(others[0].title), \(others[0].department)" : "\(others.count + 1) people",
                                    place: open.cycle.place(in: programme),
                                    since: open.cycle.state == .closed
                                        ? "complete, from \(people.relationship.startedAt.formatted(date: .abbreviated, time: .omitted))"
                                        : "since \(people.relationship.startedAt.formatted(date: .abbreviated, time: .omitted))")
        }
        applications = home.applications.map { page in
            let state = page.application.state
            return ApplicationLine(href: SiteURL.application(.value(page.application.id)).path, place: page.cycle.place(in: page.programme),
                                   role: page.application.role.rawValue, state: state.rawValue, words: state.words,
                                   action: state == .invited || state == .withdrawn ? "Apply" : state.takesApplication ? "Change your application" : "See your application",
                                   closes: page.cycle.dates.applicationsClose.map { "applications close " + CycleDates.day($0) })
        }
        hasApplications = !applications.isEmpty
        self.training = training.map { assigned in
            TrainingLine(href: SiteURL.trainingModule(.value(assigned.module.id)).path, title: assigned.module.title, programme: assigned.programme.name,
                         role: assigned.module.role.rawValue, done: assigned.completedAt.map { "completed " + $0.formatted(date: .abbreviated, time: .omitted) })
        }
        hasTraining = !self.training.isEmpty
        self.surveys = surveys.map { invitation in
            SurveyLine(href: SiteURL.survey(.value(invitation.survey.id)).path, title: invitation.template.title, place: invitation.cycle.name,
                       closes: invitation.state == .open ? invitation.window.map { "open until " + $0.end.formatted(date: .abbreviated, time: .omitted) } : nil,
                       done: invitation.response.map { "answered " + $0.submittedAt.formatted(date: .abbreviated, time: .omitted) })
        }
        hasSurveys = !self.surveys.isEmpty
        self.recognition = RecognitionLines(recognition)
        self.kudos = KudosLines(kudos, toggles: true)
        sendKudos = principal.enrolments.isEmpty ? nil : SiteURL.kudos.path
        self.certificates = certificates.map { status in
            CertificateLine(place: status.cycle.place(in: status.programme), role: status.role.rawValue,
                            href: status.certificate.map { SiteURL.certificate(.value($0.code)).path },
                            issueHref: status.certificate == nil && status.missing.isEmpty ? SiteURL.cycle(.value(status.cycle.id), .certificate).path : nil,
                            missing: status.missing.isEmpty ? nil : "Not yet: " + status.missing.joined(separator: "; "))
        }
        hasCertificates = !self.certificates.isEmpty
        heading = "Welcome, \(principal.displayName)"
        enrolments = lines
        self.relationships = relationships
        hasEnrolments = !lines.isEmpty
        hasRelationships = !relationships.isEmpty
        nothing = lines.isEmpty && applications.isEmpty
    }
}
