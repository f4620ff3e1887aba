import Foundation

/// A person as an import row or API body describes them: the manager named by external id.
/// Fields left nil keep the stored value on update (and the default on create).
public struct PersonRecord: Sendable, Equatable {
    public var externalID: String
    public var name: String
    public var email: String
    public var title: String?
    public var level: Int
    public var department: String?
    /// External id of the manager; "" means "no manager", nil means "leave as it is".
    public var managerExternalID: String?
    public var location: String?
    public var timeZone: String
    public var languages: [String]?
    public var demographics: PartialDemographics

    /// Creates a record.
    public init(
        externalID: String, name: String, email: String, title: String? = nil, level: Int,
        department: String? = nil, managerExternalID: String? = nil, location: String? = nil,
        timeZone: String, languages: [String]? = nil, demographics: PartialDemographics = PartialDemographics()
    ) {
        self.externalID = externalID
        self.name = name
        self.email = email
        self.title = title
        self.level = level
        self.department = department
        self.managerExternalID = managerExternalID
        self.location = location
        self.timeZone = timeZone
        self.languages = languages
        self.demographics = demographics
    }

    /// Demographic fields where nil means "not in this input".
    public struct PartialDemographics: Sendable, Equatable {
        public var gender, ethnicity, ageBand, disability: String?
        /// Creates partial demographics.
        public init(gender: String? = nil, ethnicity: String? = nil, ageBand: String? = nil, disability: String? = nil) {
            self.gender = gender
            self.ethnicity = ethnicity
            self.ageBand = ageBand
            self.disability = disability
        }

        func applied(to base: Demographics) -> Demographics {
            Demographics(gender: gender ?? base.gender, ethnicity: ethnicity ?? base.ethnicity,
                         ageBand: ageBand ?? base.ageBand, disability: disability ?? base.disability)
        }
    }

    /// The person this record describes, on top of `existing` when updating.
    func person(existing: Person?, managerID: Person.ID?) -> Person {
        let base = existing
        return Person(
            id: base?.id ?? Person.ID(), externalID: externalID, name: name, email: email,
            title: title ?? base?.title ?? "", level: level, department: department ?? base?.department ?? "",
            managerID: managerID, location: location ?? base?.location ?? "", timeZone: timeZone,
            languages: languages ?? base?.languages ?? [], demographics: demographics.applied(to: base?.demographics ?? Demographics())
        )
    }
}

/// The rules every person's fields obey, whether they come from CSV, a form or the API.
public enum PersonRules {
    /// Allowed grades.
    public static let levels = 1...20

    /// Problems with single fields, keyed by the field names the CSV header uses.
    public static func issues(in record: PersonRecord) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if record.externalID.isEmpty { issues.append(.init(field: "id", message: "is empty; every person needs the HR system's id")) }
        else if record.externalID.count > 64 || record.externalID.contains(where: \.isWhitespace) {
            issues.append(.init(field: "id", message: "'\(record.externalID)' must be at most 64 characters without spaces"))
        }
        if record.name.isEmpty { issues.append(.init(field: "name", message: "is empty")) }
        issues += SingleLineText.issues([("id", record.externalID), ("name", record.name), ("title", record.title),
                                         ("department", record.department), ("location", record.location),
                                         ("gender", record.demographics.gender), ("ethnicity", record.demographics.ethnicity),
                                         ("age_band", record.demographics.ageBand), ("disability", record.demographics.disability)])
        if !isEmail(record.email) {
            issues.append(.init(field: "email", message: "'\(record.email)' is not an email address like name@example.org"))
        }
        if !levels.contains(record.level) {
            issues.append(.init(field: "level", message: "\(record.level) is out of range; use a grade from \(levels.lowerBound) to \(levels.upperBound)"))
        }
        if TimeZone(identifier: record.timeZone) == nil {
            issues.append(.init(field: "timezone", message: "'\(record.timeZone)' is not an IANA time zone; write e.g. Europe/London or America/New_York"))
        }
        for language in record.languages ?? [] where !isLanguageCode(language) {
            issues.append(.init(field: "languages", message: "'\(language)' is not an ISO 639-1 language code like en, fr or pt-BR"))
        }
        return issues
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    /// An ISO 639-1 language, optionally with a region or other subtags as in BCP 47 (`pt-BR`).
    static func isLanguageCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, LanguageCodes.iso639_1.contains(first.lowercased()) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
