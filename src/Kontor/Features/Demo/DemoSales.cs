using System.Globalization;
using System.Security.Claims;
using Bogus;
using Kontor.Features.Activities.Shared;
using Kontor.Features.Activities.Visits;
using Kontor.Features.Customers;
using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Features.Sales.Targets;
using Kontor.Features.Sales.UpsellSignals;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Demo;

/// <summary>
/// The demo tenant's catalogue and sales work: products on a price list, the tax rates, quotes in every state of their
/// life (one waiting for the team lead's approval, one accepted into an order), targets for the current quarter,
/// visits this week and two upsell signals. Created through the use cases themselves, each signed in as the demo user
/// who would do it, so totals, approvals, orders and their outbox events are what the application makes of them.
/// Picks come from a seed of their own, so the data loaded before stays as it was.
/// </summary>
internal static class DemoSales
{
    private const string Admin = "admin@demo.kontor";
    private const string Sabine = "sales@demo.kontor";
    private const string Inside = "inside@demo.kontor";
    private static readonly string[] Reps = ["sales@demo.kontor", "sales2@demo.kontor", "sales3@demo.kontor"];

    /// <summary>Code, name, unit, tax class and list price (cents) of the demo products.</summary>
    private static readonly (string Code, string Name, string Unit, TaxClass TaxClass, long Price)[] Catalogue =
    [
        ("HP-200", "Hydraulikpresse HP 200", "Stk", TaxClass.Standard, 4_850_000),
        ("SR-6", "Schweißroboter SR 6", "Stk", TaxClass.Standard, 6_200_000),
        ("FB-10", "Förderband 10 m", "Stk", TaxClass.Standard, 1_250_000),
        ("WV-J", "Wartungsvertrag (ein Jahr)", "Jahr", TaxClass.Standard, 480_000),
        ("ET-S", "Ersatzteilset Standard", "Stk", TaxClass.Standard, 89_000),
        ("SRV-H", "Servicetechniker vor Ort", "h", TaxClass.Standard, 9_500),
        ("SCH-T", "Bedienerschulung", "Tag", TaxClass.Standard, 120_000),
        ("HB-DE", "Betriebshandbuch, gedruckt", "Stk", TaxClass.Reduced, 4_900),
    ];

    public static async Task AddAsync(IServiceProvider services, Guid tenantId, IReadOnlyDictionary<string, KontorUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var faker = new Faker("de") { Random = new Randomizer(2030) };
        var products = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await AsAsync(services, tenantId, users[Admin].Id, async (scope, user, db) =>
        {
            foreach (var (code, name, unit, taxClass, _) in Catalogue)
            {
                var product = await CreateProduct.ExecuteAsync(new ProductRequest { Code = code, Name = name, Unit = unit, TaxClass = taxClass }, db, user, ct);
                products[code] = product.Id;
            }

            var list = await SavePriceList.ExecuteAsync(
                null, new PriceListRequest { Name = $"Listenpreise {now.Year.ToString(CultureInfo.InvariantCulture)}", Currency = "EUR" }, db, user, ct);
            foreach (var (code, _, _, _, price) in Catalogue)
            {
                await SetPrice.ExecuteAsync(list!.Id, products[code], price, db, user, ct);
            }

            await QuoteSettingsEndpoints.SaveTaxRatesAsync(
            [
                new TaxRateRequest { Country = "DE", TaxClass = TaxClass.Standard, RatePercent = 19m },
                new TaxRateRequest { Country = "DE", TaxClass = TaxClass.Reduced, RatePercent = 7m },
                new TaxRateRequest { Country = "DE", TaxClass = TaxClass.Exempt, RatePercent = 0m },
                new TaxRateRequest { Country = "AT", TaxClass = TaxClass.Standard, RatePercent = 20m },
                new TaxRateRequest { Country = "AT", TaxClass = TaxClass.Reduced, RatePercent = 10m },
            ], db, user, ct);

            // Targets of the current quarter: each field rep and each field-sales team.
            var quarter = SalesPeriod.Containing(Today(now), PeriodKind.Quarter).Key;
            var figures = scope.GetRequiredService<SalesFigures>();
            var clock = scope.GetRequiredService<TimeProvider>();
            foreach (var rep in Reps)
            {
                await CreateTarget.ExecuteAsync(
                    new CreateTargetRequest { UserId = users[rep].Id, Period = quarter, Amount = faker.Random.Int(15, 30) * 1_000_000L, Currency = "EUR" },
                    db, figures, user, clock, ct);
            }

            foreach (var team in await db.Teams.Where(t => t.Kind == TeamKind.FieldSales).OrderBy(t => t.Name).ToListAsync(ct))
            {
                await CreateTarget.ExecuteAsync(
                    new CreateTargetRequest { TeamId = team.Id, Period = quarter, Amount = faker.Random.Int(50, 80) * 1_000_000L, Currency = "EUR" },
                    db, figures, user, clock, ct);
            }
        }, ct);

        await AddQuotesAsync(services, tenantId, users, products, ct);
        await AddVisitsAsync(services, tenantId, users, faker, now, ct);
        await AddUpsellSignalsAsync(services, tenantId, users, now, ct);
    }

