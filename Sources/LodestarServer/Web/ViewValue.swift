/// A view as the templates read it: text, a yes or no, a list, or named fields.
///
/// Every view struct is reflected once, when the page is drawn, into this tree; the template then
/// finds each `{{name}}` with a dictionary lookup on the values in hand, so a table of 50 rows
/// costs 50 rows, not a reflection and a dynamic cast per name and per level of the stack.
indirect enum ViewValue {
    case text(String)
    case flag(Bool)
    case list([ViewValue])
    case fields([String: ViewValue])
    /// A value that writes itself (an identifier, a date, a summary of counts): written, or its
    /// fields reflected for a dotted name, only when the page shows it.
    case described(Any)

    /// The named values within, for a name to be looked up in.
    var fields: [String: ViewValue]? {
        switch self {
        case .fields(let fields): fields
        case .described(let value): Self.fields(of: Mirror(reflecting: value))
        default: nil
        }
    }

    /// `value` with its structs (and those inside them, in arrays and optionals) as fields; an
    /// absent optional is no value, so a template looks for the name further out, as Mustache does.
    static func of(_ value: Any) -> ViewValue? {
        if let text = value as? String { return .text(text) }
        if let flag = value as? Bool { return .flag(flag) }
        if let number = value as? Int { return .text(String(number)) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        // Values that write themselves (identifiers, dates) are shown as they describe themselves.
        case .struct where value is any CustomStringConvertible, .class where value is any CustomStringConvertible:
            return .described(value)
        case .struct, .class, .tuple:
            return .fields(fields(of: mirror))
        case .collection, .set:
            return .list(mirror.children.compactMap { of($0.value) })
        case .dictionary:
            var fields: [String: ViewValue] = [:]
            for entry in mirror.children {
                let pair = Array(Mirror(reflecting: entry.value).children)
                if pair.count == 2, let value = of(pair[1].value) { fields[String(describing: pair[0].value)] = value }
            }
            return .fields(fields)
        default:
            return .text(String(describing: value))
        }
    }

    private static func fields(of mirror: Mirror) -> [String: ViewValue] {
        var fields: [String: ViewValue] = [:]
        fields.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            if let label = child.label, let field = of(child.value) { fields[label] = field }
        }
        return fields
    }
}
