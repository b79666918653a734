using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kontor.Platform.Http;

/// <summary>The cultures Kontor speaks (German and English) and formats for.</summary>
public static class KontorCultures
{
    public const string Default = "en-GB";

    /// <summary>Language and formats a user can choose; resources exist for <c>de</c> and <c>en</c>.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["de-DE", "de-AT", "de-CH", "en-GB", "en-US"];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    public static CultureInfo[] All => [.. Supported.Select(CultureInfo.GetCultureInfo)];

    /// <summary>Cookie the request localisation middleware reads; written at sign-in and on language change.</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = All,
            SupportedUICultures = All,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };

        // Cookie first (the user's choice), then the browser's Accept-Language; query strings are not used.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }
}
