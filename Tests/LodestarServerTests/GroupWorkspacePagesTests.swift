import Foundation
import LodestarCore
@testable import LodestarServer
import LodestarTestSupport
import Testing

@Suite("A group's workspace in the browser")
struct GroupWorkspacePagesTests {
    /// Who signs in: the group's mentor, two of its members, someone of another group; and the group.
    final class Group: @unchecked Sendable {
        var relationship = ""
        var cycle = ""
        var names: [String] = []
        var callers: [Caller] = []
    }

    @Test("members read the shared notes and not each other's private ones; others are refused; a member leaves and the rest see it")
    func groupWorkspace() async throws {
        let demo = DemoOrganisation()
        let group = Group()
        try await withApp(demo: true, prepare: { store in
            var programme = demo.programme
            programme.format = .group
            try await store.save(programme)
            _ = try await ProgrammeOffice(store: store, principal: .commandLine).move(demo.cycle.id, to: .matching)
            let published = try await MatchingPublication(store: store, principal: .commandLine).publish(demo.cycle.id, now: Date()).relationships
            let chosen = try #require(published.first { $0.members.count >= 2 })
            let other = try #require(published.first { $0.id != chosen.id })
            group.relationship = chosen.id.description
            group.cycle = demo.cycle.id.description
            for (index, person) in [chosen.mentorPerson, chosen.members[0].person, chosen.members[1].person, other.members[0].person].enumerated() {
                let found = try #require(try await store.person(person))
                let account = Account(email: found.email, personID: person, passwordHash: nil, isAdmin: false, createdAt: Date())
                try await store.save(account)
                try await TestAccounts.signIn(account, session: "group-\(index)", csrf: "csrf-\(index)", in: store)
                group.names.append(found.name)
                group.callers.append(.session("group-\(index)", csrf: "csrf-\(index)"))
            }
        }) { client in
            let path = "/relationships/\(group.relationship)"
            let (mentor, first, second, outsider) = (group.callers[0], group.callers[1], group.callers[2], group.callers[3])
            let (status, page) = try await client.page(path, as: first)
            #expect(status == .ok && page.contains("Group mentored by \(group.names[0])") && page.contains(group.names[2]))
            #expect(page.contains("share with the group"))
            _ = try await client.form("\(path)/goals", ["csrf": "csrf-1", "title": "Run a retrospective", "measure": "Held, actions agreed", "due": "2099-06-30"], as: first)
            let (_, withGoal) = try await client.page(path, as: first)
            #expect(withGoal.contains(">\(group.names[2])</option>") && withGoal.contains(">\(group.names[0])</option>"), "an action can go to anyone else in the group")
            let goalID = try #require(withGoal.firstMatch(of: /goals\/([0-9a-f-]{36})/).map { String($0.1) })
            let unknownOwner = try await client.form("\(path)/goals/\(goalID)", ["csrf": "csrf-1", "progress": "10", "action": "Book a room",
                                                                                "owner": "the caretaker", "actionDue": "2099-01-31"], as: first)
            #expect(unknownOwner.status == .unprocessableContent && String(buffer: unknownOwner.body).contains("is not one of the people in this relationship"))
            _ = try await client.form("\(path)/notes", ["csrf": "csrf-1", "text": "Only for me", "shared": ""], as: first)
            _ = try await client.form("\(path)/notes", ["csrf": "csrf-1", "text": "For all of us", "shared": "1"], as: first)
            for reader in [second, mentor] {
                let (_, seen) = try await client.page(path, as: reader)
                #expect(seen.contains("For all of us") && !seen.contains("Only for me"))
            }
            let (refused, _) = try await client.page(path, as: outsider)
            #expect(refused == .forbidden, "someone of another group is refused")
            let (_, asMentor) = try await client.page(path, as: mentor)
            #expect(asMentor.contains("Your mentoring group of") && asMentor.contains("End the relationship"))
            #expect(page.contains("Leave the group"), "a member leaves rather than ends")
            let left = try await client.form("\(path)/end", ["csrf": "csrf-1", "reason": "A new role abroad"], as: first)
            #expect(left.status == .seeOther)
            let (_, afterwards) = try await client.page(path, as: first)
            #expect(afterwards.contains("You left this group on") && !afterwards.contains("Add note") && !afterwards.contains("Update goal"),
                    "the leaver reads and is offered no change")
            #expect(afterwards.contains("Run a retrospective") && afterwards.contains("For all of us"))
            let (_, others) = try await client.page(path, as: second)
            #expect(others.contains("\(group.names[1]) left the group on") && others.contains("A new role abroad") && others.contains("Add note"))
            let (_, cycle) = try await client.page("/cycles/\(group.cycle)")
            #expect(cycle.contains("<th>Mentees</th>") && cycle.contains(group.names[2]))
        }
    }
}
