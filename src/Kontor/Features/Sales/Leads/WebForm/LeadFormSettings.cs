using System.Security.Cryptography;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Leads.WebForm;

/// <summary>A tenant's public web-to-lead form: the key in its address and the consent texts people agree to.</summary>
public sealed class LeadFormSettings : TenantEntity
{
    private LeadFormSettings() { } // For EF Core.

    public LeadFormSettings(Guid tenantId, DateTimeOffset now)
    {
        TenantId = tenantId;
        FormKey = NewKey(tenantId);
        KeyCreatedAt = now;
    }

    /// <summary>
    /// The form's public key: the tenant id (32 hex digits) followed by a random secret. The public endpoint
    /// finds the tenant from the key without a query across tenants; regenerating replaces the secret only.
    /// </summary>
    public string FormKey { get; private set; } = "";

    public DateTimeOffset KeyCreatedAt { get; private set; }

    /// <summary>Consent text shown to English-speaking visitors; the built-in text when null.</summary>
    public string? ConsentTextEnglish { get; private set; }

    /// <summary>Consent text shown to German-speaking visitors; the built-in text when null.</summary>
    public string? ConsentTextGerman { get; private set; }

    /// <summary>The source given to leads from the form.</summary>
    public string Source { get; private set; } = DefaultSource;

    public const string DefaultSource = "Web form";

    public const int SecretLength = 24;

    public void Regenerate(DateTimeOffset now)
    {
        FormKey = NewKey(TenantId);
        KeyCreatedAt = now;
    }

    public void Change(string? consentTextEnglish, string? consentTextGerman, string source)
    {
        ConsentTextEnglish = consentTextEnglish;
        ConsentTextGerman = consentTextGerman;
        Source = source;
    }

    /// <summary>The tenant a key names, or null when the key is malformed.</summary>
    public static Guid? TenantOf(string? formKey) =>
        formKey is { Length: 32 + SecretLength } && Guid.TryParseExact(formKey[..32], "N", out var tenantId) ? tenantId : null;

    private static string NewKey(Guid tenantId) =>
        tenantId.ToString("N") + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", SecretLength);
}

internal sealed class LeadFormSettingsConfiguration : IEntityTypeConfiguration<LeadFormSettings>
{
    public void Configure(EntityTypeBuilder<LeadFormSettings> settings)
    {
        settings.ToTable("LeadFormSettings");
        settings.Property(s => s.FormKey).HasMaxLength(64);
        settings.Property(s => s.ConsentTextEnglish).HasMaxLength(2000);
        settings.Property(s => s.ConsentTextGerman).HasMaxLength(2000);
        settings.Property(s => s.Source).HasMaxLength(100);
        settings.HasIndex(s => s.TenantId).IsUnique();
        settings.HasIndex(s => new { s.TenantId, s.FormKey }).IsUnique();
    }
}
