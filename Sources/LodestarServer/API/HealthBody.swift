import Hummingbird
import LodestarCore

/// The answer of `GET /health`: 200 when the database answers, 503 when it does not or is
/// busy with another process's write past the busy timeout.
struct HealthBody: ResponseEncodable {
    let status: String
    let database: String
    var error: String?

    static func check(_ store: any LodestarRepositories) async throws -> EditedResponse<HealthBody> {
        do {
            return EditedResponse(status: .ok, response: HealthBody(status: "ok", database: try await store.ping()))
        } catch let busy as StoreBusy {
            return EditedResponse(status: .serviceUnavailable, headers: [.retryAfter: String(StoreBusy.retryAfterSeconds)],
                                  response: HealthBody(status: "busy", database: "busy", error: busy.description))
        } catch {
            return EditedResponse(status: .serviceUnavailable, response: HealthBody(status: "unavailable", database: "unreachable", error: "\(error)"))
        }
    }
}
