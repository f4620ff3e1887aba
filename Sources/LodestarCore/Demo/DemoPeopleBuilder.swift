import Foundation

/// Builds the demo's manager tree: a chief executive, department heads, directors, managers,
/// team leads and their teams — six levels — spread over offices on four continents.
struct DemoPeopleBuilder {
    var random: SeededGenerator
    private var people: [Person] = []
    private var emails: Set<String> = []

    init(random: SeededGenerator) { self.random = random }

    struct Office { let city: String; let timeZone: String; let languages: [String] }
    static let offices: [Office] = [
        .init(city: "London", timeZone: "Europe/London", languages: ["en"]),
        .init(city: "Berlin", timeZone: "Europe/Berlin", languages: ["de", "en"]),
        .init(city: "Lisbon", timeZone: "Europe/Lisbon", languages: ["pt", "en"]),
        .init(city: "New York", timeZone: "America/New_York", languages: ["en"]),
        .init(city: "Toronto", timeZone: "America/Toronto", languages: ["en", "fr"]),
        .init(city: "São Paulo", timeZone: "America/Sao_Paulo", languages: ["pt", "en"]),
        .init(city: "Singapore", timeZone: "Asia/Singapore", languages: ["en", "zh"]),
        .init(city: "Bengaluru", timeZone: "Asia/Kolkata", languages: ["en", "hi"]),
        .init(city: "Sydney", timeZone: "Australia/Sydney", languages: ["en"]),
    ]
    static let departments = ["Engineering", "Sales", "Marketing", "Finance", "Operations", "People", "Product", "Legal"]
    static let firstNames = ["Amara", "Zoë", "José", "Siobhán", "Łukasz", "Chloé", "Jürgen", "Aoife", "Søren", "Priya", "Wei",
                             "Kwame", "Ingrid", "Mateo", "Yuki", "Fatima", "Liam", "Noor", "Rafael", "Hannah", "Olu",
                             "Mei", "Tomás", "Grace", "Arjun", "Elena", "Kofi", "Saoirse", "Dmitri", "Leila", "Ben",
                             "Ana", "Hiroshi", "Nadia", "Oscar", "Ama", "Felix", "Isabela", "Rohan", "Clara"]
    static let lastNames = ["Okafor", "Müller", "García", "O'Brien", "Nowak", "Dubois", "Schmidt", "Kelly", "Nielsen",
                            "Sharma", "Chen", "Mensah", "Larsen", "Silva", "Tanaka", "Haddad", "Murphy", "Rahman",
                            "Costa", "Cohen", "Adeyemi", "Wong", "Ferreira", "Smith", "Patel", "Rossi", "Boateng",
                            "Byrne", "Ivanov", "Nasser", "Taylor", "Santos", "Sato", "Khan", "Berg", "Owusu", "Weber",
                            "Oliveira", "Iyer", "Fischer"]
    static let genders = ["woman", "man", "non-binary", ""]
    static let ageBands = ["under 30", "30-39", "40-49", "50+", ""]

    /// A tree of exactly `size` people, six levels deep.
    mutating func organisation(size: Int) -> [Person] {
        let ceo = add(title: "Chief Executive", level: 15, department: "Executive", manager: nil, office: Self.offices[0])
        let (perDepartment, extra) = (size - 1).quotientAndRemainder(dividingBy: Self.departments.count)
        for (index, department) in Self.departments.enumerated() {
            let office = Self.offices.randomElement(using: &random)!
            let head = add(title: "Head of \(department)", level: 13, department: department, manager: ceo, office: office)
            var remaining = perDepartment + (index < extra ? 1 : 0) - 1
            while remaining > 0 {
                let director = add(title: "Director, \(department)", level: 11, department: department, manager: head, office: office)
                remaining -= 1
                for _ in 0..<2 where remaining > 0 {
                    let regional = Self.offices.randomElement(using: &random)!
                    let manager = add(title: "\(department) Manager", level: 9, department: department, manager: director, office: regional)
                    remaining -= 1
                    for _ in 0..<2 where remaining > 0 {
                        let lead = add(title: "Team Lead, \(department)", level: 7, department: department, manager: manager, office: regional)
                        remaining -= 1
                        for _ in 0..<Int.random(in: 3...5, using: &random) where remaining > 0 {
                            let level = Int.random(in: 3...6, using: &random)
                            add(title: level >= 5 ? "Senior \(department) Specialist" : "\(department) Specialist",
                                level: level, department: department, manager: lead, office: regional)
                            remaining -= 1
                        }
                    }
                }
            }
        }
        return people
    }

    @discardableResult
    private mutating func add(title: String, level: Int, department: String, manager: Person?, office: Office) -> Person {
        let first = Self.firstNames.randomElement(using: &random)!
        let last = Self.lastNames.randomElement(using: &random)!
        let number = people.count + 1
        let person = Person(
            id: Person.ID(random.uuid()), externalID: String(format: "E%04d", number), name: "\(first) \(last)",
            email: uniqueEmail(first: first, last: last), title: title, level: level, department: department,
            managerID: manager?.id, location: office.city, timeZone: office.timeZone, languages: office.languages,
            demographics: Demographics(gender: Self.genders.randomElement(using: &random)!,
                                       ageBand: Self.ageBands.randomElement(using: &random)!)
        )
        people.append(person)
        return person
    }

    private mutating func uniqueEmail(first: String, last: String) -> String {
        let base = "\(Self.ascii(first)).\(Self.ascii(last))"
        var email = "\(base)@northwind.example"
        var suffix = 2
        while !emails.insert(email).inserted {
            email = "\(base)\(suffix)@northwind.example"
            suffix += 1
        }
        return email
    }

    private static func ascii(_ name: String) -> String {
        let special: [Character: String] = ["Ł": "L", "ł": "l", "ø": "o", "Ø": "O", "ß": "ss"]
        let replaced = name.map { special[$0] ?? String($0) }.joined()
        return replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .lowercased().filter { $0.isASCII && ($0.isLetter || $0 == "-") }
    }
}
