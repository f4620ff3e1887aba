import Foundation
import Hummingbird
import LodestarCore

/// One's own inbox: the messages Lodestar sent them, unread first marked, each opened on its
/// own page (which marks it read), and a button to mark them all read.
struct InboxPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    /// Only links to this site are made clickable in a message.
    let publicURL: String

    func register(on router: Router<LodestarContext>) {
        router.get(.programmeMessages(.key)) { request, context in
            let (programme, messages) = try await ProgrammeMessages(store: store, principal: try context.signedIn())
                .list(try context.parameters.id(of: "programme"), page: try request.pageRequest())
            return pages.render(.messages, ProgrammeMessagesView(programme, messages), for: context)
        }
        router.get(.inbox) { request, context in
            let unreadOnly = FormQuery(request).get("unread") == "1"
            let page = try await inbox(context).messages(unreadOnly: unreadOnly, page: try request.pageRequest())
            return pages.render(.inbox, InboxView(page, unreadOnly: unreadOnly, for: try context.signedIn(), csrf: context.session?.csrfToken ?? ""), for: context)
        }
        router.post(.inbox) { _, context in
            try await inbox(context).markAllRead(now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.inbox.path])
        }
        router.get(.message(.key)) { _, context in
            var context = context
            let principal = try context.signedIn()
            let notice = try await inbox(context).open(try context.parameters.id(of: "message"), now: context.now)
            // Opened just now: the navigation's count, read before, has one fewer.
            if notice.readAt == context.now { context.principal = principal.with(unreadMessages: principal.unreadMessages - 1) }
            return pages.render(.message, MessageView(notice, for: principal, site: publicURL), for: context)
        }
    }

    private func inbox(_ context: LodestarContext) throws -> Inbox { Inbox(store: store, principal: try context.signedIn()) }
}
