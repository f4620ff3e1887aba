import FluentKit
import Foundation
import LodestarCore

final class PersonModel: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "external_id") var externalID: String
    @Field(key: "name") var name: String
    /// The name lowercased, so search is case-insensitive on every database.
    @Field(key: "name_key") var nameKey: String
    @Field(key: "email") var email: String
    @Field(key: "title") var title: String
    @Field(key: "level") var level: Int
    @Field(key: "department") var department: String
    @OptionalField(key: "manager_id") var managerID: UUID?
    @Field(key: "location") var location: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "languages") var languages: [String]
    @Field(key: "gender") var gender: String
    @Field(key: "ethnicity") var ethnicity: String
    @Field(key: "age_band") var ageBand: String
    @Field(key: "disability") var disability: String

    init() {}

    init(_ person: Person) { update(from: person) }

    func update(from person: Person) {
        id = person.id.uuid
        externalID = person.externalID
        name = person.name
        nameKey = person.name.lowercased()
        email = person.email
        title = person.title
        level = person.level
        department = person.department
        managerID = person.managerID?.uuid
        location = person.location
        timeZone = person.timeZone
        languages = person.languages
        gender = person.demographics.gender
        ethnicity = person.demographics.ethnicity
        ageBand = person.demographics.ageBand
        disability = person.demographics.disability
    }

    var domain: Person {
        Person(
            id: Person.ID(id!), externalID: externalID, name: name, email: email, title: title, level: level,
            department: department, managerID: managerID.map(Person.ID.init), location: location, timeZone: timeZone,
            languages: languages, demographics: Demographics(gender: gender, ethnicity: ethnicity, ageBand: ageBand, disability: disability)
        )
    }
}
