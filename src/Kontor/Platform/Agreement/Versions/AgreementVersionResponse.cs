using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.Versions;

/// <summary>A person and when they acted on a version.</summary>
public sealed record AgreementActorResponse(Guid UserId, string Name, DateTimeOffset At);

/// <summary>One line of the difference to the version before: <c>unchanged</c>, <c>inserted</c> or <c>deleted</c>, with its line numbers in the old and new text.</summary>
public sealed record AgreementDiffLine(string Kind, int? OldLine, int? NewLine, string Text);

/// <summary>
/// A version of the works agreement. Text and Diff are given for one version, not in lists; ComparedWith is the version
/// the diff compares with (the last one in force before this one), null for the strict default.
/// </summary>
public sealed record AgreementVersionResponse(
    int Number,
    string Name,
    AgreementStatus Status,
    string? Comment,
    AgreementActorResponse Proposed,
    AgreementActorResponse? EmployerApproval,
    AgreementActorResponse? WorksCouncilApproval,
    AgreementActorResponse? Closed,
    string? RejectionReason,
    DateTimeOffset? InForceFrom,
    DateTimeOffset? InForceUntil,
    string? Text,
    int? ComparedWith,
    IReadOnlyList<AgreementDiffLine>? Diff)
{
    internal static async Task<List<AgreementVersionResponse>> ListAsync(KontorDb db, IQueryable<AgreementVersion> query, bool withText, CancellationToken ct)
    {
        var versions = await query.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
        var byId = await UserNames.LoadAsync(db, versions.SelectMany(v => new[] { v.ProposedBy, v.EmployerApprovedBy, v.WorksCouncilApprovedBy, v.ClosedBy }).OfType<Guid>(), ct);

        AgreementActorResponse? Actor(Guid? id, DateTimeOffset? at) =>
            id is { } user && at is { } when ? new AgreementActorResponse(user, byId.GetValueOrDefault(user, ""), when) : null;

        var responses = new List<AgreementVersionResponse>(versions.Count);
        foreach (var v in versions)
        {
            int? comparedWith = null;
            IReadOnlyList<AgreementDiffLine>? diff = null;
            if (withText)
            {
                var before = await db.AgreementVersions.AsNoTracking()
                    .Where(p => p.Number < v.Number && p.InForceFrom != null)
                    .OrderByDescending(p => p.Number)
                    .Select(p => new { p.Number, p.Text })
                    .FirstOrDefaultAsync(ct);
                comparedWith = before?.Number;
                diff = Differences(before?.Text ?? AgreementDefaults.Text, v.Text);
            }

            responses.Add(new AgreementVersionResponse(
                v.Number,
                v.Name,
                v.Status,
                v.Comment,
                Actor(v.ProposedBy, v.ProposedAt)!,
                Actor(v.EmployerApprovedBy, v.EmployerApprovedAt),
                Actor(v.WorksCouncilApprovedBy, v.WorksCouncilApprovedAt),
                Actor(v.ClosedBy, v.ClosedAt),
                v.RejectionReason,
                v.InForceFrom,
                v.InForceUntil,
                withText ? v.Text : null,
                comparedWith,
                diff));
        }

        return responses;
    }

    /// <summary>A line diff; whitespace counts, since indentation is structure in YAML.</summary>
    internal static List<AgreementDiffLine> Differences(string before, string after)
    {
        var lines = new List<AgreementDiffLine>();
        int oldLine = 0, newLine = 0;
        foreach (var piece in InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines)
        {
            switch (piece.Type)
            {
                case ChangeType.Deleted:
                    lines.Add(new AgreementDiffLine("deleted", ++oldLine, null, piece.Text));
                    break;
                case ChangeType.Inserted:
                    lines.Add(new AgreementDiffLine("inserted", null, ++newLine, piece.Text));
                    break;
                default:
                    lines.Add(new AgreementDiffLine("unchanged", ++oldLine, ++newLine, piece.Text));
                    break;
            }
        }

        return lines;
    }
}
