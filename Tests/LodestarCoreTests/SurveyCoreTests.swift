import Foundation
import LodestarCore
import Testing

/// The rules of surveys that need no database: reading questions, checking answers, hiding groups.
@Suite("Survey rules")
struct SurveyCoreTests {
    @Test("a breakdown hides every group under 5, and enough others that no subtraction reveals one",
          arguments: [([9], []), ([4], [0]), ([5, 4], [0, 1]), ([10, 4, 3], [1, 2]), ([10, 4, 0], [0, 1]), ([6, 6], []),
                      ([7, 1, 1], [0, 1, 2]), ([8, 3, 6], [1, 2]), ([0, 0], [])] as [([Int], Set<Int>)])
    func hiding(counts: [Int], hidden: Set<Int>) {
        let found = SmallGroups.hidden(counts)
        #expect(found == hidden)
        // Whatever is hidden together is itself no small group: the total minus the shown groups reveals nothing under 5.
        let together = found.reduce(0) { $0 + counts[$1] }
        #expect(together == 0 || together >= SmallGroups.minimum || found.count == counts.filter { $0 > 0 }.count)
    }

    @Test("questions are read one per line with their kind; each problem is named with its line")
    func parsing() throws {
        let questions = try SurveyQuestion.parse("scale: Useful?\n\nsingle: How often? | Weekly | Monthly\nnps: Recommend?")
        #expect(questions.map(\.kind) == [.scale, .single, .nps] && questions[1].options == ["Weekly", "Monthly"])
        #expect(try SurveyQuestion.parse(SurveyQuestion.text(of: questions)) == questions)
        let error = #expect(throws: ValidationError.self) {
            try SurveyQuestion.parse("often: How?\nsingle: Which? | Only\nscale: Useful? | yes | no\nmultiple: Any? | a | a")
        }
        #expect(error?.issues.map(\.message) == [
            "line 1: start with the kind of question and a colon (scale, single, multiple, text, nps), e.g. 'scale: How useful were your meetings?'",
            "line 2: give at least two options after the question, separated by '|'",
            "line 3: a scale question takes no options; remove what follows '|'",
            "line 4: an option is given twice",
        ])
        // The document's limits hold: what is stored is what the API may answer.
        let long = #expect(throws: ValidationError.self) {
            try SurveyQuestion.parse("scale: " + String(repeating: "0", count: 501) + "\nsingle: Which? | " + String(repeating: "a", count: 201) + " | b")
        }
        #expect(long?.issues.map(\.message) == ["line 1: the question is 501 characters; write at most 500",
                                                "line 2: give at most 20 options of at most 200 characters each"])
    }

    @Test("answers are checked by kind; numbers from outside are range-checked, none trap")
    func answers() throws {
        let single = SurveyQuestion(kind: .single, text: "Which?", options: ["a", "b"])
        #expect(try single.answer(["1"], field: "q0") == .number(1))
        for bad in [["2"], ["-1"], ["99999999999999999999999"], ["x"], [], ["0", "1"]] {
            #expect(throws: ValidationError.self) { try single.answer(bad, field: "q0") }
        }
        #expect(try SurveyQuestion(kind: .multiple, text: "Any?", options: ["a", "b", "c"]).answer(["2", "0", "2"], field: "q1") == .choices([0, 2]))
        #expect(try SurveyQuestion(kind: .nps, text: "Recommend?").answer(["0"], field: "q2") == .number(0))
        #expect(throws: ValidationError.self) { try SurveyQuestion(kind: .scale, text: "Useful?").answer(["0"], field: "q3") }
        #expect(try SurveyQuestion(kind: .text, text: "Why?").answer(["  "], field: "q4") == SurveyAnswer.none)
        // A stored question that lost its options refuses every answer instead of trapping.
        #expect(throws: ValidationError.self) { try SurveyQuestion(kind: .single, text: "Broken").answer(["0"], field: "q5") }
    }
}
