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
}
