using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Kontor.Features.Privacy.Consents;

/// <summary>
/// The single-use token of a double opt-in link: the tenant's id and 32 random bytes, base64url. Only its SHA-256 is
/// stored, so a copy of the database cannot confirm anything; the tenant part lets the anonymous page find the right
/// tenant without searching all of them.
/// </summary>
internal static class ConsentTokens
{
    private const int RandomBytes = 32;

    public static string New(Guid tenantId)
    {
        var bytes = new byte[16 + RandomBytes];
        tenantId.TryWriteBytes(bytes);
        RandomNumberGenerator.Fill(bytes.AsSpan(16));
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The tenant a token belongs to, or null for text that is no token.</summary>
    public static Guid? TenantOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(token);
            return bytes.Length == 16 + RandomBytes ? new Guid(bytes.AsSpan(0, 16)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
