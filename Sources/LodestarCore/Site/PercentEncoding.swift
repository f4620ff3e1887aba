extension String {
    /// The string with each UTF-8 byte that `replacement` answers for replaced by its answer.
    /// A string with no such byte — most ids, names and figures — is returned as it is, uncopied.
    public func replacingBytes(_ replacement: (UInt8) -> [UInt8]?) -> String {
        let utf8 = self.utf8
        guard utf8.contains(where: { replacement($0) != nil }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if let replaced = replacement(byte) { bytes += replaced } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Percent-encoding for the site's links: every byte but the unreserved ones (RFC 3986: letters,
/// digits, `-`, `.`, `_`, `~`) becomes `%XX`; in a query a `/` stays, as a path given as `next=`
/// reads better so.
enum PercentEncoding {
    static func encode(_ text: String, inQuery: Bool = false) -> String {
        text.replacingBytes { byte in
            isUnreserved(byte) || (inQuery && byte == UInt8(ascii: "/")) ? nil : [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)
}
