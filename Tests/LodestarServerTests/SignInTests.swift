import Foundation
import HTTPTypes
import HummingbirdTesting
import LodestarCore
import LodestarTestSupport
import NIOCore
import Testing

@Suite("Signing in, CSRF and sessions over HTTP")
struct SignInTests {
    @Test("a page asked for anonymously sends the browser to sign in and back; the right password lands there with a safe cookie")
    func signInFlow() async throws {
        try await withApp { client in
            let first = try await client.execute(uri: "/people?department=Sales", method: .get) { $0 }
            #expect(first.status == .seeOther && first.headers[.location] == "/sign-in?next=/people")
            let form = try await client.execute(uri: "/sign-in?next=/people", method: .get) { $0 }
            let formCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("lodestar_form=") })
            let csrf = String(formCookie.dropFirst("lodestar_form=".count).prefix { $0 != ";" })
            #expect(String(buffer: form.body).contains("value=\"\(csrf)\""))
            let fields = ["csrf": csrf, "email": TestAccounts.adminEmail, "password": "admin-password-1", "next": "/people"]
            let signedIn = try await client.form("/sign-in", fields, headers: [.cookie: "lodestar_form=\(csrf)"], as: .anonymous)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/people")
            let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("lodestar_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && !session.contains("Secure"))
            let value = String(session.dropFirst("lodestar_session=".count).prefix { $0 != ";" })
            let (status, html) = try await client.page("/people", as: .session(value, csrf: ""))
            #expect(status == .ok && html.contains("organisation admin"))
            // Behind a TLS proxy the cookie is Secure; a foreign `next` is not followed.
            var proxied = fields
            proxied["next"] = "//evil.example/steal"
            let secure = try await client.form("/sign-in", proxied, headers: [.cookie: "lodestar_form=\(csrf)", HTTPField.Name("X-Forwarded-Proto")!: "https"], as: .anonymous)
            #expect(secure.headers[.location] == "/")
            #expect(secure.headers[values: .setCookie].contains { $0.hasPrefix("lodestar_session=") && $0.contains("Secure") })
        }
    }

    @Test("a wrong password shows the error on the sign-in page and signs no one in")
    func wrongPassword() async throws {
        try await withApp { client in
            let response = try await client.form("/sign-in", ["csrf": "c", "email": TestAccounts.adminEmail, "password": "nope"],
                                                 headers: [.cookie: "lodestar_form=c"], as: .anonymous)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("don&#39;t match an account") || String(buffer: response.body).contains("don't match an account"))
            #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("lodestar_session=") })
        }
    }

    @Test("a form without its CSRF token, or with a wrong one, is refused with 403; the right one passes")
    func csrf() async throws {
        try await withApp { client in
            let missing = try await client.form("/admin/tokens", ["name": "x", "scope": "read"])
            let wrong = try await client.form("/admin/tokens", ["csrf": "forged", "name": "x", "scope": "read"])
            let signInForged = try await client.form("/sign-in", ["csrf": "a", "email": TestAccounts.adminEmail, "password": "admin-password-1"],
                                                     headers: [.cookie: "lodestar_form=b"], as: .anonymous)
            let right = try await client.form("/admin/tokens", ["csrf": TestAccounts.csrf, "name": "x", "scope": "read"])
            #expect(missing.status == .forbidden && wrong.status == .forbidden && signInForged.status == .forbidden)
            #expect(String(buffer: wrong.body).contains("CSRF token is missing or wrong"))
            #expect(right.status == .ok && String(buffer: right.body).contains("Copy it now"))
            // The JSON API with the session cookie needs the header.
            let (api, _) = try await client.json(.post, "/api/v1/competencies", #"{"slug":"a","name":"A","summary":"s"}"#,
                                                 as: .session(TestAccounts.adminSession, csrf: "forged"))
            #expect(api == .forbidden)
        }
    }

    @Test("an expired session sends the browser to sign in again and the API answers 401; a revoked token is refused")
    func expiredSession() async throws {
        try await withApp(prepare: { store in
            let admin = try #require(try await store.account(email: TestAccounts.adminEmail))
            try await store.save(SignInSession(tokenDigest: TestAccounts.credentials.digest(token: "old"), accountID: admin.id, csrfToken: "c",
                                               createdAt: Date(timeIntervalSinceNow: -86400), expiresAt: Date(timeIntervalSinceNow: -60)))
        }) { client in
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "lodestar_session=old"]) { $0 }
            #expect(page.status == .seeOther && page.headers[.location] == "/sign-in?next=/&ended=1")
            let (status, body) = try await client.json(.get, "/api/v1/programmes", as: .session("old", csrf: "c"))
            #expect(status == .unauthorized && (value(body, "error") as? String)?.contains("session has ended") == true)
            let (ended, signInPage) = try await client.page("/sign-in?next=/&ended=1", as: .anonymous)
            #expect(ended == .ok && signInPage.contains("Your session has ended"))
            let (unknown, _) = try await client.json(.get, "/api/v1/programmes", as: .token("lsk_unknown"))
            #expect(unknown == .unauthorized)
        }
    }

    @Test("an admin invites by email; the outbox page shows the message but not its link; the link sets a password once; the invitee signs in")
    func invitationFlow() async throws {
        try await withAppAndStore { client, store in
            let invited = try await client.form("/admin/invitations", ["csrf": TestAccounts.csrf, "email": "ana@example.org"])
            let outbox = String(buffer: invited.body)
            #expect(invited.status == .ok && outbox.contains("Invitation to ana@example.org is in the outbox") && outbox.contains("You are invited to Lodestar"))
            let token = try #require(try await linkToken(sentTo: "ana@example.org", in: store))
            #expect(!outbox.contains(token) && outbox.contains("only the recipient can use this link"))
            let (formStatus, form) = try await client.page("/set-password?token=\(token)", as: .anonymous)
            #expect(formStatus == .ok && form.contains("Welcome to Lodestar"))
            let fields = ["csrf": "f", "token": token, "password": "ana's long password", "confirmation": "ana's long password"]
            let set = try await client.form("/set-password", fields, headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            #expect(set.status == .seeOther && set.headers[.location] == "/sign-in?password=set")
            let again = try await client.form("/set-password", fields, headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            #expect(again.status == .gone && String(buffer: again.body).contains("already been used"))
            let signIn = try await client.form("/sign-in", ["csrf": "f", "email": "ana@example.org", "password": "ana's long password"],
                                               headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            #expect(signIn.status == .seeOther && signIn.headers[values: .setCookie].contains { $0.hasPrefix("lodestar_session=") })
            let forgot = try await client.form("/forgot-password", ["csrf": "f", "email": "nobody@example.org"], headers: [.cookie: "lodestar_form=f"], as: .anonymous)
            #expect(forgot.status == .ok && String(buffer: forgot.body).contains("If an account has that email"))
        }
    }

    @Test("a reset link opened straight from the message (no cookie yet) gives a form that can be submitted")
    func linkFromAMessage() async throws {
        try await withAppAndStore { client, store in
            let forgot = try await client.execute(uri: "/forgot-password", method: .get) { $0 }
            let forgotCookie = try #require(forgot.headers[values: .setCookie].first { $0.hasPrefix("lodestar_form=") })
            let forgotCSRF = String(forgotCookie.dropFirst("lodestar_form=".count).prefix { $0 != ";" })
            #expect(String(buffer: forgot.body).contains("value=\"\(forgotCSRF)\""))
            let sent = try await client.form("/forgot-password", ["csrf": forgotCSRF, "email": TestAccounts.adminEmail],
                                             headers: [.cookie: "lodestar_form=\(forgotCSRF)"], as: .anonymous)
            #expect(sent.status == .ok)
            let token = try #require(try await linkToken(sentTo: TestAccounts.adminEmail, in: store))
            // A new browser: no cookie at all.
            let page = try await client.execute(uri: "/set-password?token=\(token)", method: .get) { $0 }
            let cookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("lodestar_form=") })
            let csrf = String(cookie.dropFirst("lodestar_form=".count).prefix { $0 != ";" })
            #expect(String(buffer: page.body).contains("value=\"\(csrf)\""))
            let set = try await client.form("/set-password", ["csrf": csrf, "token": token, "password": "a brand new password", "confirmation": "a brand new password"],
                                            headers: [.cookie: "lodestar_form=\(csrf)"], as: .anonymous)
            #expect(set.status == .seeOther && set.headers[.location] == "/sign-in?password=set")
        }
    }
}
