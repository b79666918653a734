using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Accounts;

/// <summary>Counting stops at 10,000 so that lists over millions of rows stay fast. A class of its own: it inserts many rows.</summary>
public sealed class ListAccountsCountCapTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task List_WithMoreThan10000Matches_CapsTheTotal()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.InTenantAsync(rep.TenantId, async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Accounts.AddRange(Enumerable.Range(0, 10_000).Select(i => new Account(new AccountFields(
                $"Bulk {i:D5}", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, rep.Id, null, null))));
            return await db.SaveChangesAsync(Api.Ct);
        });

        var exactly = await rep.Client.GetJsonAsync("/api/accounts?limit=1");
        await rep.Client.CreateAccountAsync("One more");
        var beyond = await rep.Client.GetJsonAsync("/api/accounts?limit=10");
        var searched = await rep.Client.GetJsonAsync("/api/accounts?search=bulk%2000001");

        Assert.Equal(10_000, exactly.GetProperty("total").GetInt32());
        Assert.False(exactly.GetProperty("totalIsCapped").GetBoolean());
        Assert.Equal(10_000, beyond.GetProperty("total").GetInt32());
        Assert.True(beyond.GetProperty("totalIsCapped").GetBoolean());
        Assert.Equal(10, beyond.Ids().Count);
        Assert.Equal(1, searched.GetProperty("total").GetInt32());
        Assert.False(searched.GetProperty("totalIsCapped").GetBoolean());
    }
}
