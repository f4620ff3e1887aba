import Foundation
import LodestarCore

/// The site's fixed pages, as every template reads them (`{{site.home}}`).
struct SiteLinks {
    let home = SiteURL.home.path, styleSheet = SiteURL.styleSheet.path, people = SiteURL.people.path
    let signIn = SiteURL.signIn.path, signOut = SiteURL.signOut.path
    let forgotPassword = SiteURL.forgotPassword.path, setPassword = SiteURL.setPassword.path
    let calendar = SiteURL.calendar.path, requests = SiteURL.requests.path
    let tokens = SiteURL.tokens.path, outbox = SiteURL.outbox.path, invitations = SiteURL.invitations.path
    let webhooks = SiteURL.webhooks.path, conflicts = SiteURL.conflicts.path, inbox = SiteURL.inbox.path, library = SiteURL.library.path
}

/// A cycle's pages and forms (`{{cycleLinks.plan}}`).
struct CycleLinks {
    let page, plan, weights, state, dates, publish, pairs, speed, speedPrint, speedCalendar, choose: String

    init(_ id: Cycle.ID) {
        func at(_ part: SiteURL.CyclePart?) -> String { SiteURL.cycle(.value(id), part).path }
        (page, plan, weights, state, dates, publish) = (at(nil), at(.plan), at(.weights), at(.state), at(.dates), at(.publish))
        (pairs, speed, speedPrint, speedCalendar, choose) = (at(.pairs), at(.speed), at(.speedPrint), at(.speedCalendar), at(.choose))
    }
}

/// A relationship's workspace and its forms (`{{links.notes}}`).
struct RelationshipLinks {
    let page, schedule, end, agreement, signAgreement, notes, goals, meetings, kudos, story, approveStory: String

    init(_ id: Relationship.ID) {
        func at(_ part: SiteURL.RelationshipPart?) -> String { SiteURL.relationship(.value(id), part).path }
        (page, schedule, end, agreement) = (at(nil), at(.schedule), at(.end), at(.agreement))
        (signAgreement, notes, goals, meetings) = (at(.signAgreement), at(.notes), at(.goals), at(.meetings))
        (kudos, story, approveStory) = (at(.kudos), at(.story), at(.approveStory))
    }
}

/// One step of the trail above a page's heading (the `crumbs` partial), a link unless it is
/// only a name.
struct Crumb {
    let label: String
    let href: String
    let linked: Bool

    init(_ label: String, _ href: String? = nil) {
        self.label = label
        self.href = href ?? ""
        linked = href != nil
    }

    /// The trail to a programme's cycle: Programmes › programme › cycle.
    static func toCycle(_ programme: String, _ cycle: Cycle, programmeHref: String? = nil) -> [Crumb] {
        [Crumb("Programmes", SiteURL.home.path), Crumb(programme, programmeHref), Crumb(cycle.name, SiteURL.cycle(.value(cycle.id)).path)]
    }
}
