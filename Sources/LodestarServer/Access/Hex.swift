extension Sequence<UInt8> {
    /// The bytes in lower-case hexadecimal, two digits each (a digest as tokens and tags write it).
    /// Written digit by digit: `String(format:)` cost a tenth of a page's time when every request
    /// digested its session token.
    var hex: String {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digit(byte >> 4))
            text.append(digit(byte & 0x0f))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
