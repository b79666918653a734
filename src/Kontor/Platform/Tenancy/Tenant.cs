namespace Kontor.Platform.Tenancy;

/// <summary>A customer organisation using Kontor; every business row belongs to exactly one tenant.</summary>
public sealed class Tenant
{
    private Tenant() { } // For EF Core.

    public Tenant(string name, string defaultCountry, DateTimeOffset now)
    {
        Name = name;
        DefaultCountry = defaultCountry;
        CreatedAt = now;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string Name { get; private set; } = "";

    /// <summary>ISO 3166 country used to read phone numbers written without a country code.</summary>
    public string DefaultCountry { get; private set; } = "DE";

    /// <summary>ISO 4217 currency of new opportunities, quotes and targets unless they name another.</summary>
    public string DefaultCurrency { get; private set; } = "EUR";

    /// <summary>When set, every user of the tenant must sign in with an authenticator app.</summary>
    public bool RequireMfa { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public void Rename(string name) => Name = name;

    public void SetDefaultCountry(string country) => DefaultCountry = country;

    public void SetDefaultCurrency(string currency) => DefaultCurrency = currency;

    public void SetMfaRequired(bool required) => RequireMfa = required;
}
