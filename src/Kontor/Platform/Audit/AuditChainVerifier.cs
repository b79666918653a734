using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit;

/// <summary>Why a chain is broken at an entry.</summary>
public enum AuditBreak
{
    /// <summary>The entry's fields do not give its stored hash: the entry was changed.</summary>
    HashMismatch,

    /// <summary>A sequence number is missing: an entry was deleted (or the chain does not start at 1).</summary>
    SequenceGap,

    /// <summary>The entry does not point to the hash of the entry before it: an entry before it was changed or replaced.</summary>
    PreviousHashMismatch,
}

/// <summary>The result of checking one tenant's chain.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Entries">How many entries were read.</param>
/// <param name="BrokenAt">The first sequence number at which the chain is broken; null when it is intact.</param>
/// <param name="Reason">Why it is broken there.</param>
/// <param name="HeadSequence">The sequence number of the last entry (0 for an empty log).</param>
/// <param name="HeadHash">The hash of the last entry, to note down outside Kontor: a later check that still reaches it proves nothing was cut off.</param>
public sealed record AuditVerification(Guid TenantId, long Entries, long? BrokenAt, AuditBreak? Reason, long HeadSequence, string? HeadHash)
{
    public bool IsIntact => BrokenAt is null;
}

/// <summary>
/// Reads a tenant's audit entries in sequence order, streaming, and recomputes every hash and link; reports the first
/// break. The checks follow docs/audit.md, which lets an auditor repeat them with other tools.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>Checks the chain of <paramref name="tenantId"/>; the context must be in that tenant's scope or in a system scope.</summary>
    public static async Task<AuditVerification> VerifyAsync(KontorDb db, Guid tenantId, CancellationToken ct)
    {
        var expected = 1L;
        var previous = AuditChain.Genesis;
        var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.TenantId == tenantId).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var reason = entry.Sequence != expected ? AuditBreak.SequenceGap
                : !string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal) ? AuditBreak.PreviousHashMismatch
                : !string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal) ? AuditBreak.HashMismatch
                : (AuditBreak?)null;
            if (reason is { } broken)
            {
                return new AuditVerification(tenantId, expected, broken == AuditBreak.SequenceGap ? Math.Min(expected, entry.Sequence) : entry.Sequence, broken, 0, null);
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditVerification(tenantId, expected - 1, null, null, expected - 1, expected == 1 ? null : previous);
    }
}
