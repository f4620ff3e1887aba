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
        var templates: [String: MustacheTemplate] = [:]
        for template in Template.allCases where template != .plan && template != .signIn {
            templates[template.rawValue] = try MustacheTemplate(string: "{{title}}")
        }
        let error = #expect(throws: TemplatesMissing.self) { try PageRenderer(checking: MustacheLibrary(templates: templates)) }
        #expect(error?.description == "the page templates 'plan.mustache', 'sign-in.mustache' are missing from the build")
    }

    @Test("what a page shows is escaped in the page and its partials exactly as Mustache's HTML escaping writes it")
    func escaping() async throws {
        let hostile = "<script>alert('x') & \"y\"</script> café 👩🏽‍💻"
        for text in [hostile, "plain", "", "&amp;", "e\u{301}<", "'\"'"] {
            #expect(EscapedHTML().escapeText(text) == (try MustacheTemplate(string: "{{x}}").render(["x": text])))
        }
        let pages = try await PageRenderer.load()
        let view = PageRenderer.ErrorView(status: 422, heading: "Unprocessable", message: hostile, issues: [hostile])
        let page = pages.library.render(ViewTree.of(PageRenderer.Frame(view: view, nav: nil)) ?? [:], withTemplate: Template.error.rawValue) ?? ""
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt; café 👩🏽‍💻"))
        #expect(!page.contains("<script>"))
    }
}
