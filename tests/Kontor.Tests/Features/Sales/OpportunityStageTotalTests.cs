using Kontor.Features.Sales;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Sales;

/// <summary>The running totals behind the board (ADR 0026) against the totals added up from the opportunities themselves.</summary>
public sealed class OpportunityStageTotalTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static readonly string[] Currencies = ["EUR", "CHF", "USD"];

    [Fact]
    public async Task RandomWrites_RunningTotals_EqualTheTotalsAddedUpFromTheOpportunities()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await app.CreateTenantAsync("Totals");
        await app.SetSharingAsync(tenant, SalesObjects.Opportunities, SharingLevel.Private);
        var admin = await app.CreateUserAsync(tenant, [Roles.Admin]);
        var lead = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var reps = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            reps.Add(await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: i < 2 ? lead.Id : null));
        }

        var agent = await app.CreateUserAsync(tenant, [Roles.InsideSales]);
        var team = await app.CreateTeamAsync(tenant, TeamKind.InsideSales, agent.Id);
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        Guid?[] teams = [null, team];
        var owners = reps.Select(r => r.Id).Append(lead.Id).ToList();
        var random = new Random(2026);

        // Every kind of write: EF inserts and changes (amount, currency, owner, team, stage), set-based updates of many
        // rows at once, recycle bin and restore, hard deletes; each in its own transaction, as the slices write.
        for (var round = 0; round < 15; round++)
        {
            await admin.RunAsync(async (services, user) =>
            {
                var db = services.GetRequiredService<KontorDb>();
                var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
                var stages = pipeline.Stages.ToList();
                var now = DateTimeOffset.UtcNow;
                for (var i = random.Next(1, 8); i > 0; i--)
                {
                    var owner = owners[random.Next(owners.Count)];
                    var fields = new OpportunityFields(
                        $"Deal {round}-{i}", account, owner, teams[random.Next(teams.Length)], random.Next(4) == 0 ? null : random.Next(1, 1_000_000),
                        Currencies[random.Next(Currencies.Length)], DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-100, 100)), null, null, null, null, null);
                    db.Opportunities.Add(new Opportunity(fields, pipeline, stages[random.Next(stages.Count)], user.Id, now));
                }

                await db.SaveChangesAsync(ct);

                var tracked = await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Include(o => o.StageHistory).ToListAsync(ct);
                foreach (var opportunity in tracked.Where(_ => random.Next(3) == 0))
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            opportunity.MoveTo(stages[random.Next(stages.Count)], user.Id, now);
                            break;
                        case 1:
                            opportunity.Apply(Fields(opportunity) with
                            {
                                Amount = random.Next(3) == 0 ? null : random.Next(1, 1_000_000),
                                Currency = Currencies[random.Next(Currencies.Length)],
                                OwnerId = owners[random.Next(owners.Count)],
                                InsideSalesTeamId = teams[random.Next(teams.Length)],
                            });
                            break;
                        default:
                            opportunity.Apply(Fields(opportunity) with { Name = opportunity.Name + "!" });
                            break;
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();

                var ids = tracked.Select(o => o.Id).Where(_ => random.Next(4) == 0).ToList();
                var raise = random.Next(1, 1000);
                await db.Opportunities.IgnoreQueryFilters().Where(o => ids.Contains(o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Amount, o => (o.Amount ?? 0) + raise), ct);
                var recycled = tracked.Select(o => o.Id).Where(_ => random.Next(6) == 0).ToList();
                await db.Opportunities.IgnoreQueryFilters().Where(o => recycled.Contains(o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.DeletedAt, now), ct);
                var restored = tracked.Where(o => o.DeletedAt != null && random.Next(2) == 0).Select(o => o.Id).ToList();
                await db.Opportunities.IgnoreQueryFilters().Where(o => restored.Contains(o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.DeletedAt, (DateTimeOffset?)null), ct);
                var deleted = tracked.Select(o => o.Id).Where(_ => random.Next(12) == 0).ToList();
                await db.OpportunityStageChanges.IgnoreQueryFilters().Where(h => deleted.Contains(h.OpportunityId)).ExecuteDeleteAsync(ct);
                await db.Opportunities.IgnoreQueryFilters().Where(o => deleted.Contains(o.Id)).ExecuteDeleteAsync(ct);
                return 0;
            });
        }

        var (running, recomputed) = await admin.RunAsync(async (services, _) =>
        {
            var db = services.GetRequiredService<KontorDb>();
            var running = await db.OpportunityStageTotals.Where(t => t.Count != 0 || t.Amount != 0)
                .Select(t => new Row(t.PipelineId, t.StageId, t.Currency, t.OwnerId, t.InsideSalesTeamKey, t.Count, t.Amount))
                .ToListAsync(ct);
            var recomputed = await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
                .GroupBy(o => new { o.PipelineId, o.StageId, o.Currency, o.OwnerId, o.InsideSalesTeamId })
                .Select(g => new Row(g.Key.PipelineId, g.Key.StageId, g.Key.Currency, g.Key.OwnerId, g.Key.InsideSalesTeamId ?? Guid.Empty, g.Count(), g.Sum(o => o.Amount ?? 0)))
                .ToListAsync(ct);
            return (running, recomputed);
        });
        Assert.NotEmpty(recomputed);
        Assert.Equal(Sorted(recomputed), Sorted(running));

        // The board's totals from the running totals, with the reader's access applied, equal the row-by-row sums.
        foreach (var reader in new[] { admin, lead, reps[0], reps[2], agent })
        {
            foreach (var owner in new[] { null, "me", reps[0].Id.ToString() })
            {
                var (fromTotals, fromRows) = await reader.RunAsync(async (services, user) =>
                {
                    var db = services.GetRequiredService<KontorDb>();
                    var access = services.GetRequiredService<AccessScope>();
                    var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
                    var filter = new ListOpportunitiesRequest { Pipeline = pipeline.Id, Owner = owner };
                    var source = ListOpportunities.Filter(filter, db, user);
                    return (await GetOpportunityBoard.TotalsAsync(filter, source, db, user, access, ct), await GetOpportunityBoard.RowTotalsAsync(source, ct));
                });
                Assert.Equal(Board(fromRows), Board(fromTotals));
            }
        }
    }

    [Fact]
    public async Task Board_CardsOfAllColumnsReadTogether_KeepTheListsCloseDateOrderAndCursor()
    {
        var admin = await app.CreateTenantWithUserAsync("Totals");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        string?[] dates = ["2026-05-01", "2026-03-01", null, "2026-03-01", "2026-03-01", "2026-01-15", null];
        foreach (var (date, i) in dates.Select((d, i) => (d, i)))
        {
            await admin.Client.CreateOpportunityAsync(new { name = $"Deal {i}", accountId = account, closeDate = date });
        }

        var other = (await admin.Client.CreateOpportunityAsync(new { name = "Elsewhere", accountId = account, closeDate = "2026-02-01" })).Id();
        await admin.Client.MoveAsync(other, pipeline.StageId("Bedarfsanalyse")).ExpectAsync(System.Net.HttpStatusCode.OK);

        var board = await admin.Client.GetJsonAsync("/api/opportunities/board?limit=4");
        var list = await admin.Client.GetJsonAsync($"/api/opportunities?pipeline={pipeline.Id()}&stage={pipeline.StageId("Qualifizierung")}&sort=closeDate&limit=4");

        var columns = board.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(list.Ids(), columns[0].GetProperty("cards").EnumerateArray().Select(c => c.Id()));
        Assert.Equal(list.Str("nextCursor"), columns[0].Str("nextCursor"));
        Assert.Equal([other], columns[1].GetProperty("cards").EnumerateArray().Select(c => c.Id()));
        Assert.Null(columns[1].Str("nextCursor"));
    }

    private static OpportunityFields Fields(Opportunity o) =>
        new(o.Name, o.AccountId, o.OwnerId, o.InsideSalesTeamId, o.Amount, o.Currency, o.CloseDate, o.NextStep, o.LeadSource, o.Competitors, o.LossReason, o.Description);

    private static List<Row> Sorted(List<Row> rows) =>
        [.. rows.OrderBy(r => r.StageId).ThenBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.OwnerId).ThenBy(r => r.Team)];

    private static List<string> Board(List<GetOpportunityBoard.StageCurrencyTotal> totals) =>
        [.. totals.Where(t => t.Count != 0).Select(t => $"{t.StageId} {t.Currency} {t.Count} {t.Sum}").Order(StringComparer.Ordinal)];

    private sealed record Row(Guid PipelineId, Guid StageId, string Currency, Guid OwnerId, Guid Team, int Count, long Amount);
}
