import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

@Suite("Evaluation: a cycle's indicators")
struct EvaluationStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static func day(_ days: Double) -> Date { start.addingTimeInterval(days * 86_400) }

    /// Three relationships whose figures are known, 60 days into a 180-day cycle:
    /// - A, score 80: met on days 5 (60 min) and 30 (90 min); its agreement signed by both; one goal achieved, one open;
    ///   pulses 5 and 4. Its mentee applied on day −10.
    /// - B, score 62: met on day 20 (30 min) — later than 14 days; its agreement signed by the mentor only; a pulse of 2,
    ///   "not a fit". Its mentee applied on day −4.
    /// - C, score 45: started on day 50, ended on day 55 "moved team", never met: too young to count for the 14 days.
    @Test("every indicator equals the figure worked out by hand, and the programme's table holds the same", arguments: TestDatabase.allCases)
    func knownFigures(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            var cycle = demo.cycle
            cycle.state = .active
            cycle.dates = CycleDates(applicationsClose: nil, matching: nil, start: Self.start, end: Self.day(180))
            try await store.save(cycle)
            let mentors = demo.enrolments.filter { $0.role == .mentor }.prefix(3), mentees = demo.enrolments.filter { $0.role == .mentee }.prefix(3)
            try #require(mentors.count == 3 && mentees.count == 3)
            func relationship(_ index: Int, score: Double, from: Double, ended: Double? = nil, reason: String? = nil) -> Relationship {
                let mentor = mentors[mentors.startIndex + index], mentee = mentees[mentees.startIndex + index]
                return Relationship(cycleID: cycle.id, mentor: mentor.id, mentee: mentee.id, mentorPerson: mentor.personID, menteePerson: mentee.personID,
                                    score: score, startedAt: Self.day(from), endedAt: ended.map(Self.day), endReason: reason)
            }
            let (a, b, c) = (relationship(0, score: 80, from: 0), relationship(1, score: 62, from: 0), relationship(2, score: 45, from: 50, ended: 55, reason: "moved team"))
            try await store.insert([a, b, c])
            func meeting(_ relationship: Relationship, _ day: Double, _ minutes: Int) async throws -> HeldMeeting {
                let held = HeldMeeting(relationshipID: relationship.id, heldOn: Self.day(day), minutes: minutes, mode: .virtual, loggedBy: relationship.mentorPerson)
                try await store.save(held)
                return held
            }
            let a1 = try await meeting(a, 5, 60), a2 = try await meeting(a, 30, 90), b1 = try await meeting(b, 20, 30)
            let terms = Agreement.Terms(expectations: "e", goals: "g", timeFrame: "t", cadence: "c", confidentiality: "x", ending: "z")
            let aMentee = try #require(a.members.first).person, bMentee = try #require(b.members.first).person
            try await store.save(Agreement(relationshipID: a.id, version: 1, terms: terms, editedBy: a.mentorPerson, editedAt: Self.day(2),
                                           signatures: [a.mentorPerson: Self.day(2), aMentee: Self.day(3)]))
            try await store.save(Agreement(relationshipID: b.id, version: 1, terms: terms, editedBy: b.mentorPerson, editedAt: Self.day(2),
                                           signatures: [b.mentorPerson: Self.day(2)]))
            let goal = Goal(relationshipID: a.id, title: "Chair a meeting", measure: "Chaired", competency: nil, due: Self.day(90), editedBy: aMentee, editedAt: Self.day(6))
            var achieved = goal
            (achieved.version, achieved.state, achieved.editedAt) = (2, .achieved, Self.day(40))
            for version in [goal, achieved, Goal(relationshipID: a.id, title: "Delegate", measure: "Done", competency: nil, due: Self.day(120), editedBy: aMentee, editedAt: Self.day(6))] {
                try await store.save(version)
            }
            try await store.save(MeetingPulse(meetingID: a1.id, relationshipID: a.id, personID: aMentee, rating: 5, comment: "", commentShared: false, fit: .good, givenAt: Self.day(5)))
            try await store.save(MeetingPulse(meetingID: a2.id, relationshipID: a.id, personID: a.mentorPerson, rating: 4, comment: "", commentShared: false, givenAt: Self.day(30)))
            try await store.save(MeetingPulse(meetingID: b1.id, relationshipID: b.id, personID: bMentee, rating: 2, comment: "", commentShared: false, fit: .poor, givenAt: Self.day(20)))
            for (person, role, applied) in [(aMentee, EnrolmentRole.mentee, -10.0), (bMentee, .mentee, -4), (a.mentorPerson, .mentor, -12)] {
                try await store.save(ProgrammeApplication(cycleID: cycle.id, personID: person, role: role, state: .accepted,
                                                          invited: Attribution(by: "manager", at: Self.day(-20)), appliedAt: Self.day(applied)))
            }

            let now = Self.day(60)
            let figures = try await Evaluation(store: store, principal: manager).cycle(cycle.id, now: now)
            let enrolledMentees = try #require(try await store.enrolmentCounts(in: cycle.id)[.mentee])
            #expect(figures.applied == [.mentee: 2, .mentor: 1])
            #expect(figures.relationships == 3 && figures.matchedMentees == 3 && figures.menteesWhoMet == 2 && figures.completedMentees == nil)
            #expect(figures.matchRate == 3 / Double(enrolledMentees))
            #expect(figures.medianDaysToMatch == 7, "10 and 4 days")
            #expect(figures.metWithin14Days == 0.5, "A met on day 5, B on day 20; C is too young to count")
            #expect(figures.meetings == 3 && figures.mentoringMinutes == 180 && figures.mentoringHours == 3)
            // 60 + 60 + 5 days of mentoring, in months of 30.4375 days.
            #expect(abs((figures.meetingsPerMonth ?? 0) - 3 * 30.4375 / 125) < 1e-9)
            #expect(abs(figures.expectedPerMonth - 30.4375 / Double(demo.programme.cadence.days)) < 1e-9)
            #expect(figures.agreementsSigned == 1 && figures.goalsSet == 2 && figures.goalsAchieved == 1 && figures.goalCompletion == 0.5)
            #expect(abs((figures.meanPulse ?? 0) - 11.0 / 3) < 1e-9 && figures.pulses == 3)
            #expect(figures.poorFits == 1 && figures.earlyEndings.map(\.reason) == ["moved team"] && figures.earlyEndings.map(\.count) == [1])
            #expect(figures.scores.sorted() == [45, 62, 80])
            // Nine weeks to day 60: meetings and pulses on days 5 (week 1), 20 (week 3) and 30 (week 5).
            #expect(figures.weeks.count == 9 && figures.weeks.map(\.meetings) == [1, 0, 1, 0, 1, 0, 0, 0, 0])
            #expect(figures.weeks.map(\.minutes) == [60, 0, 30, 0, 90, 0, 0, 0, 0] && figures.weeks.map(\.meanPulse) == [5, nil, 2, nil, 4, nil, nil, nil, nil])
            #expect(figures.weeks[2].starts == figures.weeks[0].starts.addingTimeInterval(14 * 86_400) && abs(figures.weeks[0].starts.timeIntervalSince(Self.start)) < 86_400)
            // Health at each week's end (days 7, 14, …, 56 and now, day 60), fortnightly: on track up to 21 days since the
            // last meeting or the start, needing attention up to 42. A slips on day 28 (23 days after day 5) and from day 56;
            // B from day 42 (22 days after day 20); C, begun on day 50, has ended by day 56.
            #expect(figures.weeks.map(\.onTrack) == [2, 2, 2, 1, 2, 1, 1, 0, 0] && figures.weeks.map(\.needsAttention) == [0, 0, 0, 1, 0, 1, 1, 2, 2])
            #expect(figures.weeks.map(\.atRisk) == Array(repeating: 0, count: 9) && figures.weeks.map(\.ended) == [0, 0, 0, 0, 0, 0, 0, 1, 1])
            #expect(figures.weeks[3].onTrackShare == 0.5 && figures.weeksCSVRows[7].suffix(4) == ["0", "2", "0", "1"])
            // Three pulses are too few for their distribution; the scores have theirs.
            #expect(figures.distributions.map(\.key) == ["scores"])
            #expect(figures.scoreDistribution.bands.filter { $0.count > 0 }.map(\.label) == ["80–89", "60–69", "40–49"])
            #expect(figures.funnel.map(\.count) == [2, enrolledMentees, 3, 2])
            let lines = Dictionary(uniqueKeysWithValues: figures.table.map { ($0.key, $0) })
            #expect(lines["met-within-14-days"]?.written == "50.0 %" && lines["days-to-match"]?.csvValue == "7.0" && lines["mentoring-hours"]?.written == "3.0 h")

            let programme = try await Evaluation(store: store, principal: manager).programme(demo.programme.id, now: now)
            #expect(programme.cycles.contains(figures))
            // The organisation: the one programme, its one cycle added up — the same counts, the shares from the sums.
            let organisation = try await Evaluation(store: store, principal: manager).organisation(now: now)
            let all = Dictionary(uniqueKeysWithValues: organisation.all.table.map { ($0.key, $0) })
            #expect(organisation.programmes.map(\.programme.id) == [demo.programme.id] && organisation.programmes.first?.totals == organisation.all)
            #expect(all["relationships"]?.value == 3 && all["meetings"]?.value == 3 && all["mentoring-hours"]?.value == 3 && all["goal-completion"]?.value == 50)
            #expect(all["match-rate"]?.value == 300 / Double(enrolledMentees) && all["pulse"]?.value.map { abs($0 - 11.0 / 3) < 1e-9 } == true)
            #expect(organisation.csvHeader == ["indicator", "key", "unit", demo.programme.name, "all programmes"])
            await #expect(throws: AccessDenied.self) { try await Evaluation(store: store, principal: mentee).organisation(now: now) }
            // Closed at day 60: the same relationships, A and B completed, C ended early.
            cycle.state = .closed
            cycle.dates.end = Self.day(60)
            try await store.save(cycle)
            #expect(try await Evaluation(store: store, principal: manager).cycle(cycle.id, now: Self.day(400)).completedMentees == 2)

            // Only its managers and admins read a cycle's figures.
            await #expect(throws: AccessDenied.self) { try await Evaluation(store: store, principal: mentee).cycle(cycle.id, now: now) }
            await #expect(throws: AccessDenied.self) { try await Evaluation(store: store, principal: mentee).programme(demo.programme.id, now: now) }
        }
    }

    @Test("a programme's cycles, measured two at a time, come back each once and in order", arguments: TestDatabase.allCases)
    func cyclesInOrder(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            let office = ProgrammeOffice(store: store, principal: manager)
            for _ in 0..<4 { _ = try await office.startCycle(of: demo.programme.id, name: nil) }
            let cycles = try await store.cycles(of: demo.programme.id)
            let programme = try await Evaluation(store: store, principal: manager).programme(demo.programme.id, now: Self.day(60))
            #expect(cycles.count >= 5 && programme.cycles.map(\.cycle.id) == cycles.sorted { $0.number < $1.number }.map(\.id))
        }
    }

    /// Gender as the mentees gave it: 6 women, 5 men, 1 non-binary, the rest nothing; every mentor a woman.
    /// One relationship starts on day 0; a survey anchored to matching closed on day 1, answered by five:
    /// scale answers 5, 4, 4, 3, 5 (mean 4.2) and 0–10 answers 10, 9, 8, 6, 10 (three promoters, one
    /// detractor: +40). A second closed survey answered by two (1 and 1) is too small to count, and one
    /// still open does not count yet. Five mentees rated themselves at the start and end: changes of
    /// +1, +1, +0.5, 0, +2.5 (mean +1); their line managers rated only four, too few to show.
    @Test("survey satisfaction, net promoter score and competency growth equal the figures worked out by hand", arguments: TestDatabase.allCases)
    func feedbackFigures(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, _, demo) = try await UseCaseAccessStoreTests.demo(store)
            var cycle = demo.cycle
            (cycle.state, cycle.dates) = (.active, CycleDates(start: Self.start, end: Self.day(180)))
            try await store.save(cycle)
            let mentees = Array(demo.enrolments.filter { $0.role == .mentee }.prefix(5)), mentor = try #require(demo.enrolments.first { $0.role == .mentor })
            try await store.insert([Relationship(cycleID: cycle.id, mentor: mentor.id, mentee: mentees[0].id, mentorPerson: mentor.personID,
                                                 menteePerson: mentees[0].personID, score: 70, startedAt: Self.start)])
            let added = Attribution(by: "manager", at: Self.day(-30))
            let template = SurveyTemplate(programmeID: demo.programme.id, title: "How is it going?", moment: .midCycle, audience: [.mentee],
                                          questions: [SurveyQuestion(kind: .scale, text: "Useful?"), SurveyQuestion(kind: .text, text: "Why?"),
                                                      SurveyQuestion(kind: .nps, text: "Recommend?")], added: added)
            try await store.save(template)
            func survey(days: Int, answers: [(Int, Int)]) async throws {
                let survey = Survey(cycleID: cycle.id, templateID: template.id, anchor: .afterMatching, days: days, openDays: 1, added: added)
                try await store.save(survey)
                for (index, (scale, nps)) in answers.enumerated() {
                    try await store.save(SurveyResponse(surveyID: survey.id, personID: mentees[index].personID, role: .mentee,
                                                        answers: [.number(scale), .text("fine"), .number(nps)], named: false, submittedAt: Self.day(Double(days))))
                }
            }
            try await survey(days: 0, answers: [(5, 10), (4, 9), (4, 8), (3, 6), (5, 10)])
            try await survey(days: 10, answers: [(1, 0), (1, 0)])
            try await survey(days: 60, answers: [(1, 0), (1, 0), (1, 0), (1, 0), (1, 0)])
            for (index, (start, end)) in [((2, 3), (3, 4)), ((1, 1), (2, 2)), ((3, 3), (3, 4)), ((4, 4), (4, 4)), ((1, 2), (4, 4))].enumerated() {
                let mentee = mentees[index].personID
                for (moment, (delegation, feedback), day) in [(AssessmentMoment.start, start, 5.0), (.end, end, 50)] {
                    try await store.save(CompetencyAssessment(cycleID: cycle.id, menteeID: mentee, raterID: mentee, perspective: .mentee, moment: moment,
                                                              ratings: ["delegation": delegation, "giving-feedback": feedback], note: "", givenAt: Self.day(day)))
                    if index < 4 {
                        try await store.save(CompetencyAssessment(cycleID: cycle.id, menteeID: mentee, raterID: mentor.personID, perspective: .lineManager,
                                                                  moment: moment, ratings: ["delegation": delegation], note: "", givenAt: Self.day(day)))
                    }
                }
            }

            let figures = try await Evaluation(store: store, principal: manager).cycle(cycle.id, now: Self.day(60))
            #expect(figures.surveySatisfaction.map { abs($0 - 4.2) < 1e-9 } == true && figures.netPromoterScore == 40)
            #expect(figures.selfGrowth == 1 && figures.lineManagerGrowth == nil)
            let lines = Dictionary(uniqueKeysWithValues: figures.table.map { ($0.key, $0) })
            #expect(lines["net-promoter-score"]?.written == "+40" && lines["growth-self"]?.written == "+1.00 points" && lines["growth-line-manager"]?.written == "—")
            #expect(lines["survey-satisfaction"]?.csvValue == "4.20")
            // Their distributions: the counted survey's answers, the five self-ratings' changes; the line managers' four are too few.
            let distributions = Dictionary(uniqueKeysWithValues: figures.distributions.map { ($0.key, $0.bands.map(\.count)) })
            #expect(figures.distributions.map(\.key) == ["scores", "survey-answers", "growth-self"])
            #expect(distributions["survey-answers"] == [2, 2, 1, 0, 0] && figures.distributions[1].bands.first?.label == "5 of 5")
            #expect(distributions["growth-self"] == [1, 2, 1, 1, 0, 0] && figures.selfGrowthChanges == [0, 0.5, 1, 1, 2.5])
            #expect(figures.distributionsCSVRows.contains(["Competency growth by the mentees' own ratings, a mentee each", "growth-self", "grew 1 to under 2", "2"]))
            #expect(figures.distributionsCSVRows.first == ["Mentees from applying to meeting", "funnel", "applied", "0"])

            // A fifth line manager rates delegation 1 at the start and 3 at the end: the 360° growth shows, +1, +1, 0, 0, +2.
            for (moment, rating, day) in [(AssessmentMoment.start, 1, 5.0), (.end, 3, 50)] {
                try await store.save(CompetencyAssessment(cycleID: cycle.id, menteeID: mentees[4].personID, raterID: mentor.personID, perspective: .lineManager,
                                                          moment: moment, ratings: ["delegation": rating], note: "", givenAt: Self.day(day)))
            }
            let rated = try await Evaluation(store: store, principal: manager).cycle(cycle.id, now: Self.day(60))
            #expect(rated.lineManagerGrowth.map { abs($0 - 0.8) < 1e-9 } == true && rated.lineManagerGrowthChanges == [0, 0, 1, 1, 2])
            #expect(rated.distributions.first { $0.key == "growth-line-manager" }?.bands.map(\.count) == [1, 2, 0, 2, 0, 0])
            #expect(Dictionary(uniqueKeysWithValues: rated.table.map { ($0.key, $0) })["growth-line-manager"]?.written == "+0.80 points")
        }
    }

    /// Two women matched (scores 80 and 60, the second ended early, a pulse of 4), one man (70).
    @Test("the fairness audit gives each group its figures, hides a group under five and the smallest other that would give it away",
          arguments: TestDatabase.allCases)
    func fairness(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, _, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            var cycle = demo.cycle
            (cycle.state, cycle.dates) = (.active, CycleDates(start: Self.start, end: Self.day(180)))
            try await store.save(cycle)
            let mentees = demo.enrolments.filter { $0.role == .mentee }, mentors = demo.enrolments.filter { $0.role == .mentor }
            let genders = Array(repeating: "woman", count: 6) + Array(repeating: "Man", count: 5) + ["non-binary"]
            for (index, enrolment) in (mentees.map { ($0, false) } + mentors.map { ($0, true) }).enumerated() {
                var person = try #require(try await store.person(enrolment.0.personID))
                person.demographics.gender = enrolment.1 ? "woman" : (index < genders.count ? genders[index] : " ")
                try await store.save(person)
            }
            func pair(_ mentor: Int, _ mentee: Int, score: Double, ended: Double? = nil) -> Relationship {
                Relationship(cycleID: cycle.id, mentor: mentors[mentor].id, mentee: mentees[mentee].id, mentorPerson: mentors[mentor].personID,
                             menteePerson: mentees[mentee].personID, score: score, startedAt: Self.start, endedAt: ended.map(Self.day), endReason: ended == nil ? nil : "moved")
            }
            let (first, second, third) = (pair(0, 0, score: 80), pair(1, 1, score: 60, ended: 10), pair(2, 6, score: 70))
            try await store.insert([first, second, third])
            let held = HeldMeeting(relationshipID: first.id, heldOn: Self.day(3), minutes: 60, mode: .virtual, loggedBy: first.mentorPerson)
            try await store.save(held)
            try await store.save(MeetingPulse(meetingID: held.id, relationshipID: first.id, personID: mentees[0].personID, rating: 4, comment: "", commentShared: false, givenAt: Self.day(3)))
            // The two matched women applied 10 and 4 days before their relationships started: 7 days to match, the median.
            for (mentee, applied) in [(mentees[0], -10.0), (mentees[1], -4)] {
                try await store.save(ProgrammeApplication(cycleID: cycle.id, personID: mentee.personID, role: .mentee, state: .accepted,
                                                          invited: Attribution(by: "manager", at: Self.day(-20)), appliedAt: Self.day(applied)))
            }

            let audit = try await Evaluation(store: store, principal: manager).fairness(cycle.id)
            let gender = try #require(audit.dimensions.first { $0.name == "Gender" })
            #expect(gender.groups.map(\.label) == ["man", "non-binary", "woman", FairnessAudit.notGiven])
            #expect(gender.groups.map(\.hidden) == [true, true, false, false], "non-binary alone would be one person; the men hidden too, or the rest would give her away")
            let women = try #require(gender.groups[2].figures), rest = try #require(gender.groups[3].figures)
            #expect(women.mentees == 6 && women.matched == 2 && women.matchRate == 2.0 / 6 && women.meanScore == 70 && women.lowestScore == 60)
            #expect(women.meanPulse == 4 && women.pulses == 1 && women.endedEarly == 1 && women.mentors == mentors.count)
            #expect(women.applicants == nil, "two applicants are too few to show")
            #expect(women.medianDaysToMatch == 7)
            #expect(rest.mentees == mentees.count - 12 && rest.matched == 0 && rest.meanScore == nil && rest.mentors == 0)
            #expect(gender.groups[0].figures == nil && gender.groups[1].figures == nil)
            let csv = audit.csvRows.filter { $0[0] == "Gender" }
            #expect(csv.map { $0[2] } == ["yes", "yes", "no", "no"] && csv[0][3...].allSatisfy(\.isEmpty) && csv[2][7] == "33.3" && csv[2][13] == "7.0")

            await #expect(throws: AccessDenied.self) { try await Evaluation(store: store, principal: mentee).fairness(cycle.id) }
        }
    }
}
