import FluentKit
import Foundation
import LodestarCore

final class CompetencyModel: Model, @unchecked Sendable {
    static let schema = "competencies"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "summary") var summary: String

    init() {}

    init(_ competency: Competency) { update(from: competency) }

    func update(from competency: Competency) {
        id = competency.id.uuid
        slug = competency.slug
        name = competency.name
        summary = competency.summary
    }

    var domain: Competency { Competency(id: Competency.ID(id!), slug: slug, name: name, summary: summary) }
}
