import Foundation

/// Use cases of success stories (M16): one of a relationship writes its story, every one still
/// in it approves that very text, and only then may the programme's managers read it and feature
/// it on the programme's page. A new text asks everyone again and takes the story off the page.
public struct SuccessStories: Sendable {
    let store: any LodestarRepositories
    let principal: Principal
    let publicURL: String

    /// Creates the use cases over a store, acting for `principal`.
    public init(store: any LodestarRepositories, principal: Principal, publicURL: String = "") {
        self.store = store
        self.principal = principal
        self.publicURL = publicURL
    }

    private var workspace: RelationshipWorkspace { RelationshipWorkspace(store: store, principal: principal, publicURL: publicURL) }

    /// The relationship's story, if one was written (its people only).
    public func story(of relationship: Relationship.ID) async throws -> SuccessStory? {
        _ = try await workspace.participation(relationship)
        return try await store.story(of: relationship)
    }

    /// Writes the story, or a new version of it (`expecting`: the version read, 0 for none);
    /// the writer approves it, the others are asked to. An ended relationship still tells its story.
    public func write(_ id: Relationship.ID, title: String, text: String, expecting expected: Int? = nil, now: Date) async throws -> SuccessStory {
        let (relationship, me) = try await workspace.participation(id)
        try workspace.refuseIfLeft(relationship, me)
        let issues = SuccessStory.issues(title: title, text: text)
        guard issues.isEmpty else { throw ValidationError(issues) }
        guard let programmeID = try await store.programmeID(of: relationship), let people = try await store.people(of: relationship),
              let writer = people.person(me) else { throw NotFound("relationship", id) }
        let notices = NoticeWriter(publicURL: publicURL, now: now)
        return try await store.inTransaction { tx in
            try await tx.lockForChange(.relationship(id))
            let current = try await tx.story(of: id)
            if let expected, expected != (current?.version ?? 0) { throw ChangedSinceRead(what: "story", version: current?.version ?? 0) }
            let story = SuccessStory(id: current?.id ?? SuccessStory.ID(), relationshipID: id, programmeID: programmeID, version: (current?.version ?? 0) + 1,
                                     title: title.trimmingCharacters(in: .whitespacesAndNewlines), text: text.trimmingCharacters(in: .whitespacesAndNewlines),
                                     writtenBy: me, writtenAt: now, approvals: [me: now])
            try await tx.save(story)
            for other in people.others(than: me) {
                try await tx.save(notices.storyWritten(to: other, by: writer, title: story.title, workspace: .relationship(.value(id))))
            }
            return story
        }
    }

    /// Approves the version read; a text changed since is not approved unseen.
    public func approve(_ id: Relationship.ID, version: Int, now: Date) async throws -> SuccessStory {
        let (relationship, me) = try await workspace.participation(id)
        try workspace.refuseIfLeft(relationship, me)
        return try await store.inTransaction { tx in
            try await tx.lockForChange(.relationship(id))
            guard var story = try await tx.story(of: id) else {
                throw ValidationError([FieldIssue(field: "story", message: "there is no story to approve yet; write it first")])
            }
            guard story.version == version else {
                throw ValidationError([FieldIssue(field: "version", message: "the story changed since you read it (now version \(story.version)); read it again before approving")])
            }
            story.approvals[me] = story.approvals[me] ?? now
            try await tx.save(story)
            return story
        }
    }

    /// Features an approved story on its programme's page, or takes it off (its managers).
    public func feature(_ id: SuccessStory.ID, _ featured: Bool, now: Date) async throws -> SuccessStory {
        guard var story = try await store.story(id), let relationship = try await store.relationship(story.relationshipID),
              story.isApproved(in: relationship) else { throw NotFound("success story", id) }
        try principal.requireManager(of: try await programme(story.programmeID), "featuring a success story")
        story.featuredAt = featured ? story.featuredAt ?? now : nil
        try await store.save(story)
        return story
    }

    /// A programme's stories: those featured for everyone who sees the programme; for its
    /// managers also the approved ones not featured yet. A story not approved by all is no one's but its tellers'.
    public func stories(in programmeID: Programme.ID) async throws -> (featured: [StoryLine], ready: [StoryLine]?) {
        let programme = try await programme(programmeID)
        try principal.requireSight(of: programme)
        return try await Self.stories(in: programmeID, managed: principal.manages(programmeID), store)
    }

    static func stories(in programme: Programme.ID, managed: Bool,
                        _ store: some KudosRepository & WorkspaceRepository & PeopleRepository) async throws -> (featured: [StoryLine], ready: [StoryLine]?) {
        var approved: [(SuccessStory, Relationship)] = []
        for story in try await store.stories(in: programme, featuredOnly: !managed) {
            if let relationship = try await store.relationship(story.relationshipID), story.isApproved(in: relationship) { approved.append((story, relationship)) }
        }
        // Every teller's name in one query.
        let names = try await store.names(of: Set(approved.flatMap(\.1.currentParticipants)))
        let lines = approved.map { story, relationship in StoryLine(story: story, tellers: relationship.currentParticipants.compactMap { names[$0] }.phrase) }
        return (lines.filter { $0.story.featuredAt != nil }, managed ? lines.filter { $0.story.featuredAt == nil } : nil)
    }

    private func programme(_ id: Programme.ID) async throws -> Programme {
        guard let programme = try await store.programme(id) else { throw NotFound("programme", id) }
        return programme
    }
}
