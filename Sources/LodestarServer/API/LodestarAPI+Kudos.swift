import Foundation
import LodestarCore

// `/api/v1/kudos`, `/api/v1/programmes/{id}/kudos|stories`, `/api/v1/stories/{id}/featured` and
// `/api/v1/relationships/{id}/story`: kudos and success stories — the pages' use cases.
extension LodestarAPI {
    func listMyKudos(_ input: Operations.ListMyKudos.Input) async throws -> Operations.ListMyKudos.Output {
        let mine = try await KudosBoard(store: store, principal: try APIRequest.principal()).received()
        return .ok(.init(body: .json(ListBody(Page(items: mine, total: mine.count, request: .everything), KudosBody.init))))
    }

    func sendKudos(_ input: Operations.SendKudos.Input) async throws -> Operations.SendKudos.Output {
        let context = try APIRequest.current()
        let body = switch input.body { case .json(let json): try json.read() }
        guard let to = Person.ID(body.to) else { throw ValidationError([FieldIssue(field: "to", message: "'\(body.to)' is not a person id")]) }
        let board = KudosBoard(store: store, principal: try context.signedIn(), publicURL: publicURL)
        let kudos = try await board.send(to: to, in: try Identifier(path: body.programmeId, of: "programme"), message: body.message, now: context.now)
        return .created(.init(body: .json(KudosBody(kudos))))
    }

    func showKudos(_ input: Operations.ShowKudos.Input) async throws -> Operations.ShowKudos.Output {
        let body = switch input.body { case .json(let json): try json.read() }
        let kudos = try await KudosBoard(store: store, principal: try APIRequest.principal()).show(try Identifier(path: input.path.id, of: "kudos"), body.shown)
        return .ok(.init(body: .json(KudosBody(kudos))))
    }

    func listProgrammeKudos(_ input: Operations.ListProgrammeKudos.Input) async throws -> Operations.ListProgrammeKudos.Output {
        let shown = try await KudosBoard(store: store, principal: try APIRequest.principal()).shown(in: try Identifier(path: input.path.id, of: "programme"))
        return .ok(.init(body: .json(ListBody(Page(items: shown, total: shown.count, request: .everything), KudosBody.init))))
    }

    func listKudosRecipients(_ input: Operations.ListKudosRecipients.Input) async throws -> Operations.ListKudosRecipients.Output {
        let programme: Programme.ID = try Identifier(path: input.path.id, of: "programme")
        let people = try await KudosBoard(store: store, principal: try APIRequest.principal()).recipients(in: programme, named: input.query.name ?? "").people
        return .ok(.init(body: .json(ListBody(Page(items: people, total: people.count, request: .everything), KudosRecipientBody.init))))
    }

    func listProgrammeStories(_ input: Operations.ListProgrammeStories.Input) async throws -> Operations.ListProgrammeStories.Output {
        let stories = try await SuccessStories(store: store, principal: try APIRequest.principal()).stories(in: try Identifier(path: input.path.id, of: "programme"))
        return .ok(.init(body: .json(ProgrammeStoriesBody(featured: stories.featured.map(StoryBody.init), toFeature: stories.ready?.map(StoryBody.init)))))
    }

    func featureStory(_ input: Operations.FeatureStory.Input) async throws -> Operations.FeatureStory.Output {
        let context = try APIRequest.current()
        let body = switch input.body { case .json(let json): try json.read() }
        let story = try await SuccessStories(store: store, principal: try context.signedIn())
            .feature(try Identifier(path: input.path.id, of: "success story"), body.featured, now: context.now)
        return .ok(.init(body: .json(try await StoryBody(story, store))))
    }

    func getStory(_ input: Operations.GetStory.Input) async throws -> Operations.GetStory.Output {
        let id: Relationship.ID = try Identifier(path: input.path.id, of: "relationship")
        guard let story = try await SuccessStories(store: store, principal: try APIRequest.principal()).story(of: id) else { throw NotFound("success story of the relationship", id) }
        return .ok(.init(body: .json(try await StoryBody(story, store))))
    }

    func writeStory(_ input: Operations.WriteStory.Input) async throws -> Operations.WriteStory.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        _ = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let story = try await SuccessStories(store: store, principal: try context.signedIn(), publicURL: publicURL)
            .write(id, title: body.title, text: body.text,
                   expecting: try EntityTag.version(input.headers.ifMatch), now: context.now)
        return .ok(.init(body: .json(try await StoryBody(story, store))))
    }

    func approveStory(_ input: Operations.ApproveStory.Input) async throws -> Operations.ApproveStory.Output {
        let (id, context) = (try relationshipID(input.path.id), try APIRequest.current())
        _ = try await participantWorkspace(id, context)
        let body = switch input.body { case .json(let json): try json.read() }
        let story = try await SuccessStories(store: store, principal: try context.signedIn()).approve(id, version: body.version, now: context.now)
        return .ok(.init(body: .json(try await StoryBody(story, store))))
    }
}

struct KudosInput: Decodable, Sendable {
    let to: String
    let programmeId: String
    let message: String
}

struct KudosShownInput: Decodable, Sendable { let shown: Bool }

struct StoryInput: Decodable, Sendable {
    let title: String
    let text: String
}

struct StoryApprovalInput: Decodable, Sendable { let version: Int }

struct StoryFeaturedInput: Decodable, Sendable { let featured: Bool }

/// Kudos with its people's and programme's names.
struct KudosBody: Encodable, Hashable, Sendable {
    let id, programmeId, programme, from, fromName, to, toName, message: String
    let sentAt: Date
    let shown: Bool

    init(_ line: KudosLine) {
        let kudos = line.kudos
        (id, programmeId, programme) = (kudos.id.description, kudos.programmeID.description, line.programme)
        (from, fromName, to, toName) = (kudos.from.description, line.fromName, kudos.to.description, line.toName)
        (message, sentAt, shown) = (kudos.message, kudos.sentAt, kudos.shown)
    }
}

/// A success story with who approved it.
struct StoryBody: Encodable, Hashable, Sendable {
    let id, relationshipId, programmeId: String
    let version: Int
    let title, text: String
    let tellers: String?
    let writtenBy: String
    let writtenAt: Date
    let approvedBy: [String]
    let approved, featured: Bool
    let featuredAt: Date?

    init(_ story: SuccessStory, tellers: String?, approved: Bool) {
        (id, relationshipId, programmeId) = (story.id.description, story.relationshipID.description, story.programmeID.description)
        (version, title, text, self.tellers) = (story.version, story.title, story.text, tellers)
        (writtenBy, writtenAt) = (story.writtenBy.description, story.writtenAt)
        approvedBy = story.approvals.keys.map(\.description).sorted()
        (self.approved, featured, featuredAt) = (approved, story.featuredAt != nil, story.featuredAt)
    }

    /// A story on a programme's list: approved by every teller.
    init(_ line: StoryLine) { self.init(line.story, tellers: line.tellers, approved: true) }

    init(_ story: SuccessStory, _ store: any LodestarRepositories) async throws {
        let approved = try await store.relationship(story.relationshipID).map(story.isApproved(in:)) ?? false
        self.init(story, tellers: nil, approved: approved)
    }
}

struct ProgrammeStoriesBody: Encodable, Hashable, Sendable {
    let featured: [StoryBody]
    let toFeature: [StoryBody]?
}

/// A participant of a programme one may thank.
struct KudosRecipientBody: Encodable, Hashable, Sendable {
    let personId: String
    let name: String
    let title: String

    init(_ person: Person) {
        personId = person.id.description
        name = person.name
        title = person.title
    }
}
