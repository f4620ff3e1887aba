/// Text that ends up in one line of somewhere else — a mail header, a calendar entry, a CSV
/// cell, a page title: line breaks and other control characters in it could forge the rest.
public enum SingleLineText {
    /// The problem with `value` for `field`, or nil when it is one clean line.
    public static func issue(_ value: String?, field: String) -> FieldIssue? {
        guard let value, value.unicodeScalars.contains(where: isRefused) else { return nil }
        return FieldIssue(field: field, message: "must be one line: remove line breaks, NUL and other control characters")
    }

    /// The problems of several fields at once.
    public static func issues(_ fields: [(field: String, value: String?)]) -> [FieldIssue] {
        fields.compactMap { issue($0.value, field: $0.field) }
    }

    /// C0 and C1 control characters (CR, LF, NUL, escape…) and the Unicode line and paragraph separators.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
