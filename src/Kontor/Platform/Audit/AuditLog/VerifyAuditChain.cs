using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Audit.AuditLog;

/// <summary>Answer of <c>POST /api/audit-log/verify</c>.</summary>
/// <param name="Intact">True when every entry's hash and link check out.</param>
/// <param name="Entries">Entries checked (up to and including the first broken one).</param>
/// <param name="BrokenAt">The first sequence number at which the chain is broken; null when intact.</param>
/// <param name="Reason">HashMismatch, SequenceGap, PreviousHashMismatch or UncoveredRedaction; null when intact.</param>
/// <param name="HeadSequence">The last entry's sequence number when intact.</param>
/// <param name="HeadHash">The last entry's hash when intact: note it down outside Kontor to detect a cut-off end later.</param>
/// <param name="Redacted">Entries whose person-identifying fields retention removed, each covered by its Redact entry.</param>
/// <param name="FormatV1">Entries written in format v1, before personal fields could be redacted.</param>
public sealed record AuditVerificationResponse(bool Intact, long Entries, long? BrokenAt, AuditBreak? Reason, long HeadSequence, string? HeadHash, long Redacted, long FormatV1);

internal static class VerifyAuditChain
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/verify", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(VerifyAuditChain))
            .WithSummary("Check that your organisation's audit log is an unbroken hash chain")
            .WithDescription("Recomputes every entry's hash and link in sequence order and reports the first break. Administrators only; changes nothing.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<AuditVerificationResponse> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        var result = await AuditChainVerifier.VerifyAsync(db, user.TenantId, ct);
        return new AuditVerificationResponse(result.IsIntact, result.Entries, result.BrokenAt, result.Reason, result.HeadSequence, result.HeadHash, result.Redacted, result.FormatV1);
    }
}
