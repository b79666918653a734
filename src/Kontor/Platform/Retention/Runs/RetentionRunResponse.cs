using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention.Runs;

/// <summary>A run in the list of runs: when, how, and what it did in total.</summary>
public sealed record RetentionRunSummary(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    bool DryRun,
    string Trigger,
    Guid? TriggeredBy,
    string? TriggeredByName,
    RetentionRunStatus Status,
    int Deleted,
    int Anonymised,
    int Held);

/// <summary>A run with its report: per source the counts, the first rows that went (or would go) and any failure.</summary>
public sealed record RetentionRunResponse(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    bool DryRun,
    string Trigger,
    Guid? TriggeredBy,
    string? TriggeredByName,
    RetentionRunStatus Status,
    int Deleted,
    int Anonymised,
    int Held,
    IReadOnlyList<RetentionSourceReport> Sources)
{
    internal static async Task<RetentionRunResponse> FromAsync(KontorDb db, RetentionRun run, CancellationToken ct)
    {
        var names = await UserNames.LoadAsync(db, run.TriggeredBy is { } by ? [by] : [], ct);
        return new RetentionRunResponse(
            run.Id, run.StartedAt, run.FinishedAt, run.DryRun, run.Trigger, run.TriggeredBy,
            run.TriggeredBy is { } user ? names.GetValueOrDefault(user) : null,
            run.Status, run.Deleted, run.Anonymised, run.Held, run.Sources());
    }

    internal static async Task<IReadOnlyList<RetentionRunSummary>> SummariesAsync(KontorDb db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var runs = await db.RetentionRuns.AsNoTracking().Where(r => list.Contains(r.Id)).ToListAsync(ct);
        var names = await UserNames.LoadAsync(db, runs.Where(r => r.TriggeredBy != null).Select(r => r.TriggeredBy!.Value), ct);
        var byId = runs.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => new RetentionRunSummary(
            r.Id, r.StartedAt, r.FinishedAt, r.DryRun, r.Trigger, r.TriggeredBy,
            r.TriggeredBy is { } user ? names.GetValueOrDefault(user) : null,
            r.Status, r.Deleted, r.Anonymised, r.Held))];
    }
}
