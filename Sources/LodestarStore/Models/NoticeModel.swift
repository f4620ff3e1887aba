import FluentKit
import Foundation
import LodestarCore

final class NoticeModel: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "read_at") var readAt: Date?
    @OptionalField(key: "programme_id") var programmeID: UUID?

    init() {}

    func update(from notice: Notice) {
        id = notice.id.uuid
        // In lower case, as accounts' emails are, so an inbox finds its messages by index.
        recipient = notice.recipient.lowercased()
        subject = notice.subject
        body = notice.body
        createdAt = notice.createdAt
        sentAt = notice.sentAt
        attempts = notice.attempts
        lastError = notice.lastError
        programmeID = notice.programme?.uuid
        // `read_at` is the recipient's alone (`markRead`): the delivery job saving its attempt on
        // a copy claimed before the message was opened must not mark it unread again.
        // Saving a notice after an attempt ends its claim.
        claimedUntil = nil
    }

    var domain: Notice {
        Notice(id: Notice.ID(id!), recipient: recipient, subject: subject, body: body, createdAt: createdAt,
               sentAt: sentAt, attempts: attempts, lastError: lastError, readAt: readAt, programme: programmeID.map(Programme.ID.init))
    }
}

final class OneTimeLinkModel: Model, @unchecked Sendable {
    static let schema = "one_time_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "digest") var digest: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    func update(from link: OneTimeLink) {
        digest = link.digest
        accountID = link.accountID.uuid
        purpose = link.purpose.rawValue
        expiresAt = link.expiresAt
        usedAt = link.usedAt
    }

    func domain() throws -> OneTimeLink {
        OneTimeLink(digest: digest, accountID: Account.ID(accountID),
                    purpose: try StoredValue.decode(purpose, as: OneTimeLink.Purpose.self, column: "one_time_links.purpose"),
                    expiresAt: expiresAt, usedAt: usedAt)
    }
}
