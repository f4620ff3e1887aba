/// The site's templates by name, drawn over a `ViewValue` into one string.
struct TemplateLibrary: Sendable {
    let templates: [String: PageTemplate]

    /// The template `name` filled from `view`; nil when there is no such template.
    func render(_ view: ViewValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var drawing = Drawing(library: self, stack: [view])
        drawing.text.reserveCapacity(32 * 1024)
        drawing.draw(template.nodes, blocks: [:])
        return drawing.text
    }
}

/// One page being drawn: the values in hand, innermost last, and the text so far.
private struct Drawing {
    let library: TemplateLibrary
    var stack: [ViewValue]
    var text = ""
    /// Inside a partial drawn alone on an indented line: what starts each of its lines.
    var indentation = ""

    mutating func draw(_ nodes: [PageTemplate.Node], blocks: [String: [PageTemplate.Node]]) {
        guard indentation.isEmpty else { return drawIndented(nodes, blocks: blocks) }
        for node in nodes { draw(node, blocks: blocks) }
    }

    /// Mustache's indentation of a partial: a node that draws something at the start of a line
    /// of this drawing gets the indentation first.
    private mutating func drawIndented(_ nodes: [PageTemplate.Node], blocks: [String: [PageTemplate.Node]]) {
        let start = text.utf8.count
        for node in nodes {
            let before = text.utf8.count
            let atLineStart = before > start && text.utf8.last == UInt8(ascii: "\n")
            draw(node, blocks: blocks)
            if atLineStart && text.utf8.count > before {
                text.insert(contentsOf: indentation, at: text.utf8.index(text.utf8.startIndex, offsetBy: before))
            }
        }
    }

    private mutating func draw(_ node: PageTemplate.Node, blocks: [String: [PageTemplate.Node]]) {
        switch node {
        case .text(let part):
            text += part
        case .value(let path, let escaped):
            let value: String
            switch find(path) {
            case .text(let written)?: value = written
            case .described(let written)?: value = String(describing: written)
            case .flag(let flag)?: value = flag ? "true" : "false"
            default: return
            }
            text += escaped ? EscapedHTML.escape(value) : value
        case .section(let path, let emptiness, let inverted, let inner):
            var value = find(path)
            if emptiness {
                switch value {
                case .list(let items)?: value = .flag(items.isEmpty)
                case .text(let string)?: value = .flag(string.isEmpty)
                default: value = nil
                }
            }
            drawSection(value, inverted: inverted, inner, blocks: blocks)
        case .partial(let name, let indented):
            guard let partial = library.templates[name] else { return }
            let outer = indentation
            indentation += indented
            draw(partial.nodes, blocks: blocks)
            indentation = outer
        case .layout(let name, let filled):
            // The outermost filling of a block wins, as in Mustache's inheritance.
            if let layout = library.templates[name] { draw(layout.nodes, blocks: blocks.merging(filled) { outer, _ in outer }) }
        case .block(let name, let standing):
            draw(blocks[name] ?? standing, blocks: blocks)
        }
    }

    /// A list repeats the section once per item, a yes or no shows it or not, any other value
    /// shows it once with that value in hand; an inverted section shows where those show nothing.
    private mutating func drawSection(_ value: ViewValue?, inverted: Bool, _ inner: [PageTemplate.Node], blocks: [String: [PageTemplate.Node]]) {
        switch value {
        case nil:
            if inverted { draw(inner, blocks: blocks) }
        case .flag(let flag)?:
            if flag != inverted { draw(inner, blocks: blocks) }
        case .list(let items)?:
            if inverted {
                if items.isEmpty { draw(inner, blocks: blocks) }
                return
            }
            for item in items { within(item) { $0.draw(inner, blocks: blocks) } }
        case let value?:
            if !inverted { within(value) { $0.draw(inner, blocks: blocks) } }
        }
    }

    private mutating func within(_ value: ViewValue, _ body: (inout Drawing) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }

    /// The value a name stands for: its first part in the innermost value that has it, the rest
    /// within that; `.` the value in hand.
    private func find(_ path: PageTemplate.Path) -> ViewValue? {
        guard let first = path.names.first else { return stack.last }
        for value in stack.reversed() {
            guard var found = value.fields?[first] else { continue }
            for name in path.names.dropFirst() {
                guard let next = found.fields?[name] else { return nil }
                found = next
            }
            return found
        }
        return nil
    }
}
