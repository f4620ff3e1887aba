/// The client's address for throttling: the peer's, unless the peer is a trusted proxy; then the
/// nearest address in `X-Forwarded-For` that is not itself a trusted proxy (the ones before it
/// could have been written by the client).
enum ClientAddress {
    static func of(peer: String, forwardedFor: String?, trusted: Set<String>) -> String {
        guard trusted.contains(peer), let forwardedFor else { return peer }
        let chain = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return chain.reversed().first { !trusted.contains($0) } ?? chain.first ?? peer
    }
}
