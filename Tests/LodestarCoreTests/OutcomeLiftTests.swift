import Foundation
import LodestarCore
import Testing

@Suite("Outcome lift and the HR outcomes file")
struct OutcomeLiftTests {
    static let start = CalendarDay.parse("2025-03-03")!
    static func day(_ days: Double) -> Date { start.addingTimeInterval(days * 86_400) }
    static let today = day(500)

    /// Two strata of one cohort, worked out by hand:
    /// - A (levels 3–4, Sales, 1–3 years): 10 mentees, 1 left and 3 promoted in the year; 20 comparable people, 6 left, 4 promoted.
    /// - B (levels 7–8, Finance, 5–10 years): 10 mentees, 2 left, 2 promoted; 10 comparable people, 5 left, 1 promoted.
    /// Retention 17/20 = 0.85 against 0.5·0.7 + 0.5·0.5 = 0.6: +0.25, variance 0.85·0.15/20 + 0.25·0.7·0.3/20 + 0.25·0.5·0.5/10
    /// = 0.01525, so 0.25 ± 1.959964·0.123491 = [0.00796, 0.49204]. Promotion 5/20 = 0.25 against 0.5·0.2 + 0.5·0.1 = 0.15:
    /// +0.10, variance 0.009375 + 0.002 + 0.00225 = 0.013625, so [−0.12878, 0.32878].
    /// Besides: a mentee the file lacks and one gone before the cycle (no record); one in Legal, whom no one matches; a
    /// comparable person who mentored in the programme, and one who left before the cycle (neither compared); one who left
    /// after the year (retained); a promotion before the cycle (not counted).
    static func organisation(mentees extraMentees: Int = 0) -> (cohorts: [OutcomeLift.Cohort], workforce: [WorkforceMember]) {
        var workforce: [WorkforceMember] = []
        var mentees: Set<Person.ID> = []
        func person(level: Int, _ department: String, hired: Double?, left: Double? = nil, promoted: Double? = nil, mentee: Bool) -> Person.ID {
            let id = Person.ID()
            workforce.append(WorkforceMember(EmploymentOutcome(personID: id, hiredOn: hired.map(day), leftOn: left.map(day), promotedOn: promoted.map(day), rating: nil),
                                             level: level, department: department))
            if mentee { mentees.insert(id) }
            return id
        }
        for index in 0..<10 {
            _ = person(level: 3, "Sales", hired: -700, left: index == 0 ? 100 : nil, promoted: index < 3 ? 200 : nil, mentee: true)
            _ = person(level: 8, "Finance", hired: -2200, left: index < 2 ? 300 : nil, promoted: index >= 8 ? 50 : nil, mentee: true)
        }
        for index in 0..<20 {
            _ = person(level: 4, "sales", hired: -500, left: index < 6 ? 30 : (index == 19 ? 400 : nil), promoted: index < 4 ? 100 : (index == 18 ? -20 : nil), mentee: false)
        }
        for index in 0..<10 {
            _ = person(level: 7, "Finance", hired: -3000, left: index < 5 ? 360 : nil, promoted: index == 0 ? 10 : nil, mentee: false)
        }
        for _ in 0..<extraMentees { _ = person(level: 3, "Sales", hired: -700, mentee: true) }
        mentees.insert(Person.ID())
        _ = person(level: 3, "Sales", hired: -700, left: -10, mentee: true)
        _ = person(level: 5, "Legal", hired: -700, mentee: true)
        let mentor = person(level: 4, "Sales", hired: -500, left: 20, mentee: false)
        _ = person(level: 3, "Sales", hired: -600, left: -1, mentee: false)
        return ([OutcomeLift.Cohort(start: start, mentees: mentees, tookPart: [mentor])], workforce)
    }

