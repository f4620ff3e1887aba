import Foundation
import LodestarCore

/// Milestones and badges as the home page and the person page show them (the `recognition` partial).
struct RecognitionLines {
    struct Line { let title: String; let detail: String }
    let milestones: [Line]
    let badges: [Line]
    let any: Bool

    init(_ record: RecognitionRecord?) {
        milestones = record?.milestones.map { entry in
            Line(title: entry.milestone.kind.words, detail: "\(entry.place) · \(entry.milestone.awardedAt.formatted(date: .abbreviated, time: .omitted))")
        } ?? []
        badges = record?.badges.map { Line(title: $0.title, detail: $0.reason) } ?? []
        any = !milestones.isEmpty || !badges.isEmpty
    }
}
