import Foundation
import LodestarCore
import OpenAPIRuntime

/// `/api/v1/relationships/{id}`: a relationship as its managers follow it, and the workspace of
/// the people in it — agreement, goals, meetings, notes — through the workspace's use cases. A
/// note's text reaches only the people of the relationship: its author, and the others when shared.
extension LodestarAPI {
    func getRelationship(_ input: Operations.GetRelationship.Input) async throws -> Operations.GetRelationship.Output {
        .ok(.init(body: .json(try await relationshipBody(try relationshipID(input.path.id)))))
    }

    func getWorkspace(_ input: Operations.GetWorkspace.Input) async throws -> Operations.GetWorkspace.Output {
        let contents = try await workspace(try APIRequest.current()).open(try relationshipID(input.path.id))
        return .ok(.init(body: .json(WorkspaceBody(contents))))
    }

    func updateAgreement(_ input: Operations.UpdateAgreement.Input) async throws -> Operations.UpdateAgreement.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let terms = try Agreement.Terms.parse { body.terms[$0] ?? "" }
        let agreement = try await workspace.editAgreement(id, terms: terms, expecting: try EntityTag.version(input.headers.ifMatch), now: context.now)
        return .ok(.init(body: .json(AgreementBody(agreement))))
    }

    func signAgreement(_ input: Operations.SignAgreement.Input) async throws -> Operations.SignAgreement.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        return .ok(.init(body: .json(AgreementBody(try await workspace.signAgreement(id, version: body.version, now: context.now)))))
    }

    func addNote(_ input: Operations.AddNote.Input) async throws -> Operations.AddNote.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let note = try await workspace.addNote(id, text: body.text, shared: body.shared ?? false, now: context.now)
        return .created(.init(body: .json(NoteBody(note))))
    }

    func logMeeting(_ input: Operations.LogMeeting.Input) async throws -> Operations.LogMeeting.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let meeting = try await workspace.logMeeting(id, heldOn: try FormClock.day(body.heldOn, field: "heldOn"), minutes: body.minutes,
                                                              mode: body.mode, now: context.now)
        return .created(.init(body: .json(HeldMeetingBody(meeting))))
    }

    func givePulse(_ input: Operations.GivePulse.Input) async throws -> Operations.GivePulse.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let meeting: HeldMeeting.ID = try Identifier(path: input.path.meetingId, of: "held meeting")
        let body = switch input.body { case .json(let json): try json.read() }
        let pulse = try await workspace.givePulse(id, meeting: meeting, rating: body.rating, comment: body.comment ?? "", shareComment: body.shareComment ?? false,
                                                 fit: body.fit, now: context.now)
        return .ok(.init(body: .json(PulseBody(meetingId: pulse.meetingID.description, rating: pulse.rating, comment: pulse.comment,
                                               commentShared: pulse.commentShared, fit: pulse.fit, givenAt: pulse.givenAt))))
    }

    func addGoal(_ input: Operations.AddGoal.Input) async throws -> Operations.AddGoal.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let goal = try await workspace.addGoal(id, title: body.title, measure: body.measure, competency: body.competency,
                                                        due: try FormClock.day(body.due, field: "due"), now: context.now)
        return .created(.init(body: .json(GoalBody(goal))))
    }

    func updateGoal(_ input: Operations.UpdateGoal.Input) async throws -> Operations.UpdateGoal.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let goalID: Goal.ID = try Identifier(path: input.path.goalId, of: "goal")
        let body = switch input.body { case .json(let json): try json.read() }
        let action = try body.action.map { action in
            (text: action.text, owner: try action.owner.map { try Identifier<Person>(path: $0, of: "person") },
             due: try FormClock.day(action.due, field: "action.due"))
        }
        let milestone = try body.milestone.map { (title: $0.title, due: try FormClock.day($0.due, field: "milestone.due")) }
        let goal = try await workspace.updateGoal(id, goal: goalID, progress: body.progress, newAction: action, newMilestone: milestone,
                                                           doneActions: body.doneActions.map(Set.init), reachedMilestones: body.reachedMilestones.map(Set.init),
                                                           expecting: try EntityTag.version(input.headers.ifMatch), now: context.now)
        return .ok(.init(body: .json(GoalBody(goal))))
    }

    func reviseGoal(_ input: Operations.ReviseGoal.Input) async throws -> Operations.ReviseGoal.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let goal = try await workspace.reviseGoal(id, goal: try Identifier(path: input.path.goalId, of: "goal"), title: body.title, measure: body.measure,
                                                  competency: body.competency, due: try FormClock.day(body.due, field: "due"),
                                                  expecting: try EntityTag.version(input.headers.ifMatch), now: context.now)
        return .created(.init(body: .json(GoalBody(goal))))
    }

    func setGoalState(_ input: Operations.SetGoalState.Input) async throws -> Operations.SetGoalState.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let goal = try await workspace.setGoalState(id, goal: try Identifier(path: input.path.goalId, of: "goal"), to: body.state, note: body.note ?? "",
                                                    expecting: try EntityTag.version(input.headers.ifMatch), now: context.now)
        return .ok(.init(body: .json(GoalBody(goal))))
    }

    func listGoalVersions(_ input: Operations.ListGoalVersions.Input) async throws -> Operations.ListGoalVersions.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        return .ok(.init(body: .json(try await workspace.goalHistory(id, goal: try Identifier(path: input.path.goalId, of: "goal")).map(GoalBody.init))))
    }

    func arrangeMeeting(_ input: Operations.ArrangeMeeting.Input) async throws -> Operations.ArrangeMeeting.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let meeting = try await workspace.scheduleMeeting(id, try body.plan(), now: context.now)
        return .created(.init(body: .json(ScheduledMeetingBody(meeting))))
    }

    func arrangeMeetingSeries(_ input: Operations.ArrangeMeetingSeries.Input) async throws -> Operations.ArrangeMeetingSeries.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let meetings = try await workspace.scheduleSeries(id, try body.plan(), count: body.count, now: context.now)
        return .created(.init(body: .json(ListBody(Page(items: meetings, total: meetings.count, request: .everything), ScheduledMeetingBody.init))))
    }

    func getSeriesInvitation(_ input: Operations.GetSeriesInvitation.Input) async throws -> Operations.GetSeriesInvitation.Output {
        let id = try relationshipID(input.path.id)
        let workspace = try workspace(try APIRequest.current())
        try await workspace.requireParticipant(id)
        guard let series = UUID(uuidString: input.path.seriesId) else { throw NotFound("meeting series", input.path.seriesId) }
        return .ok(.init(body: .textCalendar(HTTPBody(try await workspace.seriesInvitation(id, series: series)))))
    }

    func confirmMeetingHeld(_ input: Operations.ConfirmMeetingHeld.Input) async throws -> Operations.ConfirmMeetingHeld.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let held = try await workspace.confirmHeld(id, meeting: try Identifier(path: input.path.meetingId, of: "meeting"), now: context.now)
        return .created(.init(body: .json(HeldMeetingBody(held))))
    }

    func moveMeeting(_ input: Operations.MoveMeeting.Input) async throws -> Operations.MoveMeeting.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let workspace = try await participantWorkspace(id, context)
        let meetingID: ScheduledMeeting.ID = try Identifier(path: input.path.meetingId, of: "meeting")
        let body = switch input.body { case .json(let json): try json.read() }
        let meeting = try await workspace.rescheduleMeeting(id, meeting: meetingID, try body.plan(), expecting: try EntityTag.version(input.headers.ifMatch),
                                                            now: context.now)
        return .ok(.init(body: .json(ScheduledMeetingBody(meeting))))
    }

    func cancelMeeting(_ input: Operations.CancelMeeting.Input) async throws -> Operations.CancelMeeting.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let meetingID: ScheduledMeeting.ID = try Identifier(path: input.path.meetingId, of: "meeting")
        let expected = try EntityTag.version(input.headers.ifMatch)
        return .ok(.init(body: .json(ScheduledMeetingBody(try await workspace(context).cancelMeeting(id, meeting: meetingID, expecting: expected, now: context.now)))))
    }

    func getInvitation(_ input: Operations.GetInvitation.Input) async throws -> Operations.GetInvitation.Output {
        let id = try relationshipID(input.path.id)
        let meetingID: ScheduledMeeting.ID = try Identifier(path: input.path.meetingId, of: "meeting")
        let calendar = try await workspace(try APIRequest.current()).invitation(id, meeting: meetingID)
        return .ok(.init(body: .textCalendar(HTTPBody(calendar))))
    }

    func endRelationship(_ input: Operations.EndRelationship.Input) async throws -> Operations.EndRelationship.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        let body = switch input.body { case .json(let json): try json.read() }
        _ = try await workspace(context).end(id, reason: body.reason ?? "", now: context.now)
        return .ok(.init(body: .json(try await relationshipBody(id))))
    }

    /// How a relationship goes, for its managers and the people in it.
    func relationshipBody(_ id: Relationship.ID) async throws -> RelationshipBody {
        guard let relationship = try await store.relationship(id) else { throw NotFound("relationship", id) }
        let context = try APIRequest.current()
        let seen = try await workspace(context).oversight(of: relationship, now: context.now)
        guard let named = try await CyclePage.Oversight.named([seen], store).first else { throw NotFound("relationship", id) }
        return RelationshipBody(named, mentorLastActive: try await store.mentorActivity(in: relationship.cycleID)[relationship.mentorPerson])
    }

    /// The workspace, once the caller is one of the relationship's people: a body is read only
    /// then, so that anyone else is told they may not, not how to fix the body.
    func participantWorkspace(_ id: Relationship.ID, _ context: LodestarContext) async throws -> RelationshipWorkspace {
        let workspace = try workspace(context)
        try await workspace.requireParticipant(id)
        return workspace
    }

    private func workspace(_ context: LodestarContext) throws -> RelationshipWorkspace {
        RelationshipWorkspace(store: store, principal: try context.signedIn(), publicURL: publicURL)
    }

    func relationshipID(_ text: String) throws -> Relationship.ID { try Identifier(path: text, of: "relationship") }
}
