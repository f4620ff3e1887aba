import Foundation
import LodestarCore
import LodestarStore
import LodestarTestSupport
import Testing

/// Certificates of completion (PRODUCT.md M16): issued once the cycle closed, the agreement is
/// signed, enough meetings were held and the end-of-cycle survey answered; verified by their code.
@Suite("Certificates of completion")
struct CertificatesStoreTests {
    @Test("each open condition is named; once all are met the certificate is issued once and verified by its code", arguments: TestDatabase.allCases)
    func certificate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (manager, mentor, mentee, demo) = try await UseCaseAccessStoreTests.demo(store)
            let now = Date()
            let relationship = try await WorkspaceStoreTests.pair(mentor, mentee, in: demo, since: now.addingTimeInterval(-120 * 86400), store)
            var cycle = demo.cycle
            cycle.state = .active
            try await store.save(cycle)
            // The end-of-cycle survey, open now for mentors and mentees.
            let surveys = Surveys(store: store, principal: manager)
            let endTemplate = try #require(try await store.surveyTemplates(of: [demo.programme.id]).first { $0.moment == .endOfCycle })
            let endSurvey = try await surveys.schedule(endTemplate.id, in: demo.cycle.id, anchor: .afterMatching, days: 100, openDays: 30, now: now)

            let asMentee = Certificates(store: store, principal: mentee)
            let needed = Certificate.minimumMeetings(for: demo.programme)
            #expect(needed == 6, "26 weeks, fortnightly: 13 planned, half of them")
            let open = try #require(try await asMentee.mine().first)
            #expect(open.certificate == nil && open.missing == ["the cycle has not closed yet", "your mentoring agreement is not signed by everyone",
                                                                 "0 of the 6 meetings it asks for are logged", "the end-of-cycle survey is not answered"])
            let refused = await #expect(throws: ValidationError.self) { try await asMentee.issue(for: demo.cycle.id, now: now) }
            #expect(refused?.issues.count == 4)

            let workspace = RelationshipWorkspace(store: store, principal: mentee), asMentor = RelationshipWorkspace(store: store, principal: mentor)
            let agreement = try await workspace.editAgreement(relationship.id, terms: Agreement.Terms(expectations: "e", goals: "g", timeFrame: "t", cadence: "c",
                                                                                                  confidentiality: "s", ending: "n"), now: now)
            _ = try await workspace.signAgreement(relationship.id, version: agreement.version, now: now)
            _ = try await asMentor.signAgreement(relationship.id, version: agreement.version, now: now)
            for week in 1...needed { _ = try await workspace.logMeeting(relationship.id, heldOn: now.addingTimeInterval(-Double(week * 7) * 86400), minutes: 45, mode: .virtual, now: now) }
            let answers = endTemplate.questions.map { question -> [String] in question.kind == .text ? [] : question.kind == .nps ? ["9"] : ["1"] }
            _ = try await Surveys(store: store, principal: mentee).answer(endSurvey.id, values: answers, named: false, now: now)
            #expect(try await asMentee.mine().first?.missing == ["the cycle has not closed yet"])
            _ = try await ProgrammeOffice(store: store, principal: manager).move(demo.cycle.id, to: .closed, now: now)

            let certificate = try await asMentee.issue(for: demo.cycle.id, now: now)
            #expect(Certificate.isCode(certificate.code) && certificate.role == .mentee)
            #expect(try await asMentee.issue(for: demo.cycle.id, now: now.addingTimeInterval(60)).code == certificate.code, "issued once")
            let reading = try #require(try await Certificates.verify(certificate.code, in: store))
            #expect(reading.person.id == mentee.person?.id && reading.cycle.id == demo.cycle.id)
            let (unknown, malformed) = (try await Certificates.verify("AAAAAAAAAAAAAAAA", in: store), try await Certificates.verify("' OR 1=1 --", in: store))
            #expect(unknown == nil && malformed == nil)
            // The mentor has not answered the survey: their own certificate still waits for it.
            #expect(try await Certificates(store: store, principal: mentor).mine().first?.missing == ["the end-of-cycle survey is not answered"])
            await #expect(throws: NotFound.self) { try await Certificates(store: store, principal: manager).issue(for: demo.cycle.id, now: now) }
        }
    }
}
