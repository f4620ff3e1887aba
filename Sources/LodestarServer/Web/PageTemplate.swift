/// A page template, read once at start-up into what it draws: the Mustache the site's templates
/// are written in — names and dotted names (`{{cycle.name}}`, `{{.}}`), escaped and raw values
/// (`{{{svg}}}`), sections and inverted sections (with the `empty(…)` test), partials (`{{> csrf}}`),
/// and a layout filled by blocks (`{{<layout}}{{$content}}…{{/content}}{{/layout}}`) — with
/// Mustache's rule that a line holding only a section, partial or block tag leaves no line behind.
///
/// Rendering walks this tree over a `ViewValue`, so a page costs what it shows: no reflection and
/// no dynamic casts per name, as a general-purpose Mustache library needs for values of any type.
struct PageTemplate: Sendable {
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text(String)
        case value(Path, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or with `inverted` `{{^name}}…{{/name}}`; `emptiness` for `empty(name)`.
        case section(Path, emptiness: Bool, inverted: Bool, [Node])
        /// `{{> name}}`; alone on its line, its indentation starts each line the partial draws.
        case partial(String, indentation: String)
        /// `{{<name}}…{{/name}}`: the template `name` with these blocks filled in.
        case layout(String, blocks: [String: [Node]])
        /// `{{$name}}…{{/name}}`: the layout's block, with what it shows when no page fills it.
        case block(String, [Node])
    }

    /// A dotted name; no names at all is `.`, the value in hand.
    struct Path: Sendable {
        let names: [String]
    }

    /// Reads `text`; a tag left open, a section closed under another name or a tag the site does
    /// not use is refused with its line.
    init(_ text: String) throws(PageTemplate.Unreadable) {
        var pieces = try Self.pieces(of: Array(text.utf8))
        Self.dropStandaloneLines(&pieces)
        var index = 0
        nodes = try Self.nodes(from: pieces, at: &index, closing: nil)
    }

    /// What is wrong with a template, and on which line.
    struct Unreadable: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }
}

extension PageTemplate {
    /// A stretch of text, or one tag with its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `!`, `%`, `{`, `&`
    /// or none) and its name.
    fileprivate enum Piece {
        case text([UInt8])
        case tag(sigil: UInt8?, name: String, line: Int, indentation: String = "")
    }

    /// The tags a line may hold alone and then leaves no line behind.
    private static let lineTags = Set("#^/><$!%".utf8)

