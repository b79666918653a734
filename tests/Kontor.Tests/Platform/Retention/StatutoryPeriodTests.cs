using System.Net;
using System.Net.Http.Json;
using Kontor.Platform.Data;
using Kontor.Platform.Retention.Rules;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Retention;

/// <summary>Statutory periods run from the end of the calendar year of the record's date, and retention respects them.</summary>
public sealed class StatutoryPeriodTests(RetentionAppFactory app) : IClassFixture<RetentionAppFactory>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void Order_OfMarch2016_IsKeptUntilTheEndOf2026(string today, bool kept)
    {
        var periods = StatutoryPeriods.Default;
        var now = new DateTimeOffset(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddHours(12), Berlin.GetUtcOffset(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

        var keptFrom = periods.CutoffDateOf(StatutoryPeriods.Order, now);

        Assert.Equal(kept, new DateOnly(2016, 3, 10) >= keptFrom);
        Assert.Equal(new DateOnly(2027, 1, 1), periods.FreeFrom(StatutoryPeriods.Order, new DateOnly(2016, 3, 10)));
    }

    [Fact]
    public void SentQuote_IsKeptSixYearsFromTheEndOfItsYearInGermanTime()
    {
        var periods = StatutoryPeriods.Default;
        // Sent on New Year's Eve 2019 at 23:30 in Berlin, which is still 2019 there (22:30 UTC).
        var sent = new DateTimeOffset(2019, 12, 31, 22, 30, 0, TimeSpan.Zero);

        var lastDay = periods.CutoffOf(StatutoryPeriods.QuoteSent, new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero));
        var firstFreeDay = periods.CutoffOf(StatutoryPeriods.QuoteSent, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.True(sent >= lastDay);
        Assert.False(sent >= firstFreeDay);
    }

    [Fact]
    public async Task RecycleBin_KeepsASentQuoteInsideItsPeriodAndPurgesItWhenThePeriodIsShortened()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = (await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world))).Id();
        await world.Rep.ActAsync(quote, "send").ExpectAsync(HttpStatusCode.OK);
        var now = app.Clock.GetUtcNow();
        await app.InTenantAsync(world.Admin.TenantId, db => db.Quotes.Where(q => q.Id == quote)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.DeletedAt, now), Api.Ct));

        app.Clock.Advance(TimeSpan.FromDays(40));
        var admin = await app.SignInAsync(world.Admin.Email);
        var held = await admin.RunRetentionAsync(dryRun: false);

        Assert.True(held.SourceReport("recycle-bin").GetProperty("held").GetInt32() >= 1);
        Assert.DoesNotContain(quote, held.ItemIds("recycle-bin"));
        Assert.True(await QuoteExistsAsync(world.Admin.TenantId, quote));

        await admin.PutAsJsonAsync("/api/retention/statutory-periods", new { periods = new[] { new { recordType = "quote-sent", years = 0 } } }, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        var purged = await admin.RunRetentionAsync(dryRun: false);

        Assert.Contains(quote, purged.ItemIds("recycle-bin"));
        Assert.False(await QuoteExistsAsync(world.Admin.TenantId, quote));
    }

    private Task<bool> QuoteExistsAsync(Guid tenantId, Guid id) =>
        app.InTenantAsync(tenantId, db => db.Quotes.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(q => q.Id == id, Api.Ct));
}
