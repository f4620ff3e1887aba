import Hummingbird
import LodestarCore

/// The answer of `GET /health`: 200 when the database answers, 503 when it does not.
struct HealthBody: ResponseEncodable {
    let status: String
    let database: String
    var error: String?

    static func check(_ store: any LodestarRepositories) async throws -> EditedResponse<HealthBody> {
        do {
            return EditedResponse(status: .ok, response: HealthBody(status: "ok", database: try await store.ping()))
        } catch {
            return EditedResponse(status: .serviceUnavailable, response: HealthBody(status: "unavailable", database: "unreachable", error: "\(error)"))
        }
    }
}
