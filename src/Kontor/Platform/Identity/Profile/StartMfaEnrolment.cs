using System.Globalization;
using System.Text;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Kontor.Platform.Identity.Profile;

/// <summary>What the user needs to add Kontor to an authenticator app.</summary>
/// <param name="SharedKey">The Base32 secret.</param>
/// <param name="FormattedKey">The secret in groups of four, for typing it in.</param>
/// <param name="AuthenticatorUri">The <c>otpauth://</c> URI the QR code holds.</param>
/// <param name="KeyChanged">A new key was stored, which changed the security stamp: the caller must renew the session.</param>
public sealed record MfaEnrolment(string SharedKey, string FormattedKey, string AuthenticatorUri, bool KeyChanged);

internal static class StartMfaEnrolment
{
    /// <summary>The name authenticator apps show above the code.</summary>
    public const string Issuer = "Kontor";

    /// <summary>
    /// The user's pending authenticator key, created on first call; the same key on later calls, so reloading
    /// the page does not invalidate a QR code the user has already scanned.
    /// </summary>
    public static async Task<MfaEnrolment> ExecuteAsync(UserManager<KontorUser> users, CurrentUser user)
    {
        CredentialRules.RequireSignIn(user);
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new ForbiddenException("The user no longer exists.");
        if (stored.TwoFactorEnabled)
        {
            throw new BusinessRuleException("Two-factor sign-in is already on. Set up a different authenticator app to replace it.");
        }

        var key = await users.GetAuthenticatorKeyAsync(stored);
        var changed = false;
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(stored);
            key = await users.GetAuthenticatorKeyAsync(stored);
            changed = true;
        }

        return new MfaEnrolment(key!, FormatKey(key!), AuthenticatorUri(stored.Email ?? "", key!), changed);
    }

    /// <summary>The key in groups of four (<c>ABCD EFGH …</c>), as authenticator apps expect it typed.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return formatted.ToString().TrimEnd().ToUpperInvariant();
    }

    /// <summary>The Key URI Format of Google Authenticator, understood by every common authenticator app.</summary>
    public static string AuthenticatorUri(string email, string key) => string.Create(
        CultureInfo.InvariantCulture,
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The QR code of <paramref name="uri"/> as an SVG that scales with its container.</summary>
    public static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
