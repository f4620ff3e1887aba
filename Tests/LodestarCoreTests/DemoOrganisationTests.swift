import Foundation
import LodestarCore
import Testing

@Suite("Demo organisation")
struct DemoOrganisationTests {
    let demo = DemoOrganisation(seed: 2027)

    @Test("is the same for the same seed and different for another")
    func deterministic() {
        let again = DemoOrganisation(seed: 2027)
        #expect(again.people == demo.people)
        #expect(again.enrolments == demo.enrolments)
        #expect(DemoOrganisation(seed: 7).people != demo.people)
    }

    @Test("has at least 300 people in several departments, on three continents or more")
    func size() {
        #expect(demo.people.count == 360)
        #expect(DemoOrganisation(seed: 1, size: 10_000).people.count == 10_000)
        #expect(Set(demo.people.map(\.department)).count >= 5)
        let continents = Set(demo.people.map { $0.timeZone.split(separator: "/")[0] })
        #expect(continents.count >= 3)
        #expect(Set(demo.people.map(\.email)).count == demo.people.count)
    }

    @Test("has a manager tree between four and six levels deep, with no loops")
    func managerTree() {
        let byID = Dictionary(uniqueKeysWithValues: demo.people.map { ($0.id, $0) })
        func depth(_ person: Person) -> Int {
            var depth = 1, current = person
            while let manager = current.managerID.flatMap({ byID[$0] }) { depth += 1; current = manager; if depth > 50 { break } }
            return depth
        }
        let deepest = demo.people.map(depth).max() ?? 0
        #expect((4...6).contains(deepest))
        #expect(demo.people.filter { $0.managerID == nil }.count == 1)
    }

    @Test("enrols mentors and mentees in an enrolling cycle, and every profile obeys the rules")
    func enrolment() {
        #expect(demo.cycle.state == .enrolling)
        let mentors = demo.enrolments.filter { $0.role == .mentor }
        let mentees = demo.enrolments.filter { $0.role == .mentee }
        #expect(mentors.count >= 20 && mentees.count >= 40)
        let slugs = Set(Competency.leadershipCatalogue.map(\.slug))
        for enrolment in demo.enrolments {
            #expect(ProfileRules.issues(in: enrolment.profile, role: enrolment.role, competencies: slugs).isEmpty)
        }
    }

    @Test("exports to a people CSV that passes import checks")
    func exportsValid() throws {
        let plan = try PeopleImportPlan(rows: try PeopleCSV.parse(PeopleCSV.export(demo.people)), existing: demo.people)
        #expect(plan.unchanged == demo.people.count)
    }
}
