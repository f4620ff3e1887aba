import Foundation
import Hummingbird
import LodestarCore

/// The admin's webhooks: the endpoints with a form to register one, and each endpoint's page —
/// its settings, its secret (shown once when made or renewed) and its delivery log, where a
/// delivery can be sent again.
struct WebhookPages {
    let store: any LodestarRepositories
    let pages: PageRenderer
    let credentials: any Credentials

    func register(on router: Router<LodestarContext>) {
        router.get(.webhooks) { _, context in
            try await listPage(context, problem: nil, form: .blank)
        }
        router.post(.webhooks) { request, context in
            let form = try await FormBody.fields(request)
            let settings = Self.settings(form, secret: true)
            do {
                let endpoint = try await registry(context).register(settings, now: context.now)
                return try await endpointPage(endpoint.id, context, page: .everything, secret: endpoint.secret, problem: nil)
            } catch let error as ValidationError {
                return try await listPage(context, problem: error.summary, form: WebhooksView.Form(settings))
            }
        }
        router.get(.webhook(.key)) { request, context in
            let state = try FormQuery(request).get("state").flatMap { $0.isEmpty ? nil : $0 }.map(Self.state)
            return try await endpointPage(try context.parameters.id(of: "webhook"), context, page: try request.pageRequest(), state: state, secret: nil, problem: nil)
        }
        router.post(.webhook(.key)) { request, context in
            let id: WebhookEndpoint.ID = try context.parameters.id(of: "webhook")
            var settings = Self.settings(try await FormBody.fields(request), secret: false)
            settings.active = settings.active ?? false
            do {
                _ = try await registry(context).update(id, with: settings)
                return Response(status: .seeOther, headers: [.location: SiteURL.webhook(.value(id)).path])
            } catch let error as ValidationError {
                return try await endpointPage(id, context, page: .everything, secret: nil, problem: error.summary).response(from: request, context: context)
            }
        }
        router.post(.webhook(.key, .secret)) { _, context in
            let endpoint = try await registry(context).renewSecret(try context.parameters.id(of: "webhook"))
            return try await endpointPage(endpoint.id, context, page: .everything, secret: endpoint.secret, problem: nil)
        }
        router.post(.webhook(.key, .remove)) { _, context in
            try await registry(context).remove(try context.parameters.id(of: "webhook"))
            return Response(status: .seeOther, headers: [.location: SiteURL.webhooks.path])
        }
        router.post(.redeliver(.key, .key)) { _, context in
            let id: WebhookEndpoint.ID = try context.parameters.id(of: "webhook")
            _ = try await registry(context).redeliver(try context.parameters.id("delivery", of: "delivery"), of: id, now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.webhook(.value(id)).path])
        }
    }

    private func registry(_ context: LodestarContext) throws -> WebhookRegistry {
        WebhookRegistry(store: store, principal: try context.signedIn(), credentials: credentials)
    }

    /// The settings a form sends: each ticked event, the address, the description, active.
    static func settings(_ form: [String: String], secret: Bool) -> WebhookSettings {
        let events = WebhookEvent.Kind.allCases.filter { form["event-" + $0.rawValue] != nil }.map(\.rawValue)
        let given = form["secret"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return WebhookSettings(url: form["url"]?.trimmingCharacters(in: .whitespaces) ?? "", events: events, description: form["description"] ?? "",
                               active: form["active"].map { _ in true }, secret: secret && !given.isEmpty ? given : nil)
    }

    private func listPage(_ context: LodestarContext, problem: String?, form: WebhooksView.Form) async throws -> HTML {
        let endpoints = try await registry(context).endpoints()
        return pages.render(.webhooks, WebhooksView(endpoints, csrf: context.session?.csrfToken ?? "", problem: problem, form: form), for: context,
                            status: problem == nil ? .ok : .unprocessableContent)
    }

    /// A delivery state named in a query, or 422 naming the three.
    static func state(_ text: String) throws -> WebhookDelivery.State {
        guard let state = WebhookDelivery.State(rawValue: text) else {
            throw ValidationError([FieldIssue(field: "state", message: "'\(text.prefix(40))' is not waiting, delivered or failed")])
        }
        return state
    }

    private func endpointPage(_ id: WebhookEndpoint.ID, _ context: LodestarContext, page: PageRequest, state: WebhookDelivery.State? = nil,
                              secret: String?, problem: String?) async throws -> HTML {
        let registry = try registry(context)
        let endpoint = try await registry.endpoint(id)
        let deliveries = try await registry.deliveries(of: id, state: state, page: page)
        return pages.render(.webhook, WebhookView(endpoint, deliveries: deliveries, state: state, csrf: context.session?.csrfToken ?? "", secret: secret, problem: problem),
                            for: context, status: problem == nil ? .ok : .unprocessableContent)
    }
}
