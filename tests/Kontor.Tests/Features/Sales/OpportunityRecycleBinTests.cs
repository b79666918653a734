using System.Net;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Sales;

/// <summary>An account's open opportunities share its way through the recycle bin; the recycle bin page lists leads and opportunities.</summary>
public sealed class OpportunityRecycleBinTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task DeleteAccount_TakesItsOpenOpportunitiesAlong_RestoreBringsBackExactlyThose()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunity recycle bin");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var open = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();
        var deletedBefore = (await admin.Client.CreateOpportunityAsync("Old idea", account)).Id();
        var lost = (await admin.Client.CreateOpportunityAsync("Lost deal", account)).Id();
        await admin.Client.MoveAsync(lost, pipeline.StageId("Verloren"), lossReason: "Price").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.RemoveAsync($"/api/opportunities/{deletedBefore}").ExpectAsync(HttpStatusCode.NoContent);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        await admin.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        await admin.Client.FetchAsync($"/api/opportunities/{open}").ExpectAsync(HttpStatusCode.NotFound);
        await admin.Client.FetchAsync($"/api/opportunities/{lost}").ExpectAsync(HttpStatusCode.OK);
        var bin = await admin.Client.GetJsonAsync("/api/opportunities/deleted");
        Assert.Equal([open, deletedBefore], bin.Ids());

        await admin.Client.PostJsonAsync($"/api/accounts/{account}/restore", new { }).ExpectAsync(HttpStatusCode.OK);

        await admin.Client.FetchAsync($"/api/opportunities/{open}").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.FetchAsync($"/api/opportunities/{deletedBefore}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal([deletedBefore], (await admin.Client.GetJsonAsync("/api/opportunities/deleted")).Ids());
    }

    [Fact]
    public async Task DeleteAccount_TakesAlongOpportunitiesTheDeletingUserCannotSee()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunity recycle bin");
        await app.SetSharingAsync(admin.TenantId, SalesObjects.Opportunities, SharingLevel.Private);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var account = (await admin.Client.CreateAccountAsync(new { name = "Acme", ownerId = rep.Id })).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync(new { name = "Press line", accountId = account, ownerId = admin.Id })).Id();
        await rep.Client.FetchAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.NotFound);

        await rep.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        await admin.Client.FetchAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.NotFound);
        await rep.Client.PostJsonAsync($"/api/accounts/{account}/restore", new { }).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.FetchAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RestoreOpportunity_WhileItsAccountIsInTheRecycleBin_Returns409()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunity recycle bin");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();
        await admin.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        var problem = await admin.Client.PostJsonAsync($"/api/opportunities/{opportunity}/restore", new { }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("restore the account", problem.Str("title"), StringComparison.Ordinal);
        await admin.Client.FetchAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RecycleBinSources_ListDeletedLeadsAndOpportunitiesWithDeleter_AndRestoreThem()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunity recycle bin");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();
        var lead = (await admin.Client.CreateLeadAsync(new { firstName = "Greta", lastName = "Gießer", company = "Gießerei Gießer KG" })).Id();
        await admin.Client.RemoveAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.NoContent);
        await admin.Client.RemoveAsync($"/api/leads/{lead}").ExpectAsync(HttpStatusCode.NoContent);

        var (types, leads, opportunities) = await admin.RunAsync(async (services, _) =>
        {
            var sources = services.GetRequiredService<IEnumerable<IRecycleBinSource>>().OrderBy(s => s.Order).ToList();
            var db = services.GetRequiredService<KontorDb>();
            var leads = await sources.Single(s => s.Type == "lead").ListAsync(db, null, 25, Api.Ct);
            var opportunities = await sources.Single(s => s.Type == "opportunity").ListAsync(db, null, 25, Api.Ct);
            return (sources.Select(s => s.Type).ToList(), leads, opportunities);
        });

        Assert.Equal(["account", "contact", "lead", "opportunity"], types);
        var deletedLead = Assert.Single(leads.Items);
        Assert.Equal((lead, "Greta Gießer", "Gießerei Gießer KG"), (deletedLead.Id, deletedLead.Name, deletedLead.Detail));
        Assert.False(string.IsNullOrEmpty(deletedLead.DeletedBy));
        var deletedOpportunity = Assert.Single(opportunities.Items);
        Assert.Equal((opportunity, "Press line", "Acme"), (deletedOpportunity.Id, deletedOpportunity.Name, deletedOpportunity.Detail));

        var restored = await admin.RunAsync(async (services, _) =>
        {
            var sources = services.GetRequiredService<IEnumerable<IRecycleBinSource>>().ToList();
            var db = services.GetRequiredService<KontorDb>();
            var access = services.GetRequiredService<AccessScope>();
            return (await sources.Single(s => s.Type == "lead").RestoreAsync(db, access, lead, Api.Ct),
                await sources.Single(s => s.Type == "opportunity").RestoreAsync(db, access, opportunity, Api.Ct),
                await sources.Single(s => s.Type == "opportunity").RestoreAsync(db, access, opportunity, Api.Ct));
        });

        Assert.Equal((true, true, false), restored);
        await admin.Client.FetchAsync($"/api/leads/{lead}").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.FetchAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Purge_OfAnAccountDeletedWithItsOpenOpportunities_DeletesBothForGood()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunity recycle bin");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();
        await admin.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);
        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays) + TimeSpan.FromMinutes(1));

        await app.WithServicesAsync(services => services.GetRequiredService<Kontor.Platform.Retention.Runs.RetentionJob>().RunAllAsync(Api.Ct));

        var left = await app.InTenantAsync(admin.TenantId, async db =>
            (await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).CountAsync(a => a.Id == account, Api.Ct),
             await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).CountAsync(o => o.Id == opportunity, Api.Ct)));
        Assert.Equal((0, 0), left);
    }

    [Fact]
    public async Task AccountRecycleBinSource_RestoringAnAccount_BringsItsOpportunitiesBack()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunity recycle bin");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();
        await admin.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        var restored = await admin.RunAsync(async (services, _) =>
            await services.GetRequiredService<IEnumerable<IRecycleBinSource>>().Single(s => s.Type == "account")
                .RestoreAsync(services.GetRequiredService<KontorDb>(), services.GetRequiredService<AccessScope>(), account, Api.Ct));

        Assert.True(restored);
        await admin.Client.FetchAsync($"/api/opportunities/{opportunity}").ExpectAsync(HttpStatusCode.OK);
    }
}
