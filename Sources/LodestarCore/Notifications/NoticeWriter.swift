import Foundation

/// Every message Lodestar sends is written here. The use cases decide who is told what
/// happened; this type says it: the greeting, each date and time in the recipient's own time
/// zone, and links to pages made by `SiteURL` under the server's public address.
public struct NoticeWriter: Sendable {
    /// The server's address as people reach it, for links ("" when a message has none).
    let publicURL: String
    /// When the messages are written (their `createdAt`).
    let now: Date
    /// The programme the messages are about, which its managers see them under.
    let programme: Programme.ID?

    /// A writer for messages written at `now` about `programme`, linking under `publicURL`.
    public init(publicURL: String = "", now: Date, about programme: Programme.ID? = nil) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.now = now
        self.programme = programme
    }

    /// The same writer, for messages about `programme`.
    func about(_ programme: Programme.ID?) -> NoticeWriter { NoticeWriter(publicURL: publicURL, now: now, about: programme) }

    /// A page's address in a message.
    func link(_ url: SiteURL) -> String { url.address(under: publicURL) }

    /// A message to `person` that greets them by name before `text`.
    func notice(to person: Person, _ subject: String, _ text: String) -> Notice {
        notice(to: person.email, subject, "Hello \(person.name),\n\n" + text)
    }

    /// A message to an address.
    func notice(to email: String, _ subject: String, _ text: String) -> Notice {
        Notice(recipient: email, subject: subject, body: text, createdAt: now, programme: programme)
    }

    /// A meeting's day and time as `person` reads it: in their zone (else `fallback`), named.
    static func meetingTime(_ date: Date, for person: Person, fallback: String? = nil) -> (text: String, zone: TimeZone) {
        let zone = person.zone(orElse: fallback)
        return (date.formatted(Date.FormatStyle(date: .complete, time: .shortened, timeZone: zone)), zone)
    }

    // MARK: Accounts

    /// An invitation to choose a password through a one-time link.
    func invitation(to email: String, person: Person?, from inviter: String, link: String) -> Notice {
        notice(to: email, "You are invited to Lodestar", """
            Hello\(person.map { " " + $0.name } ?? ""),

            \(inviter) has invited you to Lodestar, where your organisation runs its mentoring programmes.
            Choose your password here (the link works once, for 7 days):

            \(link)

            """)
    }

    /// A one-time link to choose a new password.
    func passwordReset(to email: String, link: String) -> Notice {
        notice(to: email, "Reset your Lodestar password", """
            Someone (we hope you) asked to reset the password of your Lodestar account.
            Choose a new one here (the link works once, for one hour):

            \(link)

            If it wasn't you, ignore this message; your password stays as it is.

            """)
    }
}
