using System.Globalization;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;

namespace Kontor.Components.Shared;

/// <summary>How the UI writes instants, phone numbers and counts for the current user.</summary>
internal static class Formats
{
    public static string DateTime(DateTimeOffset? instant, CurrentUser user) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, user.TimeZone).ToString("g", CultureInfo.CurrentCulture) : "";

    public static string Phone(string? e164, CurrentUser user) =>
        e164 is null ? "" : Normalize.PhoneForDisplay(e164, user.DefaultCountry);

    /// <summary>"1.234" or "10.000+" for a capped count.</summary>
    public static string Count(int total, bool capped) =>
        total.ToString("N0", CultureInfo.CurrentCulture) + (capped ? "+" : "");
}