    /// <summary>Sabine Sommer's quotes: a draft, one waiting for Thomas Lehmann's approval, a sent, a rejected and an accepted one (an order).</summary>
    private static Task AddQuotesAsync(
        IServiceProvider services, Guid tenantId, IReadOnlyDictionary<string, KontorUser> users, Dictionary<string, Guid> products, CancellationToken ct) =>
        AsAsync(services, tenantId, users[Sabine].Id, async (scope, user, db) =>
        {
            var access = scope.GetRequiredService<AccessScope>();
            var audit = scope.GetRequiredService<AuditTrail>();
            var deals = await db.Opportunities
                .Where(o => o.OwnerId == user.Id && o.Outcome == StageOutcome.Open)
                .OrderBy(o => o.Name).ThenBy(o => o.CloseDate).ThenBy(o => o.Amount)
                .Select(o => o.Id).Take(5).ToListAsync(ct);

            QuoteLineRequest Line(string code, decimal quantity, decimal? discount = null) =>
                new() { ProductId = products[code], Quantity = quantity, DiscountPercent = discount };

            async Task<Guid> QuoteAsync(Guid deal, decimal? discount, params QuoteLineRequest[] lines) =>
                (await CreateQuote.ExecuteAsync(new QuoteRequest { OpportunityId = deal, DiscountPercent = discount, Lines = [.. lines] }, db, access, ct)).Id;

            await QuoteAsync(deals[0], null, Line("HP-200", 1, 5m), Line("WV-J", 1));

            var waiting = await QuoteAsync(deals[1], null, Line("SR-6", 2, 15m), Line("SCH-T", 3));
            await RequestQuoteApproval.ExecuteAsync(waiting, db, access, user, audit, ct);

            var sent = await QuoteAsync(deals[2], null, Line("FB-10", 4), Line("SRV-H", 16));
            await SendQuote.ExecuteAsync(sent, db, access, audit, ct);

            var rejected = await QuoteAsync(deals[3], 8m, Line("HP-200", 1));
            await SendQuote.ExecuteAsync(rejected, db, access, audit, ct);
            await AnswerQuote.ExecuteAsync(rejected, accepted: false, new QuoteCommentRequest { Comment = "Preis zu hoch, Wettbewerber günstiger" }, db, access, audit, ct);

            var accepted = await QuoteAsync(deals[4], null, Line("ET-S", 10), Line("SCH-T", 2), Line("HB-DE", 3));
            await SendQuote.ExecuteAsync(accepted, db, access, audit, ct);
            await AnswerQuote.ExecuteAsync(accepted, accepted: true, null, db, access, audit, ct);
        }, ct);

    /// <summary>For each field rep a visit reported earlier this week and one planned later this week, at their own accounts.</summary>
    private static async Task AddVisitsAsync(
        IServiceProvider services, Guid tenantId, IReadOnlyDictionary<string, KontorUser> users, Faker faker, DateTimeOffset now, CancellationToken ct)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTime(now, berlin);
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        DateTimeOffset At(DateTime day, int hour) => new(day.AddHours(hour), berlin.GetUtcOffset(day.AddHours(hour)));

