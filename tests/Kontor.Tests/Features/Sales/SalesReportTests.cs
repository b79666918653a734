using System.Net;
using System.Text;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>The sales reports: figures from SalesFigures, exported as CSV and XLSX, refused for other people's figures.</summary>
public sealed class SalesReportTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Reports_OfATeam_GroupByStageAndReason_AndExport()
    {
        var lead = await app.CreateTenantWithUserAsync("Reports", Roles.TeamLead);
        var rep = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(lead.TenantId, TeamKind.FieldSales, lead.Id, rep.Id);
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var t = lead.TenantId;
        var november = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        await app.AddOpportunityAsync(t, rep.Id, account, 30, 10_000, closeDate: new DateOnly(2026, 11, 1));
        await app.AddOpportunityAsync(t, lead.Id, account, 30, 2_550, closeDate: new DateOnly(2027, 5, 1));
        await app.AddOpportunityAsync(t, rep.Id, account, 40, 4_000, closeDate: new DateOnly(2026, 12, 1));
        await app.AddOpportunityAsync(t, rep.Id, account, 60, 7_000, closedAt: november, lossReason: "Price");
        await app.AddOpportunityAsync(t, rep.Id, account, 60, 3_000, closedAt: november, lossReason: "Price");
        await app.AddOpportunityAsync(t, rep.Id, account, 60, 1_000, closedAt: november, lossReason: "=HYPERLINK(\"x\")");
        await app.AddOpportunityAsync(t, rep.Id, account, 50, 9_000, closedAt: november);

        var stages = await lead.Client.GetJsonAsync($"/api/reports/sales/pipeline-by-stage?team={team}");
        var rows = stages.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.ToString()).ToList()).ToList();

        // Proposal (Angebot, the tenant is German): 10000 + 2550 cents = 125.50 EUR, weighted 50 %; Negotiation: 40.00 EUR, weighted 75 %.
        Assert.Equal(["Angebot", "EUR", "2", "125.5", "62.75"], rows[0]);
        Assert.Equal(["Verhandlung", "EUR", "1", "40", "30"], rows[1]);

        var reasons = await lead.Client.GetJsonAsync($"/api/reports/sales/won-lost-by-reason?team={team}&period=2026-Q4");
        var reasonRows = reasons.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.ToString()).ToList()).ToList();
        Assert.Equal(["Won", "", "EUR", "1", "90"], reasonRows[0]);
        Assert.Equal(["Lost", "Price", "EUR", "2", "100"], reasonRows[1]);

        var csv = await lead.Client.FetchAsync($"/api/reports/sales/won-lost-by-reason?team={team}&period=2026-Q4&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Api.Ct));
        Assert.Contains("Lost,Price,EUR,2,100", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);

        var xlsx = await lead.Client.FetchAsync($"/api/reports/sales/forecast-by-period?team={team}&period=2026-Q4&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Api.Ct);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Report_OfAPeersFigures_IsRefused_AndUnknownReportIs400()
    {
        var rep = await app.CreateTenantWithUserAsync("Peers", Roles.SalesRep);
        var peer = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);

        await rep.Client.FetchAsync($"/api/reports/sales/target-vs-actual?user={peer.Id}").ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.FetchAsync("/api/reports/sales/everything").ProblemAsync(HttpStatusCode.BadRequest, "report");
        await rep.Client.FetchAsync("/api/reports/sales/pipeline-by-stage?format=pdf").ProblemAsync(HttpStatusCode.BadRequest, "format");
        await rep.Client.FetchAsync("/api/reports/sales/pipeline-by-stage").ExpectAsync(HttpStatusCode.OK);
    }
}
