using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kontor.Platform.Data;

namespace Kontor.Platform.Identity;

/// <summary>What a personal access token may do.</summary>
public enum TokenScope
{
    /// <summary>GET requests only: every create, edit and delete permission is removed.</summary>
    Read,

    /// <summary>Everything the owning user may do.</summary>
    ReadWrite,
}

/// <summary>
/// A long-lived API credential of a user. Only a SHA-256 hash of the secret is stored; the secret is
/// shown once when the token is created.
/// </summary>
public sealed class PersonalAccessToken : TenantEntity
{
    /// <summary>Every token starts with this prefix so the authentication handler can recognise it.</summary>
    public const string Prefix = "kpat_";

    private PersonalAccessToken() { } // For EF Core.

    private PersonalAccessToken(Guid userId, string name, TokenScope scope, string hash, string hint, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        UserId = userId;
        Name = name;
        Scope = scope;
        SecretHash = hash;
        Hint = hint;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public TokenScope Scope { get; private set; }

    /// <summary>Hex SHA-256 of the whole token string.</summary>
    public string SecretHash { get; private set; } = "";

    /// <summary>The last four characters, so users can tell their tokens apart.</summary>
    public string Hint { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Creates a token and returns it with the secret, which is never stored.</summary>
    public static (PersonalAccessToken Token, string Secret) Issue(Guid userId, string name, TokenScope scope, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (new PersonalAccessToken(userId, name, scope, Hash(secret), secret[^4..], now, expiresAt), secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
