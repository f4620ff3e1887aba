import Crypto
import Foundation

/// How a receiver knows a delivery came from this Lodestar and was not changed or replayed:
/// `Lodestar-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed by the secret>`.
/// The receiver computes the same HMAC, compares in constant time, and refuses a `t` older than
/// a few minutes.
public enum WebhookSignature {
    /// The signature header's name.
    public static let header = "Lodestar-Signature"

    /// The header's value for `body` sent at `time` to an endpoint with `secret`.
    public static func value(secret: String, time: Date, body: String) -> String {
        let timestamp = Int(time.timeIntervalSince1970.rounded(.down))
        return "t=\(timestamp),v1=\(hex(secret: secret, signed: "\(timestamp).\(body)"))"
    }

    /// True when `value` signs `body` with `secret` and is no older than `tolerance` at `now`
    /// (what a receiver checks; the tests use it as a receiver would).
    public static func verify(_ value: String, secret: String, body: String, now: Date, tolerance: TimeInterval = 300) -> Bool {
        var fields: [Substring: Substring] = [:]
        for part in value.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let time = fields["t"].flatMap({ Int($0) }), let signature = fields["v1"],
              abs(now.timeIntervalSince1970 - Double(time)) <= tolerance else { return false }
        let expected = hex(secret: secret, signed: "\(time).\(body)")
        // Constant-time comparison: every byte is looked at whatever the first difference.
        guard expected.utf8.count == signature.utf8.count else { return false }
        return zip(expected.utf8, signature.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func hex(secret: String, signed: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(signed.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.hex
    }
}
