/// Whole numbers typed by people: form fields, query strings.
public enum WholeNumber {
    /// The number `text` spells, or nil when it spells none. One with more digits than an `Int`
    /// holds comes back as `Int.max` (or `Int.min`), so that the range check after it says the
    /// value is out of range rather than "not a number".
    public static func parse(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard text.wholeMatch(of: /[+-]?[0-9]+/) != nil else { return nil }
        return text.hasPrefix("-") ? Int.min : Int.max
    }
}
