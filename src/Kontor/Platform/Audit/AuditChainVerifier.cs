using System.Text.Json;
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

    /// <summary>A redacted entry is not covered by a <see cref="AuditAction.Redact"/> entry that counts it: someone removed a person's fields outside a retention run.</summary>
    UncoveredRedaction,
}

/// <summary>The result of checking one tenant's chain.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Entries">How many entries were read.</param>
/// <param name="BrokenAt">The first sequence number at which the chain is broken; null when it is intact.</param>
/// <param name="Reason">Why it is broken there.</param>
/// <param name="HeadSequence">The sequence number of the last entry (0 for an empty log).</param>
/// <param name="HeadHash">The hash of the last entry, to note down outside Kontor: a later check that still reaches it proves nothing was cut off.</param>
/// <param name="Redacted">Entries whose person-identifying fields a retention run removed (each checked against its redaction record).</param>
/// <param name="FormatV1">Entries of format v1 (written before the personal digest existed), which cannot be redacted.</param>
public sealed record AuditVerification(Guid TenantId, long Entries, long? BrokenAt, AuditBreak? Reason, long HeadSequence, string? HeadHash, long Redacted = 0, long FormatV1 = 0)
{
    public bool IsIntact => BrokenAt is null;
}

/// <summary>
/// Reads a tenant's audit entries in sequence order, streaming, and recomputes every hash and link; checks that every
/// redacted entry is counted by the <see cref="AuditAction.Redact"/> entry it names; reports the first break. The
/// checks follow docs/audit.md, which lets an auditor repeat them with other tools.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>Checks the chain of <paramref name="tenantId"/>; the context must be in that tenant's scope or in a system scope.</summary>
    public static async Task<AuditVerification> VerifyAsync(KontorDb db, Guid tenantId, CancellationToken ct)
    {
        var expected = 1L;
        var previous = AuditChain.Genesis;
        var redacted = 0L;
        var formatV1 = 0L;

        // Redacted entries seen, per the sequence of the Redact entry they name, until that entry is reached.
        var pending = new Dictionary<long, Coverage>();
        var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.TenantId == tenantId).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var reason = entry.Sequence != expected ? AuditBreak.SequenceGap
                : !string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal) ? AuditBreak.PreviousHashMismatch
                : !AuditChain.Matches(entry) ? AuditBreak.HashMismatch
                : (AuditBreak?)null;
            if (reason is { } broken)
            {
                return new AuditVerification(tenantId, expected, broken == AuditBreak.SequenceGap ? Math.Min(expected, entry.Sequence) : entry.Sequence, broken, 0, null);
            }

            if (entry.PersonalDigest is null)
            {
                formatV1++;
            }

            if (entry.RedactedAt is not null)
            {
                redacted++;
                if (entry.RedactedBy is not { } by || by <= entry.Sequence)
                {
                    return Uncovered(tenantId, expected, entry.Sequence);
                }

                pending[by] = pending.TryGetValue(by, out var seen) ? seen.Add(entry.Sequence) : new Coverage(1, entry.Sequence, entry.Sequence);
            }

            if (entry.Action == AuditAction.Redact || pending.ContainsKey(entry.Sequence))
            {
                pending.Remove(entry.Sequence, out var covered);
                if (!Covers(entry, covered))
                {
                    return Uncovered(tenantId, expected, covered?.From ?? entry.Sequence);
                }
            }

            previous = entry.Hash;
            expected++;
        }

        if (pending.Count > 0)
        {
            return Uncovered(tenantId, expected - 1, pending.Values.Min(c => c.From));
        }

        return new AuditVerification(tenantId, expected - 1, null, null, expected - 1, expected == 1 ? null : previous, redacted, formatV1);
    }

    /// <summary>Whether a Redact entry's detail counts exactly the redacted entries that name it, within its sequence range.</summary>
    private static bool Covers(AuditEntry entry, Coverage? covered)
    {
        if (entry.Action != AuditAction.Redact)
        {
            return false;
        }

        var record = AuditRedactionRecord.Read(entry.Detail);
        return record is not null
            && record.Count == (covered?.Count ?? 0)
            && (covered is null || (record.From <= covered.From && covered.To <= record.To));
    }

    private static AuditVerification Uncovered(Guid tenantId, long entries, long at) =>
        new(tenantId, entries, at, AuditBreak.UncoveredRedaction, 0, null);

    private sealed record Coverage(long Count, long From, long To)
    {
        public Coverage Add(long sequence) => new(Count + 1, Math.Min(From, sequence), Math.Max(To, sequence));
    }
}

/// <summary>The detail of a <see cref="AuditAction.Redact"/> entry: which category, how many entries, their sequence range and the cut-off.</summary>
/// <param name="Category">The employee-data category whose retention period ran out, e.g. <c>login-history</c>.</param>
/// <param name="Count">How many entries the run redacted.</param>
/// <param name="From">The lowest sequence number redacted.</param>
/// <param name="To">The highest sequence number redacted.</param>
/// <param name="Before">Entries older than this instant were due.</param>
/// <param name="Period">The retention period (ISO 8601) that applied.</param>
public sealed record AuditRedactionRecord(string Category, int Count, long From, long To, DateTimeOffset Before, string Period)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a Redact entry's detail; null when it is not one.</summary>
    public static AuditRedactionRecord? Read(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AuditRedactionRecord>(detail, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
