/// A view as the templates read it: every struct becomes a dictionary of its fields, once.
///
/// Mustache finds a name in a value by reflection, for every `{{name}}` and again on every level
/// of the context stack it climbs, so a table of 50 rows reflected on the page's whole view
/// hundreds of times. Reflecting each value once and handing the templates dictionaries makes a
/// page's cost proportional to what it shows.
enum ViewTree {
    /// `value` with its structs (and those inside them, in arrays and optionals) as dictionaries.
    static func of(_ value: Any) -> Any? {
        if value is String || value is Bool || value is Int { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        // Values that write themselves (identifiers, dates) are shown as they describe themselves.
        case .struct where value is any CustomStringConvertible, .class where value is any CustomStringConvertible:
            return value
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let field = of(child.value) { fields[label] = field }
            }
            return fields
        case .collection:
            // Arrays stay arrays: sections repeat over them and `empty(…)` applies.
            if value is [String] || value is [Int] { return value }
            return mirror.children.compactMap { of($0.value) }
        default:
            return value
        }
    }
}
