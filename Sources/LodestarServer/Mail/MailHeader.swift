import Foundation

/// Header values that can't break out of their header: text goes as RFC 2047 encoded-words
/// whenever it is not plain printable ASCII, so a line break in a subject can never start a
/// header of its own; addresses lose anything that could end the address or the line.
enum MailHeader {
    /// The longest encoded-word RFC 2047 allows is 75 characters; 45 bytes of UTF-8 encode to 60.
    static let bytesPerWord = 45

    /// `text` ready for a header such as Subject.
    static func encoded(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) && text.count <= 900 && !text.contains("=?") { return text }
        var words: [String] = [], chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        // Folded: each continuation line starts with a space, which readers drop between encoded-words.
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: Data) -> String { "=?UTF-8?B?\(bytes.base64EncodedString())?=" }

    /// An email address for `<…>`: control characters, spaces and angle brackets removed
    /// (stored addresses never have them; this keeps a bad one from forging a command).
    static func address(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && $0 != "<" && $0 != ">" }.map(Character.init))
    }
}
