import FluentKit
import Foundation
import LodestarCore
import SQLKit

extension FluentStore {
    public func save(_ upload: PendingImport) async throws {
        try await sql.raw("""
            INSERT INTO imports (id, kind, cycle_id, file_name, uploader, uploaded_by, uploaded_at, text) VALUES
            (\(bind: upload.id.uuid), \(bind: upload.target.cycle == nil ? "people" : "enrolments"), \(bind: upload.target.cycle?.uuid), \(bind: upload.fileName), \(bind: upload.uploader.uuid),
            \(bind: upload.uploaded.by), \(bind: upload.uploaded.at), \(bind: upload.text))
            """).run()
    }

    public func pendingImport(_ id: PendingImport.ID) async throws -> PendingImport? {
        try await rows("SELECT * FROM imports WHERE id = \(bind: id.uuid)") { row in
            let counts = (try row.decode(column: "created", as: Int?.self), try row.decode(column: "updated", as: Int?.self),
                          try row.decode(column: "unchanged", as: Int?.self))
            var result: ImportSummary?
            if let created = counts.0, let updated = counts.1, let unchanged = counts.2 {
                result = ImportSummary(created: created, updated: updated, unchanged: unchanged)
            }
            let target: PendingImport.Target
            switch (try row.decode(column: "kind", as: String.self), try row.optionalUUID("cycle_id")) {
            case ("people", nil): target = .people
            case ("enrolments", let cycle?): target = .enrolments(into: Cycle.ID(cycle))
            case (let kind, let cycle): throw StoredValue.Unknown(column: "imports.kind", value: "\(kind) \(cycle.map(\.uuidString) ?? "without a cycle")")
            }
            return PendingImport(
                id: id, target: target,
                fileName: try row.decode(column: "file_name", as: String.self),
                uploader: Account.ID(try row.uuid("uploader")),
                uploaded: Attribution(by: try row.decode(column: "uploaded_by", as: String.self), at: try row.decode(column: "uploaded_at", as: Date.self)),
                text: try row.decode(column: "text", as: String.self), result: result,
                confirmedAt: try row.decode(column: "confirmed_at", as: Date?.self))
        }.first
    }

    public func confirm(_ id: PendingImport.ID, result: ImportSummary, at date: Date) async throws -> Bool {
        try await claim("""
            UPDATE imports SET text = '', created = \(bind: result.created), updated = \(bind: result.updated), unchanged = \(bind: result.unchanged),
            confirmed_at = \(bind: date) WHERE id = \(bind: id.uuid) AND confirmed_at IS NULL RETURNING id
            """)
    }

    public func deletePendingImport(_ id: PendingImport.ID) async throws {
        try await sql.raw("DELETE FROM imports WHERE id = \(bind: id.uuid) AND confirmed_at IS NULL").run()
    }

    public func deleteUnconfirmedImports(before date: Date) async throws {
        try await sql.raw("DELETE FROM imports WHERE confirmed_at IS NULL AND uploaded_at < \(bind: date)").run()
    }
}