    @Test("retention and promotion equal the standardised figures and 95 % intervals worked out by hand")
    func handChecked() throws {
        let (cohorts, workforce) = Self.organisation()
        let lift = OutcomeLift(cohorts: cohorts, workforce: workforce, today: Self.today)
        #expect(lift.mentees == 23 && lift.withoutRecord == 2 && lift.withoutComparison == 1)
        let retention = try #require(lift.retention.measure), promotion = try #require(lift.promotion.measure)
        #expect(retention.participants == 20 && retention.comparison == 30)
        #expect(abs(retention.participantRate - 0.85) < 1e-9 && abs(retention.comparisonRate - 0.6) < 1e-9 && abs(retention.difference - 0.25) < 1e-9)
        #expect(abs(retention.low - 0.0079623) < 1e-6 && abs(retention.high - 0.4920377) < 1e-6)
        #expect(abs(promotion.participantRate - 0.25) < 1e-9 && abs(promotion.comparisonRate - 0.15) < 1e-9 && abs(promotion.difference - 0.10) < 1e-9)
        #expect(abs(promotion.low + 0.1287791) < 1e-6 && abs(promotion.high - 0.3287791) < 1e-6)
    }

    /// The same organisation with ratings: A's mentees 6 of 10 rated 4 or 5, B's 5 of 10; of A's comparable people only
    /// ten are rated, 3 of them highly, of B's 2 of 10. 11/20 = 0.55 against 0.5·0.3 + 0.5·0.2 = 0.25: +0.30, variance
    /// 0.55·0.45/20 + 0.25·0.3·0.7/10 + 0.25·0.2·0.8/10 = 0.021625, so 0.30 ± 1.959964·0.147054 = [0.011779, 0.588221].
    @Test("the share rated 4 or 5 is compared among the people rated, standardised, with its interval; without ratings there is no such line")
    func rating() throws {
        let (cohorts, plain) = Self.organisation()
        #expect(OutcomeLift(cohorts: cohorts, workforce: plain, today: Self.today).findings.map(\.outcome) == [.retention, .promotion])
        let ratings: [Int?] = (0..<10).flatMap { [$0 < 6 ? 4 : 3, $0 < 5 ? 5 : 2] } + (0..<20).map { $0 < 10 ? ($0 < 3 ? 4 : 3) : nil }
            + (0..<10).map { $0 < 2 ? 5 : 3 }
        let workforce = plain.enumerated().map { index, member in
            let outcome = member.outcome
            return WorkforceMember(EmploymentOutcome(personID: outcome.personID, hiredOn: outcome.hiredOn, leftOn: outcome.leftOn, promotedOn: outcome.promotedOn,
                                                     rating: index < ratings.count ? ratings[index] : nil), level: member.level, department: member.department)
        }
        let lift = OutcomeLift(cohorts: cohorts, workforce: workforce, today: Self.today)
        #expect(lift.findings.map(\.outcome) == [.retention, .promotion, .highRating])
        let rated = try #require(lift.rating?.measure)
        #expect(rated.participants == 20 && rated.comparison == 20)
        #expect(abs(rated.participantRate - 0.55) < 1e-9 && abs(rated.comparisonRate - 0.25) < 1e-9 && abs(rated.difference - 0.30) < 1e-9)
        #expect(abs(rated.low - 0.011779) < 1e-6 && abs(rated.high - 0.588221) < 1e-6)
        #expect(lift.retention == OutcomeLift(cohorts: cohorts, workforce: plain, today: Self.today).retention, "ratings change no other measure")
        #expect(lift.csvRows.last?.prefix(3) == ["high-rating", "yes", "20"])
    }

    @Test("a window still open ends today: a leaver after today's date is still employed")
    func openWindow() throws {
        let (cohorts, workforce) = Self.organisation()
        // 200 days in: A's mentee who left on day 100 counts; B's two who leave on day 300 have not left yet, nor have
        // B's five comparable people (day 360); A's six (day 30) have.
        let lift = OutcomeLift(cohorts: cohorts, workforce: workforce, today: Self.day(200))
        let retention = try #require(lift.retention.measure)
        #expect(abs(retention.participantRate - 19.0 / 20) < 1e-9 && abs(retention.comparisonRate - (0.5 * 14 / 20 + 0.5)) < 1e-9)
    }

