import Foundation

/// Someone in the organisation's directory, as imported from the HR system.
public struct Person: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = Identifier<Person>

    public var id: ID
    /// The HR system's id; imports match on it.
    public var externalID: String
    public var name: String
    public var email: String
    public var title: String
    /// Integer grade: higher is more senior.
    public var level: Int
    public var department: String
    public var managerID: ID?
    public var location: String
    /// IANA time zone identifier, e.g. `Europe/London`.
    public var timeZone: String
    /// Languages the person works in, e.g. `en`, `fr`.
    public var languages: [String]
    public var demographics: Demographics

    /// Creates a person.
    public init(
        id: ID = ID(), externalID: String, name: String, email: String, title: String, level: Int,
        department: String, managerID: ID? = nil, location: String, timeZone: String,
        languages: [String], demographics: Demographics = Demographics()
    ) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.email = email
        self.title = title
        self.level = level
        self.department = department
        self.managerID = managerID
        self.location = location
        self.timeZone = timeZone
        self.languages = languages
        self.demographics = demographics
    }
}

/// Opt-in, self-described demographic fields; each may be empty and none is ever inferred.
public struct Demographics: Sendable, Hashable, Codable {
    public var gender: String
    public var ethnicity: String
    public var ageBand: String
    public var disability: String

    /// Creates demographics; every field defaults to "not given".
    public init(gender: String = "", ethnicity: String = "", ageBand: String = "", disability: String = "") {
        self.gender = gender
        self.ethnicity = ethnicity
        self.ageBand = ageBand
        self.disability = disability
    }

    /// True when the person shared nothing.
    public var isEmpty: Bool { gender.isEmpty && ethnicity.isEmpty && ageBand.isEmpty && disability.isEmpty }
}
