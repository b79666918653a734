using System.Net;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Accounts;

public sealed class ListAccountsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Theory]
    [InlineData("mueller")]
    [InlineData("Müller")]
    [InlineData("MÜLLER maschinenbau")]
    [InlineData("maschinen")]
    public async Task List_SearchForName_FindsItIgnoringCaseAndUmlauts(string search)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var mueller = await rep.Client.CreateAccountAsync("Müller Maschinenbau GmbH");
        await rep.Client.CreateAccountAsync("Schmidt Logistik");

        var page = await rep.Client.GetJsonAsync($"/api/accounts?search={Uri.EscapeDataString(search)}");

        Assert.Equal([mueller.Id()], page.Ids());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_SearchWithSeveralWords_FindsOnlyAccountsWithEveryWord()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var both = await rep.Client.CreateAccountAsync("Nordic Steel Works");
        await rep.Client.CreateAccountAsync("Nordic Timber");
        await rep.Client.CreateAccountAsync("Southern Steel");

        var page = await rep.Client.GetJsonAsync("/api/accounts?search=steel%20nordic");

        Assert.Equal([both.Id()], page.Ids());
    }

    [Fact]
    public async Task List_SearchForEmail_FindsAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Initech", email = "Sales@Initech.Example" });
        await rep.Client.CreateAccountAsync(new { name = "Initrode", email = "info@initrode.example" });

        var page = await rep.Client.GetJsonAsync("/api/accounts?search=sales%40initech");

        Assert.Equal([account.Id()], page.Ids());
    }

    [Theory]
    [InlineData("0711 123456")]
    [InlineData("+49 711 123456")]
    [InlineData("711123")]
    [InlineData("(0711) 12-34-56")]
    public async Task List_SearchForPhoneDigits_FindsAccount(string search)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Bosch", phone = "0711 123456" });
        await rep.Client.CreateAccountAsync(new { name = "Daimler", phone = "030 987654" });

        var page = await rep.Client.GetJsonAsync($"/api/accounts?search={Uri.EscapeDataString(search)}");

        Assert.Equal([account.Id()], page.Ids());
    }

    [Theory]
    [InlineData("München")]
    [InlineData("muenchen")]
    [InlineData("MÜNCHEN")]
    public async Task List_SearchForCity_FindsAccountsWithBillingOrShippingAddressThere(string search)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var billing = await rep.Client.CreateAccountAsync(new { name = "Billing", billingAddress = new { city = "München", country = "DE" } });
        var shipping = await rep.Client.CreateAccountAsync(new { name = "Shipping", shippingAddress = new { city = "München" } });
        await rep.Client.CreateAccountAsync(new { name = "Elsewhere", billingAddress = new { city = "Hamburg" } });

        var page = await rep.Client.GetJsonAsync($"/api/accounts?search={Uri.EscapeDataString(search)}&sort=name");

        Assert.Equal([billing.Id(), shipping.Id()], page.Ids());
    }

    [Fact]
    public async Task List_SearchForVatId_FindsAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Tax payer", vatId = "DE 123456789" });
        await rep.Client.CreateAccountAsync("Other");

        var page = await rep.Client.GetJsonAsync("/api/accounts?search=de123456789");

        Assert.Equal([account.Id()], page.Ids());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_FilterByOwner_ReturnsOnlyThatOwnersAccounts(bool asMe)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var mine = await rep.Client.CreateAccountAsync("Mine");
        await colleague.Client.CreateAccountAsync("Theirs");

        var page = await rep.Client.GetJsonAsync($"/api/accounts?owner={(asMe ? "me" : rep.Id.ToString())}");

        Assert.Equal([mine.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterByOwnerOfColleague_ReturnsTheirAccounts()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        await rep.Client.CreateAccountAsync("Mine");
        var theirs = await colleague.Client.CreateAccountAsync("Theirs");

        var page = await rep.Client.GetJsonAsync($"/api/accounts?owner={colleague.Id}");

        Assert.Equal([theirs.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterBySegment_ReturnsOnlyThatSegment()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var key = await rep.Client.CreateAccountAsync(new { name = "Key", segment = "Key account" });
        await rep.Client.CreateAccountAsync(new { name = "Small", segment = "SMB" });
        await rep.Client.CreateAccountAsync("None");

        var page = await rep.Client.GetJsonAsync("/api/accounts?segment=Key%20account");

        Assert.Equal([key.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterByCountry_ReturnsOnlyAccountsBilledThere()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var austrian = await rep.Client.CreateAccountAsync(new { name = "Wien", billingAddress = new { country = "AT" } });
        await rep.Client.CreateAccountAsync(new { name = "Berlin", billingAddress = new { country = "DE" } });
        await rep.Client.CreateAccountAsync(new { name = "Shipped to Austria", shippingAddress = new { country = "AT" } });

        var page = await rep.Client.GetJsonAsync("/api/accounts?country=AT");

        Assert.Equal([austrian.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterByParent_ReturnsOnlyItsSubsidiaries()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var holding = await rep.Client.CreateAccountAsync("Holding");
        var first = await rep.Client.CreateAccountAsync(new { name = "A Subsidiary", parentAccountId = holding.Id() });
        var second = await rep.Client.CreateAccountAsync(new { name = "B Subsidiary", parentAccountId = holding.Id() });
        await rep.Client.CreateAccountAsync(new { name = "Grandchild", parentAccountId = first.Id() });

        var page = await rep.Client.GetJsonAsync($"/api/accounts?parent={holding.Id()}");

        Assert.Equal([first.Id(), second.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterByTeam_ReturnsOnlyAccountsOfThatInsideSalesTeam()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var north = await app.CreateTeamAsync(rep.TenantId, TeamKind.InsideSales);
        var south = await app.CreateTeamAsync(rep.TenantId, TeamKind.InsideSales);
        var ours = await rep.Client.CreateAccountAsync(new { name = "North account", insideSalesTeamId = north });
        await rep.Client.CreateAccountAsync(new { name = "South account", insideSalesTeamId = south });
        await rep.Client.CreateAccountAsync("No team");

        var page = await rep.Client.GetJsonAsync($"/api/accounts?team={north}");

        Assert.Equal([ours.Id()], page.Ids());
    }

    [Fact]
    public async Task List_WithSeveralFilters_CombinesThem()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var match = await rep.Client.CreateAccountAsync(new { name = "Alpen Bau", segment = "SMB", billingAddress = new { country = "AT" } });
        await rep.Client.CreateAccountAsync(new { name = "Alpen Holz", segment = "Key account", billingAddress = new { country = "AT" } });
        await rep.Client.CreateAccountAsync(new { name = "Alpen Stahl", segment = "SMB", billingAddress = new { country = "CH" } });

        var page = await rep.Client.GetJsonAsync("/api/accounts?search=alpen&segment=SMB&country=AT&owner=me");

        Assert.Equal([match.Id()], page.Ids());
    }

    [Fact]
    public async Task List_Deleted_AreNotListed()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var kept = await rep.Client.CreateAccountAsync("Kept");
        var deleted = await rep.Client.CreateAccountAsync("Deleted");
        await rep.Client.RemoveAsync($"/api/accounts/{deleted.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        var page = await rep.Client.GetJsonAsync("/api/accounts");

        Assert.Equal([kept.Id()], page.Ids());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("name")]
    public async Task List_SortedByName_OrdersIgnoringCaseAndUmlauts(string? sort)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var name in new[] { "Zeta", "beta", "Ärztekammer", "alpha", "Öko" })
        {
            await rep.Client.CreateAccountAsync(name);
        }

        var page = await rep.Client.GetJsonAsync(sort is null ? "/api/accounts" : $"/api/accounts?sort={sort}");

        Assert.Equal(["Ärztekammer", "alpha", "beta", "Öko", "Zeta"], page.Values("name"));
    }

    [Fact]
    public async Task List_SortedByNameDescending_ReversesTheOrder()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var name in new[] { "Zeta", "beta", "Ärztekammer", "alpha" })
        {
            await rep.Client.CreateAccountAsync(name);
        }

        var page = await rep.Client.GetJsonAsync("/api/accounts?sort=-name");

        Assert.Equal(["Zeta", "beta", "alpha", "Ärztekammer"], page.Values("name"));
    }

    [Theory]
    [InlineData("createdAt", new[] { "B", "C", "A" })]
    [InlineData("-createdAt", new[] { "A", "C", "B" })]
    [InlineData("updatedAt", new[] { "C", "A", "B" })]
    [InlineData("-updatedAt", new[] { "B", "A", "C" })]
    public async Task List_SortedByTime_OrdersByCreationOrLastChange(string sort, string[] expected)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var b = await rep.Client.CreateAccountAsync("B");
        await rep.Client.CreateAccountAsync("C");
        var a = await rep.Client.CreateAccountAsync("A");

        // Changed after creation: A first, then B, so C is the least recently changed.
        await rep.Client.PatchJsonAsync($"/api/accounts/{a.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.PatchJsonAsync($"/api/accounts/{b.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);

        var page = await rep.Client.GetJsonAsync($"/api/accounts?sort={sort}");

        Assert.Equal(expected, page.Values("name"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("createdAt")]
    [InlineData("-createdAt")]
    [InlineData("updatedAt")]
    [InlineData("-updatedAt")]
    public async Task List_PagedWithCursor_ReturnsEveryAccountOnceInTheSameOrder(string sort)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        // Equal names make the id decide the order within them; a page boundary falls among them.
        foreach (var name in new[] { "Same", "Other", "Same", "Same", "Äpfel", "Same", "zebra", "Same" })
        {
            await rep.Client.CreateAccountAsync(name);
        }

        var whole = await rep.Client.GetJsonAsync($"/api/accounts?sort={sort}&limit=200");
        var pages = await rep.Client.AllPagesAsync($"/api/accounts?sort={sort}&limit=3");

        Assert.Equal([3, 3, 2], pages.Select(p => p.Ids().Count));
        Assert.Equal(whole.Ids(), pages.SelectMany(p => p.Ids()));
        Assert.Equal(8, whole.Ids().Distinct().Count());
        Assert.All(pages, p => Assert.Equal(8, p.GetProperty("total").GetInt32()));
        Assert.Null(whole.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task List_WithCursorAfterRecordsWereAdded_ContinuesWithoutDuplicatesOrGaps()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var name in new[] { "Anton", "Berta", "Dora", "Emil" })
        {
            await rep.Client.CreateAccountAsync(name);
        }

        var first = await rep.Client.GetJsonAsync("/api/accounts?limit=2");
        await rep.Client.CreateAccountAsync("Aaron");
        await rep.Client.CreateAccountAsync("Cäsar");
        var rest = await rep.Client.GetJsonAsync($"/api/accounts?limit=10&cursor={Uri.EscapeDataString(first.Str("nextCursor"))}");

        Assert.Equal(["Anton", "Berta"], first.Values("name"));
        Assert.Equal(["Cäsar", "Dora", "Emil"], rest.Values("name"));
    }

    [Fact]
    public async Task List_WithLimitOne_ReturnsOneAccountAndACursor()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync("First");
        await rep.Client.CreateAccountAsync("Second");

        var page = await rep.Client.GetJsonAsync("/api/accounts?limit=1");

        Assert.Equal(["First"], page.Values("name"));
        Assert.NotNull(page.GetProperty("nextCursor").GetString());
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.False(page.GetProperty("totalIsCapped").GetBoolean());
    }

    [Fact]
    public async Task List_WithoutLimit_Returns50AndWithLimit200ReturnsUpTo200()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await InsertAccountsAsync(rep, 201);

        var standard = await rep.Client.GetJsonAsync("/api/accounts");
        var largest = await rep.Client.GetJsonAsync("/api/accounts?limit=200");

        Assert.Equal(50, standard.Ids().Count);
        Assert.Equal(200, largest.Ids().Count);
        Assert.NotNull(largest.GetProperty("nextCursor").GetString());
        Assert.Equal(201, largest.GetProperty("total").GetInt32());
        Assert.False(largest.GetProperty("totalIsCapped").GetBoolean());
    }

    /// <summary>Many accounts at once, past the API, for limits and counts.</summary>
    private Task InsertAccountsAsync(TestUser owner, int count) =>
        app.InTenantAsync(owner.TenantId, async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Accounts.AddRange(Enumerable.Range(0, count).Select(i => new Account(new AccountFields(
                $"Bulk {i:D5}", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, owner.Id, null, null))));
            await db.SaveChangesAsync(Api.Ct);
        });
}
