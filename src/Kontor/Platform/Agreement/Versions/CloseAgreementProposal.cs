using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.Versions;

/// <summary>Ends a proposal without putting it in force: a party rejects it with a reason, or an administrator withdraws it.</summary>
internal static class CloseAgreementProposal
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/versions/{number:int}/reject", async Task<Results<Ok<AgreementVersionResponse>, NotFound>> (int number, AgreementDecisionRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                await RejectAsync(number, request, db, user, audit, ct) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound())
            .WithName("RejectAgreement")
            .WithSummary("Reject a proposed version for the employer or the works council, with a reason")
            .WithDescription("The version stays in the history as rejected; the version in force is unchanged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/versions/{number:int}/withdraw", async Task<Results<Ok<AgreementVersionResponse>, NotFound>> (int number, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                await WithdrawAsync(number, db, user, audit, ct) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound())
            .WithName("WithdrawAgreement")
            .WithSummary("Withdraw a proposed version")
            .WithDescription("Administrators only; the version stays in the history as withdrawn, and a new version can be proposed.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<AgreementVersionResponse?> RejectAsync(int number, AgreementDecisionRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var party = request.Party!.Value;
        AgreementAccess.RequireParty(user, party);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw RequestValidationException.For("reason", AgreementMessages.Get("Say why the version is rejected."));
        }

        var reason = request.Reason.Trim();
        return await CloseAsync(number, AgreementStatus.Rejected, reason, db, user, audit, new { version = number, party = party.ToString() }, ct);
    }

    public static Task<AgreementVersionResponse?> WithdrawAsync(int number, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        AgreementAccess.RequireProposer(user);
        return CloseAsync(number, AgreementStatus.Withdrawn, null, db, user, audit, new { version = number }, ct);
    }

    private static async Task<AgreementVersionResponse?> CloseAsync(
        int number, AgreementStatus status, string? reason, KontorDb db, CurrentUser user, AuditTrail audit, object detail, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Conditional, so a proposal approved by the other party a moment ago is not rejected afterwards.
        var closed = await db.AgreementVersions.Where(v => v.Number == number && v.Status == AgreementStatus.Proposed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(v => v.Status, status).SetProperty(v => v.ClosedBy, user.Id).SetProperty(v => v.ClosedAt, now).SetProperty(v => v.RejectionReason, reason),
                ct);
        if (closed == 0)
        {
            var current = await db.AgreementVersions.AsNoTracking().Where(v => v.Number == number).Select(v => (AgreementStatus?)v.Status).SingleOrDefaultAsync(ct);
            return current is { } found
                ? throw new BusinessRuleException(AgreementMessages.Format("Version {0} is not waiting for approval (it is {1}).", number, AgreementMessages.Status(found)))
                : null;
        }

        audit.Record(db, status == AgreementStatus.Rejected ? AuditAction.Reject : AuditAction.Withdraw, AgreementModule.AuditRecordType, detail);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAgreementVersion.ExecuteAsync(number, db, user, ct);
    }
}
