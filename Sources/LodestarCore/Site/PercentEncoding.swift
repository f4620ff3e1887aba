/// Percent-encoding for the site's links: every byte but the unreserved ones (RFC 3986: letters,
/// digits, `-`, `.`, `_`, `~`) becomes `%XX`; in a query a `/` stays, as a path given as `next=`
/// reads better so. A value with nothing to encode — an id, most names — comes back as it is.
enum PercentEncoding {
    static func encode(_ text: String, inQuery: Bool = false) -> String {
        let utf8 = text.utf8
        let isKept = { (byte: UInt8) in isUnreserved(byte) || (inQuery && byte == UInt8(ascii: "/")) }
        guard !utf8.allSatisfy(isKept) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if isKept(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
