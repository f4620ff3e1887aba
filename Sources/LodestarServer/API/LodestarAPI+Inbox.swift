import Foundation
import LodestarCore

/// `/api/v1/inbox`: the caller's own messages.
extension LodestarAPI {
    func listProgrammeMessages(_ input: Operations.ListProgrammeMessages.Input) async throws -> Operations.ListProgrammeMessages.Output {
        let id: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        let (_, messages) = try await ProgrammeMessages(store: store, principal: try APIRequest.principal())
            .list(id, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(messages, NoticeBody.init))))
    }

    func listInbox(_ input: Operations.ListInbox.Input) async throws -> Operations.ListInbox.Output {
        let page = try await inbox().messages(unreadOnly: input.query.unread ?? false, page: try APIRequest.page(input.query.offset, input.query.limit))
        return .ok(.init(body: .json(ListBody(page, NoticeBody.init))))
    }

    func markInboxRead(_ input: Operations.MarkInboxRead.Input) async throws -> Operations.MarkInboxRead.Output {
        let inbox = try inbox()
        let body = switch input.body { case .json(let json): try json.read() }
        guard body.read else { throw ValidationError([FieldIssue(field: "read", message: "only true is accepted: messages are marked read, never unread")]) }
        return .ok(.init(body: .json(.init(marked: try await inbox.markAllRead(now: try APIRequest.current().now)))))
    }

    func readMessage(_ input: Operations.ReadMessage.Input) async throws -> Operations.ReadMessage.Output {
        .ok(.init(body: .json(NoticeBody(try await inbox().message(try Identifier(path: input.path.id, of: "message"))))))
    }

    func markMessageRead(_ input: Operations.MarkMessageRead.Input) async throws -> Operations.MarkMessageRead.Output {
        let notice = try await inbox().open(try Identifier(path: input.path.id, of: "message"), now: try APIRequest.current().now)
        return .ok(.init(body: .json(NoticeBody(notice))))
    }

    private func inbox() throws -> Inbox { Inbox(store: store, principal: try APIRequest.principal()) }
}

/// `PATCH /inbox`: `{"read": true}`.
struct InboxUpdate: Decodable, Sendable {
    let read: Bool
}
