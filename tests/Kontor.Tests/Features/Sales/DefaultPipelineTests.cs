using System.Net;
using Kontor.Features.Sales.Pipelines;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales;

/// <summary>The first requests of a new tenant create exactly one default pipeline, also when they come at once.</summary>
public sealed class DefaultPipelineTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task GetOrCreate_WhenAnotherRequestCreatesItFirst_ReturnsThatPipeline()
    {
        var tenant = await app.CreateTenantAsync($"Race {Guid.NewGuid():N}");

        var (mine, theirs) = await app.InTenantAsync(tenant, async db =>
        {
            Pipeline? theirs = null;

            // The other request saves its pipeline after this one found none and before this one saves.
            db.SavingChanges += (_, _) => theirs ??= app.InTenantAsync(tenant, other => DefaultPipeline.GetOrCreateAsync(other, Api.Ct)).GetAwaiter().GetResult();
            var mine = await DefaultPipeline.GetOrCreateAsync(db, Api.Ct);
            return (mine, theirs);
        });

        Assert.NotNull(theirs);
        Assert.Equal(theirs.Id, mine.Id);
        Assert.Equal(6, mine.Stages.Count);
        Assert.Equal(1, await app.InTenantAsync(tenant, db => db.Pipelines.CountAsync(Api.Ct)));
    }

    [Fact]
    public async Task GetOrCreate_ManyConcurrentFirstCalls_AllGetTheSameSinglePipeline()
    {
        var tenant = await app.CreateTenantAsync($"Concurrent {Guid.NewGuid():N}");

        var pipelines = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            app.InTenantAsync(tenant, db => DefaultPipeline.GetOrCreateAsync(db, Api.Ct)), Api.Ct)));

        Assert.Single(pipelines.Select(p => p.Id).Distinct());
        Assert.Equal(1, await app.InTenantAsync(tenant, db => db.Pipelines.CountAsync(Api.Ct)));
    }

    [Fact]
    public async Task CreateOpportunity_ConcurrentFirstRequestsOfANewTenant_AllSucceed()
    {
        var admin = await app.CreateTenantWithUserAsync("Concurrent first deals");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.Client.PostJsonAsync("/api/opportunities", new { name = $"Deal {i}", accountId = account })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await app.InTenantAsync(admin.TenantId, db => db.Pipelines.CountAsync(Api.Ct)));
    }
}
