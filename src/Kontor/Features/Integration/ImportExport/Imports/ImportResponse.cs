using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>An import job as the API returns it and the pages show it.</summary>
public sealed record ImportResponse(
    Guid Id,
    string FileName,
    ImportTarget Target,
    ImportStatus Status,
    bool DryRun,
    ImportFormat Format,
    string Encoding,
    string Delimiter,
    long? TotalRows,
    long ProcessedRows,
    long CommittedRows,
    long RejectedRows,
    long CreatedRecords,
    long UpdatedRecords,
    bool CancelRequested,
    string? Failure,
    Guid RequestedBy,
    string? RequestedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Rows processed of the file's rows, 0–100; 100 once finished.</summary>
    public int Percent => Status is ImportStatus.Completed ? 100
        : TotalRows is > 0 and var total ? (int)Math.Min(100, ProcessedRows * 100 / total) : 0;

    public static IQueryable<ImportResponse> Project(IQueryable<ImportJob> jobs, KontorDb db) =>
        jobs.Select(j => new ImportResponse(
            j.Id, j.FileName, j.Target, j.Status, j.DryRun, j.Format, j.Encoding, j.Delimiter, j.TotalRows, j.ProcessedRows,
            j.CommittedRows, j.RejectedRows, j.CreatedRecords, j.UpdatedRecords, j.CancelRequested, j.Failure, j.RequestedBy,
            db.Users.Where(u => u.Id == j.RequestedBy).Select(UserNames.DisplayName).FirstOrDefault(),
            j.CreatedAt, j.StartedAt, j.FinishedAt));
}

/// <summary>Who sees which imports: everyone their own, administrators all of the tenant's.</summary>
internal static class ImportAccess
{
    public static IQueryable<ImportJob> Visible(KontorDb db, CurrentUser user) =>
        user.IsInRole(Roles.Admin) ? db.ImportJobs : db.ImportJobs.Where(j => j.RequestedBy == user.Id);
}