    private static func pieces(of bytes: [UInt8]) throws(Unreadable) -> [Piece] {
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var line = 1
        var index = 0
        let (open, close, brace) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "{"))
        while index < bytes.count {
            guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open else {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                text.append(bytes[index])
                index += 1
                continue
            }
            let tagLine = line
            var start = index + 2
            var sigil: UInt8? = start < bytes.count ? bytes[start] : nil
            if let known = sigil, known == brace || known == UInt8(ascii: "&") || lineTags.contains(known) { start += 1 } else { sigil = nil }
            // A raw value `{{{name}}}` ends with a third brace.
            let ending: [UInt8] = sigil == brace ? [close, close, close] : [close, close]
            guard let end = Self.find(ending, in: bytes, from: start) else {
                throw Unreadable(line: tagLine, reason: "a tag opened here is not closed")
            }
            line += bytes[start..<end].count { $0 == UInt8(ascii: "\n") }
            if !text.isEmpty { pieces.append(.text(text)); text = [] }
            let name = String(decoding: bytes[start..<end], as: UTF8.self).trimmingWhitespace
            pieces.append(.tag(sigil: sigil, name: name, line: tagLine))
            index = end + ending.count
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Mustache's standalone lines: a section, partial, layout, block or comment tag alone on its
    /// line takes the line's indentation and its line break away with it.
    private static func dropStandaloneLines(_ pieces: inout [Piece]) {
        let space = Set(" \t\r".utf8)
        let newline = UInt8(ascii: "\n")
        var standalone: [Int] = []
        for (index, piece) in pieces.enumerated() {
            guard case .tag(let sigil?, _, _, _) = piece, lineTags.contains(sigil) else { continue }
            let startsLine: Bool
            if index == 0 {
                startsLine = true
            } else if case .text(let before) = pieces[index - 1] {
                let tail = before.lastIndex(of: newline).map { before[($0 + 1)...] } ?? before[...]
                startsLine = tail.allSatisfy(space.contains) && (before.contains(newline) || index == 1)
            } else {
                startsLine = false
            }
            let endsLine: Bool
            if index == pieces.count - 1 {
                endsLine = true
            } else if case .text(let after) = pieces[index + 1] {
                let head = after.firstIndex(of: newline).map { after[..<$0] } ?? after[...]
                endsLine = head.allSatisfy(space.contains) && (after.contains(newline) || index + 1 == pieces.count - 1)
            } else {
                endsLine = false
            }
            if startsLine && endsLine { standalone.append(index) }
        }
        // Decided on the text as written, then cut: two standalone lines share the text between them.
        for index in standalone {
            if case .tag(UInt8(ascii: ">")?, let name, let line, _) = pieces[index] {
                // A partial keeps its indentation, which starts each of its lines.
                pieces[index] = .tag(sigil: UInt8(ascii: ">"), name: name, line: line, indentation: indentation(before: index, in: pieces))
            } else if index > 0, case .text(var before) = pieces[index - 1] {
                before.removeSubrange((before.lastIndex(of: newline).map { $0 + 1 } ?? 0)...)
                pieces[index - 1] = .text(before)
            }
            if index + 1 < pieces.count, case .text(var after) = pieces[index + 1] {
                after.removeSubrange(..<(after.firstIndex(of: newline).map { $0 + 1 } ?? after.count))
                pieces[index + 1] = .text(after)
            }
        }
    }

    private static func nodes(from pieces: [Piece], at index: inout Int, closing: (name: String, line: Int)?) throws(Unreadable) -> [Node] {
        var nodes: [Node] = []
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            guard case .tag(let sigil, let name, let line, let indentation) = piece else {
                // A text is kept line by line, as a partial's indentation goes before each line.
                if case .text(let bytes) = piece {
                    var start = 0
                    while start < bytes.count {
                        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
                        nodes.append(.text(String(decoding: bytes[start..<end], as: UTF8.self)))
                        start = end
                    }
                }
                continue
            }
            let kind: Character? = sigil.map { Character(Unicode.Scalar($0)) }
            switch kind {
            case nil: nodes.append(.value(try path(name, line: line), escaped: true))
            case "{", "&": nodes.append(.value(try path(name, line: line), escaped: false))
            case "!", "%": continue
            case ">": nodes.append(.partial(name, indentation: indentation))
            case "#", "^":
                let (target, emptiness) = name.hasPrefix("empty(") && name.hasSuffix(")") ? (String(name.dropFirst(6).dropLast()), true) : (name, false)
                let inner = try Self.nodes(from: pieces, at: &index, closing: (name, line))
                nodes.append(.section(try path(target, line: line), emptiness: emptiness, inverted: sigil == UInt8(ascii: "^"), inner))
            case "$": nodes.append(.block(name, try Self.nodes(from: pieces, at: &index, closing: (name, line))))
            case "<":
                var blocks: [String: [Node]] = [:]
                for case .block(let block, let filling) in try Self.nodes(from: pieces, at: &index, closing: (name, line)) { blocks[block] = filling }
                nodes.append(.layout(name, blocks: blocks))
            default:
                guard let closing, closing.name == name else {
                    throw Unreadable(line: line, reason: closing.map { "“\(name)” closes “\($0.name)”, opened on line \($0.line)" } ?? "“\(name)” closes nothing")
                }
                return nodes
            }
        }
        if let closing { throw Unreadable(line: closing.line, reason: "“\(closing.name)” is opened here and never closed") }
        return nodes
    }

    /// The spaces a tag alone on its line stands after.
    private static func indentation(before index: Int, in pieces: [Piece]) -> String {
        guard index > 0, case .text(let before) = pieces[index - 1] else { return "" }
        let tail = before.lastIndex(of: UInt8(ascii: "\n")).map { before[($0 + 1)...] } ?? before[...]
        return String(decoding: tail, as: UTF8.self)
    }

    private static func path(_ name: String, line: Int) throws(Unreadable) -> Path {
        if name == "." { return Path(names: []) }
        let names = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !names.contains(where: \.isEmpty), !name.contains(where: { $0 == "(" || $0 == " " }) else {
            throw Unreadable(line: line, reason: "“\(name)” is not a name a page can show")
        }
        return Path(names: names)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
