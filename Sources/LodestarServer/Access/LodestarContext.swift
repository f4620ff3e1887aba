import Foundation
import Hummingbird
import LodestarCore
import NIOCore

/// The request context: who is asking (set by `AuthenticationMiddleware`) and from where.
struct LodestarContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The signed-in person or the API token's admin; nil for an anonymous request.
    var principal: Principal?
    /// The browser session behind `principal`, when it came with the session cookie.
    var session: SignInSession?
    /// True when the request carried a session cookie that has expired or was signed out.
    var sessionEnded = false
    /// True when the request sent the scrape secret for `/metrics`.
    var scraper = false
    /// The client's address, for throttling sign-in failures: the peer's, or — when the peer is a
    /// trusted reverse proxy — the address it forwarded for (see `ClientAddress`).
    var address: String
    /// The address of the connection's other end.
    let peerAddress: String
    /// The time of the request, read once from the app's clock (`AppConfig.clock`) by
    /// `AuthenticationMiddleware`; every handler takes its time from here.
    var now = Date(timeIntervalSince1970: 0)
    /// For a request that only reads (GET, HEAD), the data revision read as it began: what it
    /// reads through the read cache is filed under it, so the revision is read once a request.
    var revision: Int64?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "local"
        address = peerAddress
    }

    /// The principal, or a redirect to the sign-in page (an API answer of 401).
    func signedIn() throws(SignInRequired) -> Principal {
        guard let principal else { throw SignInRequired(sessionEnded: sessionEnded) }
        return principal
    }
}

extension LodestarContext {
    // The use cases, acting for whoever is signed in: each checks the access rules itself.
    func programmeOffice(_ store: any LodestarRepositories) throws -> ProgrammeOffice { ProgrammeOffice(store: store, principal: try signedIn()) }
    func peopleDirectory(_ store: any LodestarRepositories) throws -> PeopleDirectory { PeopleDirectory(store: store, principal: try signedIn()) }
    func conflictRegister(_ store: any LodestarRepositories) throws -> ConflictRegister { ConflictRegister(store: store, principal: try signedIn()) }
    func competencyCatalogue(_ store: any LodestarRepositories) throws -> CompetencyCatalogue { CompetencyCatalogue(store: store, principal: try signedIn()) }
}

/// A protected route was asked for without signing in.
struct SignInRequired: Error {
    let sessionEnded: Bool
}
