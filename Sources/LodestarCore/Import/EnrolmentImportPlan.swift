/// What an enrolment import will write, built whole before anything is: the enrolments to save,
/// and a line for each created and changed one.
struct EnrolmentImportPlan: Sendable {
    var enrolments: [Enrolment] = []
    var created: [ImportPreview.Entry] = []
    var updated: [ImportPreview.Entry] = []
    var unchanged = 0

    var summary: ImportSummary { ImportSummary(created: created.count, updated: updated.count, unchanged: unchanged) }
}
