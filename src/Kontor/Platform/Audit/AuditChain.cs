using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kontor.Platform.Audit;

/// <summary>
/// The hash chain format of the audit log, documented in <c>docs/audit.md</c> so an auditor can check it with
/// other tools: SHA-256 over the UTF-8 bytes of the entry's fields, one per line, ending with the previous hash.
/// </summary>
public static class AuditChain
{
    /// <summary>First line of the canonical form; changes only with a new format.</summary>
    public const string Version = "kontor-audit-v1";

    /// <summary>The previous hash of a tenant's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Times are hashed to the microsecond, the precision PostgreSQL keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>The text that is hashed: 13 lines joined by a line feed, no trailing line feed.</summary>
    public static string Canonical(AuditEntry entry) => string.Join('\n',
        Version,
        entry.Id.ToString("D"),
        entry.TenantId.ToString("D"),
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        Truncate(entry.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        entry.ActorId?.ToString("D") ?? "",
        entry.ActorKind.ToString(),
        entry.Channel.ToString(),
        entry.Action.ToString(),
        entry.RecordType ?? "",
        entry.RecordId?.ToString("D") ?? "",
        entry.Detail ?? "",
        entry.PreviousHash);

    public static string ComputeHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));
}
