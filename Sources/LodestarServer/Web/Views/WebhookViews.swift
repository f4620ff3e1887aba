import Foundation
import LodestarCore

/// One tickable event in a webhook form.
struct EventChoice {
    let name: String
    let meaning: String
    let checked: Bool

    static func all(checked: Set<String>) -> [EventChoice] {
        WebhookEvent.Kind.allCases.map { EventChoice(name: $0.rawValue, meaning: $0.meaning, checked: checked.contains($0.rawValue)) }
    }
}

/// The webhooks page: the endpoints, and the form to register one.
struct WebhooksView {
    let title = "Webhooks"
    let endpoints: [Line]
    let csrf: String
    let problem: String?
    let form: Form

    struct Line {
        let href: String
        let url: String
        let description: String
        let events: String
        let state: String
    }

    /// What the register form shows (what was sent, when it is shown again with a problem).
    struct Form {
        let url: String
        let description: String
        let events: [EventChoice]

        static let blank = Form(url: "", description: "", events: EventChoice.all(checked: []))

        init(url: String, description: String, events: [EventChoice]) {
            self.url = url
            self.description = description
            self.events = events
        }

        init(_ settings: WebhookSettings) {
            self.init(url: settings.url ?? "", description: settings.description ?? "", events: EventChoice.all(checked: Set(settings.events ?? [])))
        }
    }

    init(_ endpoints: [WebhookEndpoint], csrf: String, problem: String?, form: Form) {
        self.endpoints = endpoints.map { endpoint in
            Line(href: SiteURL.webhook(.value(endpoint.id)).path, url: endpoint.url, description: endpoint.description,
                 events: endpoint.orderedEvents.map(\.rawValue).joined(separator: ", "), state: endpoint.active ? "active" : "paused")
        }
        self.csrf = csrf
        self.problem = problem
        self.form = form
    }
}

/// One endpoint's page: its settings, its secret once, and its delivery log.
struct WebhookView {
    let title: String
    let url: String
    let description: String
    let active: Bool
    let created: String
    let events: [EventChoice]
    let secret: String?
    let problem: String?
    let csrf: String
    let deliveries: [Delivery]
    let total: Int
    let paging: Paging
    let links: Links
    /// All, waiting, delivered, given up: links that show only those.
    let filters: [Filter]

    struct Filter {
        let label: String
        let href: String
        let current: Bool
    }

    struct Links {
        let page, secret, remove, list: String
    }

    struct Delivery {
        let kind: String
        let created: String
        let state: String
        let stateClass: String
        let attempts: Int
        let last: String
        let payload: String
        let redeliverHref: String
        let redeliverLabel: String
    }

    init(_ endpoint: WebhookEndpoint, deliveries page: Page<WebhookDelivery>, state shown: WebhookDelivery.State?, csrf: String, secret: String?, problem: String?) {
        title = "Webhook " + endpoint.url
        url = endpoint.url
        description = endpoint.description
        active = endpoint.active
        created = endpoint.createdAt.formatted(date: .abbreviated, time: .shortened)
        events = EventChoice.all(checked: Set(endpoint.events.map(\.rawValue)))
        self.secret = secret
        self.problem = problem
        self.csrf = csrf
        func when(_ date: Date) -> String { date.formatted(date: .abbreviated, time: .standard) }
        deliveries = page.items.map { delivery in
            let state = switch delivery.state {
            case .delivered: "delivered"
            case .failed: "given up"
            case .waiting: delivery.attempts == 0 ? "waiting" : "retry " + (delivery.nextAttemptAt.map { $0.formatted(date: .omitted, time: .standard) } ?? "")
            }
            // An answer is its status; no answer, what went wrong (refused, timed out…).
            let last = delivery.lastAttemptAt.map { at in
                "\(when(at)): " + (delivery.lastStatus.map { "HTTP \($0)" } ?? delivery.lastError ?? "")
            } ?? "not tried yet"
            return Delivery(kind: delivery.kind.rawValue, created: when(delivery.createdAt), state: state, stateClass: delivery.state.rawValue,
                            attempts: delivery.attempts, last: last, payload: delivery.payload,
                            redeliverHref: SiteURL.redeliver(.value(endpoint.id), .value(delivery.id)).path,
                            redeliverLabel: delivery.state == .waiting ? "" : "Send again")
        }
        total = page.total
        let path = SiteURL.webhook(.value(endpoint.id)).path
        paging = Paging(page, path: path, query: ["state": shown?.rawValue ?? ""])
        let states: [WebhookDelivery.State?] = [nil] + WebhookDelivery.State.allCases
        filters = states.map { state -> Filter in
            let label = state.map { $0 == .failed ? "given up" : $0.rawValue } ?? "all"
            let href = state.map { SiteURL.link(path, [URLQueryItem(name: "state", value: $0.rawValue)]) } ?? path
            return Filter(label: label, href: href, current: state == shown)
        }
        links = Links(page: SiteURL.webhook(.value(endpoint.id)).path, secret: SiteURL.webhook(.value(endpoint.id), .secret).path,
                      remove: SiteURL.webhook(.value(endpoint.id), .remove).path, list: SiteURL.webhooks.path)
    }
}
