import LodestarCore

/// How every page escapes what it shows: `<`, `>`, `&`, `"` and `'` become entities, exactly as
/// Mustache's own HTML escaping writes them; a text with none of them — most names, dates and
/// figures — is handed back as it is instead of being rebuilt character by character.
enum EscapedHTML {
    static func escape(_ text: String) -> String {
        text.replacingBytes { byte in
            switch byte {
            case UInt8(ascii: "<"): Self.lessThan
            case UInt8(ascii: ">"): Self.greaterThan
            case UInt8(ascii: "&"): Self.ampersand
            case UInt8(ascii: "\""): Self.quote
            case UInt8(ascii: "'"): Self.apostrophe
            default: nil
            }
        }
    }

    private static let (lessThan, greaterThan, ampersand) = (Array("&lt;".utf8), Array("&gt;".utf8), Array("&amp;".utf8))
    private static let (quote, apostrophe) = (Array("&quot;".utf8), Array("&#39;".utf8))
}
