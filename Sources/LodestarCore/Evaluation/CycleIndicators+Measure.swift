import Foundation

extension CycleIndicators {
    /// What a cycle's records add up to, at `now` (a closed cycle as it stood at its end).
    struct Records {
        let cycle: Cycle
        let programme: Programme
        let enrolled: [EnrolmentRole: Int]
        let applications: [ProgrammeApplication]
        let relationships: [Relationship]
        let meetings: [HeldMeeting]
        /// The state of each of the relationships' goals.
        let goalStates: [GoalState]
        let agreements: [Agreement]
        let pulses: [MeetingPulse]
        let feedback: Feedback
    }

    init(_ records: Records, now: Date) {
        let cycle = records.cycle, relationships = records.relationships
        let end = cycle.dates.end, asOf = cycle.state == .closed ? min(now, end ?? now) : now
        let meetings = Dictionary(grouping: records.meetings, by: \.relationshipID)
        let mentees = { (relationship: Relationship) in Set(relationship.members.map(\.person)) }
        let applied = records.applications.filter { $0.appliedAt != nil }
        let appliedAt = Dictionary(applied.filter { $0.role == .mentee }.compactMap { application in application.appliedAt.map { (application.personID, $0) } },
                                   uniquingKeysWith: min)
        let endedEarly = relationships.filter { relationship in relationship.endedAt.map { ended in end.map { ended < $0 } ?? true } ?? false }
        let earlyIDs = Set(endedEarly.map(\.id))
        let firstMeetings = relationships.map { relationship in (relationship, meetings[relationship.id]?.map(\.heldOn).min()) }
        let fortnight: TimeInterval = 14 * 86_400
        let old = firstMeetings.filter { relationship, first in
            relationship.startedAt.addingTimeInterval(fortnight) <= asOf || first.map { $0 <= relationship.startedAt.addingTimeInterval(fortnight) } ?? false
        }
        let months = relationships.reduce(0.0) { total, relationship in
            total + max(0, (relationship.endedAt.map { min($0, asOf) } ?? asOf).timeIntervalSince(relationship.startedAt)) / Self.monthSeconds
        }
        let latestAgreements = Dictionary(grouping: records.agreements, by: \.relationshipID).compactMapValues { $0.max { $0.version < $1.version } }
        let pulses = Dictionary(grouping: records.pulses, by: \.relationshipID)
        self.init(
            cycle: cycle, programme: records.programme,
            applied: Dictionary(grouping: applied, by: \.role).mapValues(\.count),
            enrolled: records.enrolled,
            relationships: relationships.count,
            matchedMentees: relationships.reduce(into: Set<Person.ID>()) { $0.formUnion(mentees($1)) }.count,
            menteesWhoMet: relationships.filter { !(meetings[$0.id] ?? []).isEmpty }.reduce(into: Set<Person.ID>()) { $0.formUnion(mentees($1)) }.count,
            completedMentees: cycle.state == .closed
                ? relationships.filter { !earlyIDs.contains($0.id) }
                    .reduce(into: Set<Person.ID>()) { $0.formUnion($1.currentMembers.map(\.person)) }.count
                : nil,
            medianDaysToMatch: Self.median(relationships.flatMap { relationship in
                relationship.members.compactMap { member in appliedAt[member.person].map { max(0, relationship.startedAt.timeIntervalSince($0)) / 86_400 } }
            }),
            metWithin14Days: Self.share(old.filter { relationship, first in first.map { $0 <= relationship.startedAt.addingTimeInterval(fortnight) } ?? false }.count,
                                        of: old.count),
            meetingsPerMonth: months >= 0.25 ? Double(records.meetings.count) / months : nil,
            expectedPerMonth: Self.monthSeconds / 86_400 / Double(records.programme.cadence.days),
            meetings: records.meetings.count,
            mentoringMinutes: records.meetings.reduce(0) { $0 + $1.minutes },
            agreementsSigned: relationships.filter { latestAgreements[$0.id]?.isSigned(in: $0) ?? false }.count,
            goalsSet: records.goalStates.count,
            goalsAchieved: records.goalStates.filter { $0 == .achieved }.count,
            meanPulse: records.pulses.isEmpty ? nil : Double(records.pulses.reduce(0) { $0 + $1.rating }) / Double(records.pulses.count),
            pulses: records.pulses.count,
            poorFits: relationships.filter { FitAnswer.latest(in: pulses[$0.id] ?? []).values.contains(.poor) }.count,
            earlyEndings: Dictionary(grouping: endedEarly) { $0.endReason.flatMap { $0.isEmpty ? nil : $0 } ?? "no reason given" }
                .map { Ending(reason: $0.key, count: $0.value.count) }.sorted { ($1.count, $0.reason) < ($0.count, $1.reason) },
            scores: relationships.map(\.score),
            surveyAnswers: records.feedback.satisfactionAnswers,
            pulseRatings: Self.counts(of: records.pulses.lazy.map(\.rating)),
            netPromoterScore: records.feedback.netPromoterScore,
            selfGrowthChanges: records.feedback.growth(.mentee), lineManagerGrowthChanges: records.feedback.growth(.lineManager),
            weeks: Self.weeks(from: cycle.dates.start ?? relationships.map(\.startedAt).min(), to: asOf, relationships: relationships,
                              cadence: records.programme.cadence, meetings: records.meetings, pulses: records.pulses))
    }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
