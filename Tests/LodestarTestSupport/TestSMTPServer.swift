import NIOCore
import NIOPosix

/// A small SMTP server on a free loopback port that keeps every message it is given, for the
/// mail tests. `refuseRecipients` makes it answer 550 to RCPT TO for those addresses.
public final class TestSMTPServer: Sendable {
    /// One received message.
    public struct Message: Sendable {
        public let from: String
        public let recipients: [String]
        /// Headers and body as sent, dot-stuffing undone.
        public let data: String
    }

    public let port: Int
    private let channel: any Channel
    private let inbox: Inbox

    actor Inbox {
        var messages: [Message] = []
        func add(_ message: Message) { messages.append(message) }
    }

    /// Starts listening on 127.0.0.1.
    public init(refuseRecipients: Set<String> = []) async throws {
        let inbox = Inbox()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        self.inbox = inbox
        port = server.channel.localAddress?.port ?? 0
        channel = server.channel
        Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    Task { try? await Self.serve(connection, inbox: inbox, refuse: refuseRecipients) }
                }
            }
        }
    }

    /// Everything received so far.
    public func messages() async -> [Message] { await inbox.messages }

    /// Stops listening.
    public func stop() async { try? await channel.close() }

    private static func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, inbox: Inbox, refuse: Set<String>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            func reply(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await reply("220 test-smtp ready")
            var pending = "", from = "", recipients: [String] = [], data: [String] = [], inData = false
            for try await buffer in inbound {
                pending += String(buffer: buffer)
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    if inData {
                        if line == "." {
                            inData = false
                            await inbox.add(Message(from: from, recipients: recipients, data: data.joined(separator: "\n")))
                            try await reply("250 queued")
                        } else {
                            data.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
                        }
                        continue
                    }
                    let command = line.uppercased()
                    if command.hasPrefix("EHLO") || command.hasPrefix("HELO") {
                        try await reply("250-test-smtp")
                        try await reply("250 AUTH PLAIN")
                    } else if command.hasPrefix("AUTH PLAIN") {
                        try await reply("235 accepted")
                    } else if command.hasPrefix("MAIL FROM:") {
                        from = Self.address(in: line)
                        recipients = []
                        data = []
                        try await reply("250 ok")
                    } else if command.hasPrefix("RCPT TO:") {
                        let recipient = Self.address(in: line)
                        if refuse.contains(recipient) { try await reply("550 no such mailbox") } else {
                            recipients.append(recipient)
                            try await reply("250 ok")
                        }
                    } else if command == "DATA" {
                        inData = true
                        try await reply("354 go ahead")
                    } else if command == "QUIT" {
                        try await reply("221 bye")
                        return
                    } else {
                        try await reply("502 not implemented")
                    }
                }
            }
        }
    }

    private static func address(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}
