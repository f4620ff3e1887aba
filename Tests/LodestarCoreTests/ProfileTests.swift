import LodestarCore
import Testing

@Suite("Profiles and enrolment CSV")
struct ProfileTests {
    let competencies: Set<String> = ["communication", "delegation", "strategic-thinking"]

    @Test("parses availability and prints it back")
    func availability() throws {
        let parsed = try WeeklyAvailability.parse("mon 09:00-11:00; wed 14:00-15:30")
        #expect(parsed.minutesPerWeek == 210)
        #expect(parsed.text == "mon 09:00-11:00; wed 14:00-15:30")
        #expect(throws: FieldProblem.self) { try WeeklyAvailability.parse("monday 9-11") }
        #expect(throws: FieldProblem.self) { try WeeklyAvailability.parse("mon 11:00-09:00") }
    }

    @Test("parses a mentor and a mentee line")
    func parsesRows() throws {
        let rows = try EnrolmentCSV.parse("""
            person_id,role,skills,development_goals,interests,communication_style,learning_preference,meeting_mode,availability,capacity,career_goals
            P-2,mentor,communication:5; delegation:4,,jazz; chess,direct,discussion,virtual,mon 09:00-10:00,2,
            P-4,mentee,,delegation:1; communication:2,jazz,reflective,hands-on,either,tue 14:00-15:00,,"Lead a team, soon"
            """, competencies: competencies)
        #expect(rows.count == 2)
        #expect(rows[0].profile?.skills == [Skill(competency: "communication", proficiency: 5), Skill(competency: "delegation", proficiency: 4)])
        #expect(rows[0].profile?.capacity == 2)
        #expect(rows[1].profile?.developmentGoals.first == DevelopmentGoal(competency: "delegation", priority: 1))
        #expect(rows[1].profile?.careerGoals == "Lead a team, soon")
        #expect(rows[1].profile?.learningPreference == .handsOn)
    }

    @Test("reports unknown competencies, bad proficiency, bad choices and capacity rules")
    func reportsProblems() {
        let error = #expect(throws: CSVImportError.self) {
            try EnrolmentCSV.parse("""
                person_id,role,skills,development_goals,meeting_mode,capacity
                P-2,mentor,juggling:3; communication:9,,zoom,
                P-4,mentee,,delegation:first,virtual,2
                P-5,boss,,,,
                """, competencies: competencies)
        }
        #expect(error?.issues.map(\.description) == [
            "line 2, column 5 (meeting_mode): 'zoom' is not one of in-person, virtual, either",
            "line 3, column 4 (development_goals): 'delegation:first' should be competency:priority, e.g. communication:1",
            "line 4, column 2 (role): 'boss' is not one of mentor, mentee",
        ])
        let second = #expect(throws: CSVImportError.self) {
            try EnrolmentCSV.parse("""
                person_id,role,skills,capacity
                P-2,mentor,juggling:3; communication:9,
                P-4,mentee,,2
                """, competencies: competencies)
        }
        #expect(second?.issues.map(\.description) == [
            "line 2, column 3 (skills): unknown competency 'juggling'; known ones are communication, delegation, strategic-thinking",
            "line 2, column 3 (skills): proficiency 9 for communication must be 1 to 5",
            "line 2, column 4 (capacity): is required for a mentor: how many mentees they can take (1–20)",
            "line 3, column 4 (capacity): applies to mentors only; leave it empty for a mentee",
        ])
    }
}