    @Test("below ten on either side there is no figure, only the group sizes")
    func notEnoughData() {
        let (cohorts, workforce) = Self.organisation()
        let few = cohorts.map { OutcomeLift.Cohort(start: $0.start, mentees: Set($0.mentees.prefix(5)), tookPart: $0.tookPart) }
        let lift = OutcomeLift(cohorts: few, workforce: workforce, today: Self.today)
        guard case .notEnoughData(let participants, _) = lift.retention else {
            Issue.record("five mentees gave a figure: \(lift.retention)")
            return
        }
        #expect(participants < OutcomeLift.minimumGroup)
        #expect(OutcomeLift(cohorts: cohorts, workforce: [], today: Self.today).promotion == .notEnoughData(participants: 0, comparison: 0))
        #expect(OutcomeLift(cohorts: cohorts, workforce: workforce, today: Self.start).mentees == 0, "a cohort not begun is not followed")
    }

    @Test("bands: levels by two, tenure under 1, 1–3, 3–5, 5–10 and 10+ years, unknown apart")
    func bands() {
        #expect([1, 2, 3, 4, 15].map(OutcomeLift.levelBand) == [0, 0, 1, 1, 7])
        #expect([0.5, 2, 4, 7, 12].map { OutcomeLift.tenureBand(Self.day(-$0 * 365.25), on: Self.start) } == [0, 1, 2, 3, 4])
        #expect(OutcomeLift.tenureBand(nil, on: Self.start) == -1)
    }

    @Test("the file is read with its days, ratings and optional columns")
    func readsFile() throws {
        let rows = try OutcomesCSV.parse("person_id,hired_on,left_on,promoted_on,rating\nP-1,2019-04-01,,2024-06-30,4\nP-2,,2025-01-31,,\n", today: Self.today)
        #expect(rows.map(\.personExternalID) == ["P-1", "P-2"] && rows.map(\.line.line) == [2, 3])
        #expect(rows[0].hiredOn == CalendarDay.parse("2019-04-01") && rows[0].promotedOn == CalendarDay.parse("2024-06-30") && rows[0].rating == 4)
        #expect(rows[1].leftOn == CalendarDay.parse("2025-01-31") && rows[1].hiredOn == nil && rows[1].rating == nil)
        #expect(try OutcomesCSV.parse("left_on,person_id\n2025-02-01,P-3\n", today: Self.today).first?.leftOn == CalendarDay.parse("2025-02-01"))
    }

    @Test("every problem of a file is named with its line and column, and the file is refused whole")
    func refusesBadFile() {
        let text = """
            person_id,hired_on,left_on,promoted_on,rating
            P-1,2019-02-30,,,
            ,2019-01-01,2018-12-31,,6
            P-3,2020-01-01,2021-01-01,2022-01-01,x
            P-4,2020-01-01,,2099-01-01,
            P-1,,,,
            """
        let error = #expect(throws: CSVImportError.self) { try OutcomesCSV.parse(text, today: Self.today) }
        #expect(error?.issues.map(\.description) == [
            "line 2, column 2 (hired_on): '2019-02-30' is not a day; write it as 2026-03-15",
            "line 3, column 1 (person_id): is empty; give the person's id from the people file",
            "line 3, column 3 (left_on): is before hired_on; someone leaves after joining",
            "line 3, column 5 (rating): '6' is not a rating; give a whole number from 1 to 5, or leave it empty",
            "line 4, column 4 (promoted_on): is after left_on; a promotion comes before leaving",
            "line 4, column 5 (rating): 'x' is not a rating; give a whole number from 1 to 5, or leave it empty",
            "line 5, column 4 (promoted_on): 2099-01-01 is after today; give days that have happened",
            "line 6, column 1 (person_id): 'P-1' is on line 2 already; give each person one line",
        ])
        let unknown = #expect(throws: CSVImportError.self) { try OutcomesCSV.parse("person_id,salary\nP-1,100\n", today: Self.today) }
        #expect(unknown?.issues.first?.description.contains("unknown column 'salary'") == true)
    }
}
