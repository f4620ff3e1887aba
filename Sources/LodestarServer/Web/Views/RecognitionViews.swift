import Foundation
import LodestarCore

/// Kudos as a page shows them: on the recipient's home with the choice to show each on the
/// programme's page, on the programme's page as allowed.
struct KudosLines {
    let lines: [Line]
    let any: Bool

    struct Line {
        let from: String
        let to: String
        let programme: String
        let message: String
        let sent: String
        let shown: Bool
        /// The recipient's toggle, on their home page only.
        let toggleHref: String?
    }

    init(_ kudos: [KudosLine], toggles: Bool) {
        lines = kudos.map { line in
            Line(from: line.fromName, to: line.toName, programme: line.programme, message: line.kudos.message, sent: line.kudos.sentAt.shownDay,
                 shown: line.kudos.shown, toggleHref: toggles ? SiteURL.showKudos(.value(line.kudos.id)).path : nil)
        }
        any = !lines.isEmpty
    }
}

/// Success stories on the programme's page: featured for everyone; for its managers the ones
/// every teller approved, to feature.
struct StoryLines {
    let featured: [Story]
    let toFeature: [Story]
    let anyFeatured: Bool
    let mayFeature: Bool

    struct Story {
        let title: String
        let paragraphs: [String]
        let tellers: String
        let featureHref: String
        let featured: Bool
    }

    init(featured: [StoryLine], toFeature: [StoryLine]?) {
        func story(_ line: StoryLine) -> Story {
            Story(title: line.story.title, paragraphs: line.story.paragraphs,
                  tellers: line.tellers, featureHref: SiteURL.featureStory(.value(line.story.id)).path, featured: line.story.featuredAt != nil)
        }
        self.featured = featured.map(story)
        self.toFeature = (toFeature ?? []).map(story)
        anyFeatured = !featured.isEmpty
        mayFeature = toFeature != nil
    }
}

/// The workspace's story: its text and who approved it, the approve button for whoever has not,
/// and the form to write or rewrite it.
struct StoryForm {
    let exists: Bool
    let title: String
    /// The story as written, a paragraph per line; the form's text, what was typed when it was refused.
    let paragraphs: [String]
    let text: String
    let version: Int
    let approvals: String
    let mayApprove: Bool
    let featured: Bool
    /// A member who left the group reads the story and changes nothing.
    let left: Bool
    let problems: [String]

    init(_ contents: RelationshipWorkspace.Contents, problems: [String: String], form: [String: String]) {
        let story = contents.story
        exists = story != nil
        let writing = form["storyTitle"] != nil
        title = writing ? form["storyTitle"] ?? "" : story?.title ?? ""
        text = writing ? form["storyText"] ?? "" : story?.text ?? ""
        paragraphs = story?.paragraphs ?? []
        version = story?.version ?? 0
        approvals = story.map { story in
            contents.people.current.map { person in story.approvals[person.id].map { _ in "\(person.name) approved" } ?? "\(person.name) has not approved yet" }
                .joined(separator: " · ")
        } ?? ""
        mayApprove = !contents.left && story.map { $0.approvals[contents.me] == nil } ?? false
        featured = story?.featuredAt != nil
        left = contents.left
        // The story's routes send their problems under "story-" (the workspace's other forms have a title and a text too).
        self.problems = ["story", "version", "title", "text"].compactMap { field in problems["story-" + field].map { "\(field): \($0)" } }
    }
}

extension SuccessStory {
    /// The text's paragraphs: its non-empty lines.
    var paragraphs: [String] { text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
}

/// Sending kudos: one's programmes, a search of a programme's participants by name, and the
/// message — what was typed kept when a field is refused.
struct SendKudosView {
    let title = "Send kudos"
    let crumbs = [Crumb("Home", SiteURL.home.path), Crumb("Send kudos")]
    let href = SiteURL.kudos.path
    let csrf: String
    let perDay = Kudos.perDay
    let programmes: [Choice]
    let programmeName: String
    let programmeValue: String
    let query: String
    let people: [Choice]
    /// When the list stops short of everyone the search finds.
    let more: String?
    let message: String
    let toProblem: String?
    let messageProblem: String?
    let sent: String?

    typealias Choice = SelectOption

    init(programmes: [Programme], chosen: Programme?, query: String, found: (people: [Person], more: Bool), form: [String: String], problems: [String: String],
         sent: String?, csrf: String) {
        self.csrf = csrf
        self.programmes = programmes.map { Choice(value: $0.id.description, label: $0.name, selected: $0.id == chosen?.id) }
        programmeName = chosen?.name ?? ""
        programmeValue = chosen?.id.description ?? ""
        self.query = query
        people = found.people.map { Choice(value: $0.id.description, label: $0.title.isEmpty ? $0.name : "\($0.name) — \($0.title)", selected: $0.id.description == form["to"]) }
        more = !found.more ? nil : "The first \(KudosBoard.recipientsAtMost) by name; type more of a name to find someone else."
        message = form["message"] ?? ""
        toProblem = problems["to"]
        messageProblem = problems["message"]
        self.sent = sent
    }
}
