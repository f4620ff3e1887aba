import Foundation
import LodestarCore
import NIOCore
import NIOPosix

/// Delivers notices to an SMTP server: `smtp://[user:password@]host[:port][?from=address]`.
/// Plain SMTP with optional AUTH PLAIN, meant for a relay on the same network (or localhost);
/// for the public internet, relay through a server that adds TLS.
public struct SMTPMailer: Mailer {
    public let host: String
    public let port: Int
    public let from: String
    let login: (user: String, password: String)?

    /// Reads the SMTP address; the error names what is wrong with it.
    public init(url text: String) throws(SMTPURLError) {
        guard let url = URLComponents(string: text), url.scheme == "smtp", let host = url.host, !host.isEmpty else {
            throw SMTPURLError("LODESTAR_SMTP_URL '\(text)' is not smtp://[user:password@]host[:port][?from=address]")
        }
        self.host = host
        port = url.port ?? 25
        from = url.queryItems?.first { $0.name == "from" }?.value ?? "lodestar@\(host)"
        login = url.user.map { ($0.removingPercentEncoding ?? $0, (url.password ?? "").removingPercentEncoding ?? "") }
    }

    public func send(_ notice: Notice) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        try await channel.executeThenClose { inbound, outbound in
            var conversation = SMTPConversation(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            try await conversation.expect(220)
            try await conversation.say("EHLO lodestar", expect: 250)
            if let login {
                let credentials = Data("\0\(login.user)\0\(login.password)".utf8).base64EncodedString()
                try await conversation.say("AUTH PLAIN \(credentials)", expect: 235)
            }
            try await conversation.say("MAIL FROM:<\(MailHeader.address(from))>", expect: 250)
            try await conversation.say("RCPT TO:<\(MailHeader.address(notice.recipient))>", expect: 250, 251)
            try await conversation.say("DATA", expect: 354)
            try await conversation.say(Self.message(notice, from: from) + "\r\n.", expect: 250)
            try await conversation.say("QUIT", expect: 221)
        }
    }

    /// The message in RFC 5322 form, lines dot-stuffed for DATA.
    static func message(_ notice: Notice, from: String) -> String {
        let subject = MailHeader.encoded(notice.subject)
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let date = format.string(from: Date())
        let headers = [
            "From: Lodestar <\(MailHeader.address(from))>", "To: <\(MailHeader.address(notice.recipient))>", "Subject: \(subject)", "Date: \(date)",
            "Message-ID: <\(notice.id)@lodestar>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        let body = notice.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return (headers + [""] + body).joined(separator: "\r\n")
    }
}

/// What is wrong with an SMTP address.
public struct SMTPURLError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A reply the SMTP server should not have given.
struct SMTPReplyError: Error, CustomStringConvertible {
    let sent: String
    let reply: String
    var description: String { "the mail server answered '\(reply)' to \(sent.hasPrefix("AUTH") ? "AUTH" : sent.prefix(40).description)" }
}

/// Commands and replies, line by line.
struct SMTPConversation {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    var pending = ""
    var lastSent = "the greeting"

    /// Reads one reply (all its lines) and checks its code.
    mutating func expect(_ codes: Int...) async throws { try await expect(codes) }

    mutating func expect(_ codes: [Int]) async throws {
        while true {
            while let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                // "250-…" continues a reply; "250 …" ends it.
                if line.count >= 4 && line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                guard let code = Int(line.prefix(3)), codes.contains(code) else { throw SMTPReplyError(sent: lastSent, reply: line) }
                return
            }
            guard let buffer = try await inbound.next() else { throw SMTPReplyError(sent: lastSent, reply: "(connection closed)") }
            pending += String(buffer: buffer)
        }
    }

    mutating func say(_ line: String, expect codes: Int...) async throws {
        lastSent = line
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        try await expect(codes)
    }
}
