using Kontor.Platform.Validation;

namespace Kontor.Platform.Administration.Tenant;

/// <summary>The organisation's settings as clients send them: the result of a <c>PATCH</c> and the model of the settings form.</summary>
public sealed class TenantSettingsRequest
{
    /// <summary>Unique on this server.</summary>
    [Mandatory, MaxChars(200)]
    public string Name { get; set; } = "";

    /// <summary>ISO 3166 country used to read phone numbers written without a country code.</summary>
    [Mandatory, CountryCode]
    public string DefaultCountry { get; set; } = "DE";

    /// <summary>Every user must sign in with an authenticator app.</summary>
    public bool RequireMfa { get; set; }

    public static TenantSettingsRequest From(TenantSettingsResponse settings) => new()
    {
        Name = settings.Name,
        DefaultCountry = settings.DefaultCountry,
        RequireMfa = settings.RequireMfa,
    };
}

/// <summary>The organisation's settings as the administration API returns them.</summary>
public sealed record TenantSettingsResponse(Guid Id, string Name, string DefaultCountry, bool RequireMfa, DateTimeOffset CreatedAt);
