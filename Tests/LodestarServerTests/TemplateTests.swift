@testable import LodestarServer
import Mustache
import Testing

@Suite("Page templates")
struct TemplateTests {
    @Test("every page template ships with the server")
    func allShipped() async throws {
        _ = try await PageRenderer.load()
    }

    @Test("a template missing from the build stops start-up, naming it, instead of serving pages that say so")
    func missingStopsStartUp() throws {
        var templates: [String: PageTemplate] = [:]
        for template in Template.allCases where template != .plan && template != .signIn {
            templates[template.rawValue] = try PageTemplate("{{title}}")
        }
        let error = #expect(throws: TemplatesMissing.self) { try PageRenderer(checking: TemplateLibrary(templates: templates)) }
        #expect(error?.description == "the page templates 'plan.mustache', 'sign-in.mustache' are missing from the build")
    }

    @Test("what a page shows is escaped in the page and its partials exactly as Mustache's HTML escaping writes it")
    func escaping() async throws {
        let hostile = "<script>alert('x') & \"y\"</script> café 👩🏽‍💻"
        for text in [hostile, "plain", "", "&amp;", "e\u{301}<", "'\"'"] {
            #expect(EscapedHTML.escape(text) == (try MustacheTemplate(string: "{{x}}").render(["x": text])))
        }
        let pages = try await PageRenderer.load()
        let page = pages.text(.error, PageRenderer.ErrorView(status: 422, heading: "Unprocessable", message: hostile, issues: [hostile]))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt; café 👩🏽‍💻"))
        #expect(!page.contains("<script>"))
    }

    /// Every construct the site's templates use, drawn by the pages' reader and by the Mustache
    /// library over the same values: the texts must be the same to the character.
    @Test("the pages' template reader draws what the Mustache library draws, whitespace included", arguments: [
        "{{title}} & {{{raw}}} & {{&raw}} · {{count}} · {{yes}} {{no}} · {{missing}}|",
        "{{#rows}}<tr><td>{{name}}</td><td>{{title}}</td>{{#lead}}<b>lead</b>{{/lead}}</tr>{{/rows}}",
        "<ul>\n  {{#rows}}\n  <li>{{name}}{{#tags}} [{{.}}]{{/tags}}</li>\n  {{/rows}}\n</ul>\n",
        "{{^rows}}none{{/rows}}{{^empty}}none{{/empty}}{{#empty(empty)}}empty{{/empty(empty)}}{{^empty(rows)}}some{{/empty(rows)}}",
        "{{#inner}}{{name}} in {{title}}, {{inner.name}}; {{#deeper}}{{name}}/{{title}}{{/deeper}}{{/inner}}{{inner.deeper.name}}",
        "{{#yes}}shown{{/yes}}{{#no}}hidden{{/no}}{{^no}}not no{{/no}}{{#title}}[{{.}}]{{/title}}",
        "  {{! a comment on its own line }}\n<p>\n    {{#yes}}\n  <textarea>{{title}}\n{{raw}}</textarea>\n    {{/yes}}\n</p>{{! trailing }}",
        "{{> row}}|{{#rows}}{{> row}}{{/rows}}\n{{> row}}\n",
        "<form>\n    {{> lines}}\n  <ul>\n  {{#rows}}\n    {{> lines}}\n  {{/rows}}\n  </ul> {{> lines}}\n</form>\n",
        "{{<frame}}\n{{$body}}<main>{{title}}</main>{{/body}}\n{{/frame}}\n",
        "{{<frame}}{{/frame}}",
        "{{counts}}: {{counts.created}} new, {{#counts}}{{kept}} kept{{/counts}}",
    ])
    func sameAsMustache(template: String) throws {
        let partials = ["row": "<i>{{name}}</i>", "lines": "<p>{{name}}</p>\n{{#tags}}\n<b>{{.}}</b>\n{{/tags}}\n<hr>{{#yes}}\nyes{{/yes}}", "frame": "<header>{{title}}</header>\n{{$body}}default body{{/body}}\n<footer/>\n"]
        var reference = MustacheLibrary()
        var ours: [String: PageTemplate] = [:]
        for (name, text) in partials.merging(["page": template]) { $1 } {
            try reference.register(text, named: name)
            ours[name] = try PageTemplate(text)
        }
        let view = Sample()
        let expected = try #require(reference.render(view, withTemplate: "page"))
        let drawn = TemplateLibrary(templates: ours).render(try #require(ViewValue.of(view)), template: "page")
        #expect(drawn == expected)
    }

    struct Sample {
        struct Row {
            let name: String
            let lead: Bool
            let tags: [String]
        }
        struct Inner {
            let name = "inner"
            let deeper = Deeper()
        }
        struct Deeper {
            let name = "deeper"
        }
        let title = "Rising <Leaders> & \"friends\""
        let raw = "<b>bold</b>"
        let count = 42
        let yes = true
        let no = false
        let rows = [Row(name: "Ama", lead: true, tags: ["a", "b"]), Row(name: "Ben O'Brien", lead: false, tags: [])]
        let empty: [Row] = []
        let inner = Inner()
        let counts = Counts()
    }

    /// A value that writes itself and has fields a dotted name reaches.
    struct Counts: CustomStringConvertible {
        let created = 5
        let kept = 2
        var description: String { "5 created, 2 kept" }
    }

    @Test("a value that is absent is looked for further out, as Mustache does with a name a value lacks")
    func absentLooksOut() throws {
        struct Row { let name: String; let note: String? }
        struct View { let note = "outer"; let rows = [Row(name: "A", note: "own"), Row(name: "B", note: nil)] }
        let library = TemplateLibrary(templates: ["page": try PageTemplate("{{#rows}}{{name}}:{{note}} {{/rows}}")])
        #expect(library.render(try #require(ViewValue.of(View())), template: "page") == "A:own B:outer ")
    }

    @Test("a template that is not well formed is refused with its line, so start-up names it", arguments: [
        ("<p>\n{{#rows}}\n{{name}}\n", "line 2: “rows” is opened here and never closed"),
        ("{{#rows}}\n{{/row}}", "line 2: “row” closes “rows”, opened on line 1"),
        ("a\nb\n{{/rows}}", "line 3: “rows” closes nothing"),
        ("<p>{{name</p>", "line 1: a tag opened here is not closed"),
        ("{{= <% %> =}}", "line 1: “= <% %> =” is not a name a page can show"),
    ])
    func unreadable(text: String, reason: String) {
        let error = #expect(throws: PageTemplate.Unreadable.self) { try PageTemplate(text) }
        #expect(error?.description == reason)
    }
}
