extension ProgrammeOffice {
    /// Makes an account a manager of a programme; organisation admins appoint.
    public func appoint(_ accountID: Account.ID, toManage programmeID: Programme.ID) async throws {
        try principal.requireAdmin("appointing programme managers")
        guard try await store.programme(programmeID) != nil else { throw NotFound("programme", programmeID) }
        guard try await store.account(accountID) != nil else { throw NotFound("account", accountID) }
        try await store.appoint(accountID, toManage: programmeID)
    }

    /// Ends an account's appointment as a programme's manager; it counts from the account's next request.
    public func dismiss(_ accountID: Account.ID, fromManaging programmeID: Programme.ID) async throws {
        try principal.requireAdmin("removing programme managers")
        guard try await store.dismiss(accountID, fromManaging: programmeID) else { throw NotFound("programme manager appointment", accountID) }
    }
}
