import FluentKit

/// Every migration, in order. Append only: a released migration never changes.
enum LodestarMigrations {
    static let all: [any Migration] = [
        M001_CreatePeople(),
        M002_CreateCompetencies(),
        M003_CreateProgrammes(),
        M004_CreateCycles(),
        M005_CreateEnrolments(),
        M006_AddProgrammeMatching(),
        M007_CreateConflicts(),
        M008_CreateAccounts(),
        M009_CreateSessions(),
        M010_CreateApiTokens(),
        M011_CreateOutbox(),
        M012_CreateRelationships(),
        M013_CreateWorkspace(),
        M014_CreateGoals(),
        M015_CreateMeetingsAndFeeds(),
        M016_CreateMentorRequests(),
        M017_CreateSpeedEvents(),
        M018_CreateRelationshipMembers(),
        M019_CreatePlanningRevision(),
        M020_CreateWebhooks(),
        M021_RecordAdministration(),
        M022_CreateInbox(),
        M023_CreateReadiness(),
        M024_CreateImports(),
        M025_AddCycleDates(),
        M026_ArchiveProgrammes(),
        M027_AddNoticeProgramme(),
        M028_CreateApplications(),
        M029_CreateTraining(),
        M030_CreateMeetingPulses(),
        M031_CreateSurveys(),
    ]
}
