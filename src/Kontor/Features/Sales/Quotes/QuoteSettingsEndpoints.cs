using System.ComponentModel.DataAnnotations;
using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>The tenant's quote settings and letterhead as clients read and write them (<c>/api/quote-settings</c>).</summary>
public sealed class QuoteSettingsRequest
{
    /// <summary>A discount above this percentage needs the owner's manager's approval.</summary>
    [Range(0, 100)]
    public decimal ApprovalThresholdPercent { get; set; } = QuoteSettings.DefaultThreshold;

    [Range(1, 365)]
    public int ValidityDays { get; set; } = QuoteSettings.DefaultValidityDays;

    [MaxChars(200)]
    public string? CompanyName { get; set; }

    [MaxChars(200)]
    public string? Street { get; set; }

    [MaxChars(20)]
    public string? PostalCode { get; set; }

    [MaxChars(100)]
    public string? City { get; set; }

    [CountryCode]
    public string? Country { get; set; }

    [MaxChars(20), VatId]
    public string? VatId { get; set; }

    [MaxChars(40)]
    public string? Phone { get; set; }

    [MaxChars(254), Email]
    public string? Email { get; set; }

    [MaxChars(100)]
    public string? BankName { get; set; }

    [MaxChars(34)]
    public string? Iban { get; set; }

    [MaxChars(11)]
    public string? Bic { get; set; }

    [MaxChars(1000)]
    public string? FooterText { get; set; }

    public static QuoteSettingsRequest From(QuoteSettings s) => new()
    {
        ApprovalThresholdPercent = s.ApprovalThresholdPercent,
        ValidityDays = s.ValidityDays,
        CompanyName = s.CompanyName,
        Street = s.Street,
        PostalCode = s.PostalCode,
        City = s.City,
        Country = s.Country,
        VatId = s.VatId,
        Phone = s.Phone,
        Email = s.Email,
        BankName = s.BankName,
        Iban = s.Iban,
        Bic = s.Bic,
        FooterText = s.FooterText,
    };
}

/// <summary>One tax rate of the tenant.</summary>
public sealed class TaxRateRequest
{
    [Mandatory, CountryCode]
    public string Country { get; set; } = "DE";

    public TaxClass TaxClass { get; set; }

    [Range(0, 100)]
    public decimal RatePercent { get; set; }
}

internal static class QuoteSettingsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", (KontorDb db, CancellationToken ct) => GetAsync(db, ct))
            .WithName("GetQuoteSettings")
            .WithSummary("Get the approval threshold, validity and letterhead of quotes");
        group.MapPut("/", (QuoteSettingsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => SaveAsync(request, db, user, ct))
            .WithName("SaveQuoteSettings")
            .WithSummary("Change the approval threshold, validity and letterhead of quotes")
            .WithDescription("Administrators only. The letterhead is printed on every quote PDF.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/tax-rates", (KontorDb db, CancellationToken ct) => TaxRatesAsync(db, ct))
            .WithName("ListTaxRates")
            .WithSummary("List the tenant's own tax rates")
            .WithDescription("Rates the tenant set; without one the built-in rates apply (DE 19/7/0, AT 20/10/0, CH 8.1/2.6/0).");
        group.MapPut("/tax-rates", (List<TaxRateRequest> request, KontorDb db, CurrentUser user, CancellationToken ct) => SaveTaxRatesAsync(request, db, user, ct))
            .WithName("SaveTaxRates")
            .WithSummary("Replace the tenant's own tax rates")
            .WithDescription("Administrators only. Existing quotes keep the rates they were calculated with.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<QuoteSettingsRequest> GetAsync(KontorDb db, CancellationToken ct) =>
        QuoteSettingsRequest.From(await QuoteSettings.LoadAsync(db, ct));

    public static async Task<QuoteSettingsRequest> SaveAsync(QuoteSettingsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var errors = RequestValidator.Validate(request);
        if (decimal.Round(request.ApprovalThresholdPercent, QuoteCalculator.PercentDecimals) != request.ApprovalThresholdPercent)
        {
            errors["approvalThresholdPercent"] = ["Use at most 2 decimals."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var settings = await db.QuoteSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new QuoteSettings();
            db.QuoteSettings.Add(settings);
        }

        settings.ApprovalThresholdPercent = request.ApprovalThresholdPercent;
        settings.ValidityDays = request.ValidityDays;
        settings.CompanyName = QuotePricing.Text(request.CompanyName);
        settings.Street = QuotePricing.Text(request.Street);
        settings.PostalCode = QuotePricing.Text(request.PostalCode);
        settings.City = QuotePricing.Text(request.City);
        settings.Country = QuotePricing.Text(request.Country)?.ToUpperInvariant();
        settings.VatId = Normalize.VatId(request.VatId);
        settings.Phone = QuotePricing.Text(request.Phone);
        settings.Email = QuotePricing.Text(request.Email);
        settings.BankName = QuotePricing.Text(request.BankName);
        settings.Iban = QuotePricing.Text(request.Iban)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        settings.Bic = QuotePricing.Text(request.Bic)?.ToUpperInvariant();
        settings.FooterText = QuotePricing.Text(request.FooterText);
        await db.SaveChangesAsync(ct);
        return QuoteSettingsRequest.From(settings);
    }

    public static async Task<List<TaxRateRequest>> TaxRatesAsync(KontorDb db, CancellationToken ct) =>
        [.. (await db.TaxRates.AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.TaxClass)
            .Select(r => new TaxRateRequest { Country = r.Country, TaxClass = r.TaxClass, RatePercent = r.RatePercent })];

    public static async Task<List<TaxRateRequest>> SaveTaxRatesAsync(List<TaxRateRequest> request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new HashSet<(string, TaxClass)>();
        for (var i = 0; i < request.Count; i++)
        {
            foreach (var (field, messages) in RequestValidator.Validate(request[i]))
            {
                errors[$"[{i}].{field}"] = messages;
            }

            if (!Enum.IsDefined(request[i].TaxClass) || decimal.Round(request[i].RatePercent, QuoteCalculator.PercentDecimals) != request[i].RatePercent)
            {
                errors[$"[{i}].ratePercent"] = ["Use a rate between 0 and 100 with at most 2 decimals for a known tax class."];
            }

            if (!seen.Add((request[i].Country.Trim().ToUpperInvariant(), request[i].TaxClass)))
            {
                errors[$"[{i}].country"] = ["This country and tax class are listed twice."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        db.TaxRates.RemoveRange(await db.TaxRates.ToListAsync(ct));
        db.TaxRates.AddRange(request.Select(r => new TaxRate(r.Country.Trim().ToUpperInvariant(), r.TaxClass, r.RatePercent)));
        await db.SaveChangesAsync(ct);
        return await TaxRatesAsync(db, ct);
    }
}
