using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.Versions;

/// <summary>For which party the caller approves (or rejects); callers in both roles must choose.</summary>
public sealed class AgreementDecisionRequest
{
    /// <summary><c>Employer</c> (administrators) or <c>WorksCouncil</c> (members of the works council).</summary>
    [Mandatory]
    public AgreementParty? Party { get; set; }

    /// <summary>Why the version is rejected; required for a rejection (at most 2,000 characters).</summary>
    [MaxChars(2000)]
    public string? Reason { get; set; }
}

internal static class ApproveAgreement
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/versions/{number:int}/approve", async Task<Results<Ok<AgreementVersionResponse>, NotFound>> (int number, AgreementDecisionRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                await ExecuteAsync(number, request, db, user, audit, ct) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound())
            .WithName(nameof(ApproveAgreement))
            .WithSummary("Approve a proposed version for the employer or the works council")
            .WithDescription("When both parties have approved, the version is in force at once and the version before it is superseded. " +
                "One person cannot approve for both parties (409); a version that is not proposed cannot be approved (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the tenant has no version with this number.</summary>
    public static async Task<AgreementVersionResponse?> ExecuteAsync(int number, AgreementDecisionRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var party = request.Party!.Value;
        AgreementAccess.RequireParty(user, party);
        var now = db.Clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var versions = db.AgreementVersions.Where(v => v.Number == number && v.Status == AgreementStatus.Proposed);

        // A conditional update, not read-then-write: two approvals at the same moment queue on the row, and the
        // second one sees the first when it checks whether both parties have now approved.
        var approved = party == AgreementParty.Employer
            ? await versions.Where(v => v.EmployerApprovedBy == null && v.WorksCouncilApprovedBy != user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.EmployerApprovedBy, user.Id).SetProperty(v => v.EmployerApprovedAt, now), ct)
            : await versions.Where(v => v.WorksCouncilApprovedBy == null && v.EmployerApprovedBy != user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.WorksCouncilApprovedBy, user.Id).SetProperty(v => v.WorksCouncilApprovedAt, now), ct);

        var version = await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, ct);
        if (version is null)
        {
            return null;
        }

        if (approved == 0)
        {
            throw new BusinessRuleException(WhyNot(version, party, user.Id));
        }

        audit.Record(db, AuditAction.Approve, AgreementModule.AuditRecordType, new { version = number, party = party.ToString() });
        if (version.EmployerApprovedBy is not null && version.WorksCouncilApprovedBy is not null)
        {
            await db.AgreementVersions.Where(v => v.Status == AgreementStatus.InForce)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, AgreementStatus.Superseded).SetProperty(v => v.InForceUntil, now), ct);
            await db.AgreementVersions.Where(v => v.Number == number)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, AgreementStatus.InForce).SetProperty(v => v.InForceFrom, now), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAgreementVersion.ExecuteAsync(number, db, user, ct);
    }

    private static string WhyNot(AgreementVersion version, AgreementParty party, Guid user)
    {
        if (version.Status != AgreementStatus.Proposed)
        {
            return AgreementMessages.Format("Version {0} is not waiting for approval (it is {1}).", version.Number, AgreementMessages.Status(version.Status));
        }

        var (own, other) = party == AgreementParty.Employer
            ? (version.EmployerApprovedBy, version.WorksCouncilApprovedBy)
            : (version.WorksCouncilApprovedBy, version.EmployerApprovedBy);
        return own is not null
            ? AgreementMessages.Format("Version {0} is already approved for {1}.", version.Number, AgreementMessages.Party(party))
            : other == user
                ? AgreementMessages.Get("You approved this version for the other party; the second approval must come from another person.")
                : AgreementMessages.Format("Version {0} cannot be approved now; reload it.", version.Number);
    }
}
