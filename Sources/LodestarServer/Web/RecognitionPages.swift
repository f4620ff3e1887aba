import Foundation
import Hummingbird
import LodestarCore

/// Kudos shown on a programme's page or taken off by their recipient; success stories featured
/// or taken off by the programme's managers.
struct RecognitionPages {
    let store: any LodestarRepositories

    func register(on router: Router<LodestarContext>) {
        router.post(.showKudos(.key)) { request, context in
            let form = try await FormBody.fields(request)
            _ = try await KudosBoard(store: store, principal: try context.signedIn()).show(try context.parameters.id(of: "kudos"), form["shown"] == "1")
            return Response(status: .seeOther, headers: [.location: SiteURL.home.path + "#kudos"])
        }
        router.post(.featureStory(.key)) { request, context in
            let form = try await FormBody.fields(request)
            let story = try await SuccessStories(store: store, principal: try context.signedIn())
                .feature(try context.parameters.id(of: "success story"), form["featured"] == "1", now: context.now)
            return Response(status: .seeOther, headers: [.location: SiteURL.programme(.value(story.programmeID)).path + "#stories"])
        }
    }
}