        // Reported: Monday morning, or just after midnight when the demo is loaded early on a Monday (before that, last
        // night); planned: tomorrow, or later today on a Sunday.
        var reported = new[] { At(monday, 9), At(monday, 0).AddMinutes(15) }.FirstOrDefault(start => start.AddMinutes(90) <= now, now.AddHours(-3));
        var planned = local.DayOfWeek == DayOfWeek.Sunday ? now.AddHours(2) : At(local.Date.AddDays(1), 10);
        foreach (var rep in Reps)
        {
            await AsAsync(services, tenantId, users[rep].Id, async (scope, user, db) =>
            {
                var activities = scope.GetRequiredService<ActivityAccess>();
                var clock = scope.GetRequiredService<TimeProvider>();
                var accounts = await db.Accounts.Where(a => a.OwnerId == user.Id).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.BillingAddress.City }).Take(20).ToListAsync(ct);
                var (done, next) = (faker.PickRandom(accounts), faker.PickRandom(accounts));
                var deals = await db.Opportunities.Where(o => o.AccountId == done.Id && o.Outcome == StageOutcome.Open).Select(o => o.Id).ToListAsync(ct);
                var contacts = await db.Contacts.Where(c => c.AccountId == done.Id).OrderBy(c => c.LastName).Select(c => c.Id).Take(1).ToListAsync(ct);

                var visit = await PlanVisit.ExecuteAsync(
                    new PlanVisitRequest
                    {
                        TargetType = CustomerObjects.Accounts.Key, TargetId = done.Id, Subject = $"Besuch {done.Name}",
                        StartsAt = reported, EndsAt = reported.AddMinutes(90), Location = done.City, Purpose = "Bedarf für das nächste Jahr klären",
                        OpportunityIds = deals,
                    },
                    activities, ct);
                await ReportVisit.ExecuteAsync(
                    visit!.Id,
                    new ReportVisitRequest
                    {
                        Outcome = VisitOutcome.Positive,
                        Summary = "Werkleitung plant Erweiterung der Fertigung; Interesse an Wartungsvertrag und Schulung.",
                        NextSteps = "Angebot für Wartungsvertrag schicken",
                        ContactIds = contacts,
                        FollowUps = [new FollowUpTaskRequest { Subject = $"Angebot Wartung {done.Name}", DueOn = DateOnly.FromDateTime(local.Date.AddDays(7)) }],
                    },
                    activities, clock, ct);
                await PlanVisit.ExecuteAsync(
                    new PlanVisitRequest
                    {
                        TargetType = CustomerObjects.Accounts.Key, TargetId = next.Id, Subject = $"Besuch {next.Name}",
                        StartsAt = planned, EndsAt = planned.AddHours(1), Location = next.City, Purpose = "Vorstellung der neuen Produktlinie",
                    },
                    activities, ct);
            }, ct);
        }
    }

    /// <summary>Two signals Ines Imhoff raised for Sabine Sommer's accounts: one open, one Sabine converted into business.</summary>
    private static async Task AddUpsellSignalsAsync(
        IServiceProvider services, Guid tenantId, IReadOnlyDictionary<string, KontorUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var raised = new List<Guid>();
        await AsAsync(services, tenantId, users[Inside].Id, async (scope, user, db) =>
        {
            var team = await db.TeamMembers.Where(m => m.UserId == user.Id).Select(m => m.TeamId).FirstAsync(ct);
            var accounts = await db.Accounts.Where(a => a.OwnerId == users[Sabine].Id && a.InsideSalesTeamId == team)
                .OrderBy(a => a.Name).Select(a => a.Id).Take(2).ToListAsync(ct);
            var access = scope.GetRequiredService<AccessScope>();
            var clock = scope.GetRequiredService<TimeProvider>();
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, user.TimeZone).DateTime);
            string[] asks = ["Kunde fragt nach der größeren Presse für das neue Werk", "Kunde braucht Schulung für neue Mitarbeiter in der Fertigung"];
            for (var i = 0; i < accounts.Count; i++)
            {
                var signal = await RaiseUpsellSignal.ExecuteAsync(
                    new RaiseUpsellSignalRequest { AccountId = accounts[i], Description = asks[i], DueOn = today.AddDays(3 + i) }, db, user, access, clock, ct);
                raised.Add(signal!.Id);
            }
        }, ct);

        await AsAsync(services, tenantId, users[Sabine].Id, async (scope, user, db) =>
            await DecideUpsellSignal.ExecuteAsync(raised[^1], UpsellSignalStatus.Converted, null, db, user, scope.GetRequiredService<TimeProvider>(), ct), ct);
    }

    /// <summary>Runs <paramref name="work"/> in a scope of its own, signed in as the user, with the scope's context.</summary>
    internal static async Task AsAsync(IServiceProvider services, Guid tenantId, Guid userId, Func<IServiceProvider, CurrentUser, KontorDb, Task> work, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(KontorClaims.Tenant, tenantId.ToString())], "Demo"));
        if (!await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Ui, ct))
        {
            throw new InvalidOperationException("A demo user could not be signed in.");
        }

        await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<CurrentUser>(), scope.ServiceProvider.GetRequiredService<KontorDb>());
    }

    private static DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
}
