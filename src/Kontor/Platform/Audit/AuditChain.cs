using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kontor.Platform.Audit;

/// <summary>
/// The hash chain format of the audit log, documented in <c>docs/audit.md</c> so an auditor can check it with
/// other tools: SHA-256 over the UTF-8 bytes of the entry's fields, one per line, ending with the previous hash.
/// Entries of format v2 (ADR 0028) hash the person-identifying fields only through a salted digest, so retention can
/// remove the fields and the salt while the entry still verifies from the stored digest.
/// </summary>
public static class AuditChain
{
    /// <summary>First line of the canonical form of entries written before the personal digest existed.</summary>
    public const string VersionV1 = "kontor-audit-v1";

    /// <summary>First line of the canonical form of entries with a personal digest; every new entry has this format.</summary>
    public const string VersionV2 = "kontor-audit-v2";

    /// <summary>The record types whose id names a person; in format v2 such an id enters the hash through the personal digest.</summary>
    public static IReadOnlyList<string> PersonRecordTypes { get; } = ["user", "employee"];

    /// <summary>The previous hash of a tenant's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Times are hashed to the microsecond, the precision PostgreSQL keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Whether the record of an entry is a person, so its id is person-identifying.</summary>
    public static bool IsPerson(string? recordType) => recordType is not null && PersonRecordTypes.Contains(recordType);

    /// <summary>The text that is hashed: 13 lines joined by a line feed, no trailing line feed; its first line names the format.</summary>
    public static string Canonical(AuditEntry entry) => entry.PersonalDigest is null ? CanonicalV1(entry) : CanonicalV2(entry);

    public static string ComputeHash(AuditEntry entry) => Sha256(Canonical(entry));

    /// <summary>
    /// The personal digest of format v2: SHA-256 over three lines, the salt, the actor's id and (for a person's record)
    /// the record's id. The salt keeps anyone who knows the users' ids from recomputing it for a redacted entry.
    /// </summary>
    public static string PersonalDigestOf(AuditEntry entry) => Sha256(string.Join('\n',
        entry.PersonalSalt ?? "",
        entry.ActorId?.ToString("D") ?? "",
        IsPerson(entry.RecordType) ? entry.RecordId?.ToString("D") ?? "" : ""));

    /// <summary>
    /// Whether an entry's stored hash matches its content. An unredacted v2 entry must give its stored digest from its
    /// fields and salt; a redacted one must have no person-identifying field left, and is checked from its stored digest.
    /// </summary>
    public static bool Matches(AuditEntry entry)
    {
        if (entry.PersonalDigest is not null)
        {
            var personalFieldsValid = entry.RedactedAt is null
                ? entry.PersonalSalt is not null && string.Equals(PersonalDigestOf(entry), entry.PersonalDigest, StringComparison.Ordinal)
                : entry.PersonalSalt is null && entry.ActorId is null && !(IsPerson(entry.RecordType) && entry.RecordId is not null);
            if (!personalFieldsValid)
            {
                return false;
            }
        }
        else if (entry.RedactedAt is not null || entry.PersonalSalt is not null)
        {
            // Entries of format v1 cannot be redacted: their hash covers the fields themselves.
            return false;
        }

        return string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal);
    }

    /// <summary>A fresh random salt: 16 bytes as 32 lower-case hex digits.</summary>
    internal static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string CanonicalV1(AuditEntry entry) => string.Join('\n',
        VersionV1,
        entry.Id.ToString("D"),
        entry.TenantId.ToString("D"),
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        Time(entry.At),
        entry.ActorId?.ToString("D") ?? "",
        entry.ActorKind.ToString(),
        entry.Channel.ToString(),
        entry.Action.ToString(),
        entry.RecordType ?? "",
        entry.RecordId?.ToString("D") ?? "",
        entry.Detail ?? "",
        entry.PreviousHash);

    private static string CanonicalV2(AuditEntry entry) => string.Join('\n',
        VersionV2,
        entry.Id.ToString("D"),
        entry.TenantId.ToString("D"),
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        Time(entry.At),
        entry.PersonalDigest,
        entry.ActorKind.ToString(),
        entry.Channel.ToString(),
        entry.Action.ToString(),
        entry.RecordType ?? "",
        IsPerson(entry.RecordType) ? "" : entry.RecordId?.ToString("D") ?? "",
        entry.Detail ?? "",
        entry.PreviousHash);

    private static string Time(DateTimeOffset at) =>
        Truncate(at).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
