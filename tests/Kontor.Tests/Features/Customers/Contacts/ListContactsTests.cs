using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Contacts;

public sealed class ListContactsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Theory]
    [InlineData("mueller")]
    [InlineData("Jürgen Müller")]
    [InlineData("mueller juergen")]
    [InlineData("JÜRG")]
    public async Task List_SearchForName_FindsItInEitherOrderIgnoringCaseAndUmlauts(string search)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var mueller = await rep.Client.CreateContactAsync(new { firstName = "Jürgen", lastName = "Müller" });
        await rep.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Schmidt" });

        var page = await rep.Client.GetJsonAsync($"/api/contacts?search={Uri.EscapeDataString(search)}");

        Assert.Equal([mueller.Id()], page.Ids());
    }

    [Fact]
    public async Task List_SearchForEmailOrJobTitle_FindsContact()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var buyer = await rep.Client.CreateContactAsync(new { lastName = "Meier", email = "Einkauf@Example.com", jobTitle = "Einkäuferin" });
        await rep.Client.CreateContactAsync(new { lastName = "Schulz", email = "vertrieb@example.com" });

        Assert.Equal([buyer.Id()], (await rep.Client.GetJsonAsync("/api/contacts?search=einkauf%40example")).Ids());
        Assert.Equal([buyer.Id()], (await rep.Client.GetJsonAsync("/api/contacts?search=einkaeuferin")).Ids());
    }

    [Theory]
    [InlineData("0171 1234567")]
    [InlineData("+49 171 1234567")]
    [InlineData("1711234")]
    public async Task List_SearchForPhoneDigits_FindsContactByPhoneOrMobile(string search)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var mobile = await rep.Client.CreateContactAsync(new { lastName = "Mobile", mobilePhone = "0171 1234567" });
        var phone = await rep.Client.CreateContactAsync(new { lastName = "Phone", phone = "0171 1234567" });
        await rep.Client.CreateContactAsync(new { lastName = "Other", phone = "030 987654" });

        var page = await rep.Client.GetJsonAsync($"/api/contacts?search={Uri.EscapeDataString(search)}");

        Assert.Equal([mobile.Id(), phone.Id()], page.Ids());
    }

    [Theory]
    [InlineData("Hamburg", "hamburg")]
    [InlineData("München", "München")]
    [InlineData("München", "muenchen")]
    [InlineData("Überlingen", "ueberlingen")]
    [InlineData("Überlingen", "ÜBERLINGEN")]
    [InlineData("Weißenfels", "weissenfels")]
    public async Task List_SearchForCityOfTheAccount_FindsItsContactsIgnoringCaseAndUmlauts(string city, string search)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var there = await rep.Client.CreateAccountAsync(new { name = "There", billingAddress = new { city } });
        var elsewhere = await rep.Client.CreateAccountAsync(new { name = "Elsewhere", billingAddress = new { city = "Köln" } });
        var contact = await rep.Client.CreateContactAsync("Meier", there.Id());
        await rep.Client.CreateContactAsync("Schulz", elsewhere.Id());
        await rep.Client.CreateContactAsync("Without account");

        var page = await rep.Client.GetJsonAsync($"/api/contacts?search={Uri.EscapeDataString(search)}");

        Assert.Equal([contact.Id()], page.Ids());
    }

    [Fact]
    public async Task List_SearchMatchingBothTheContactAndItsAccountsCity_ListsAndCountsTheContactOnce()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var essen = await rep.Client.CreateAccountAsync(new { name = "Stadtwerke", billingAddress = new { city = "Essen" } });
        var both = await rep.Client.CreateContactAsync(new { lastName = "Essener", accountId = essen.Id() });
        var byCity = await rep.Client.CreateContactAsync("Meier", essen.Id());
        var byName = await rep.Client.CreateContactAsync(new { lastName = "Essenberg" });
        await rep.Client.CreateContactAsync("Schulz");

        var page = await rep.Client.GetJsonAsync("/api/contacts?search=essen&limit=2");
        var next = await rep.Client.GetJsonAsync($"/api/contacts?search=essen&limit=2&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}");

        Assert.Equal([byName.Id(), both.Id(), byCity.Id()], [.. page.Ids(), .. next.Ids()]);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_FilterByAccount_ReturnsOnlyItsContacts()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var other = await rep.Client.CreateAccountAsync("Other");
        var first = await rep.Client.CreateContactAsync("Anders", account.Id());
        var second = await rep.Client.CreateContactAsync("Berg", account.Id());
        await rep.Client.CreateContactAsync("Conrad", other.Id());
        await rep.Client.CreateContactAsync("Dietz");

        var page = await rep.Client.GetJsonAsync($"/api/contacts?account={account.Id()}");

        Assert.Equal([first.Id(), second.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterBySegment_ReturnsContactsOfAccountsInThatSegment()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var key = await rep.Client.CreateAccountAsync(new { name = "Key", segment = "Key account" });
        var small = await rep.Client.CreateAccountAsync(new { name = "Small", segment = "SMB" });
        var contact = await rep.Client.CreateContactAsync("Meier", key.Id());
        await rep.Client.CreateContactAsync("Schulz", small.Id());
        await rep.Client.CreateContactAsync("Without account");

        var page = await rep.Client.GetJsonAsync("/api/contacts?segment=Key%20account");

        Assert.Equal([contact.Id()], page.Ids());
    }

    [Fact]
    public async Task List_FilterByCountry_ReturnsContactsOfAccountsBilledThere()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var austrian = await rep.Client.CreateAccountAsync(new { name = "Wien", billingAddress = new { country = "AT" } });
        var german = await rep.Client.CreateAccountAsync(new { name = "Berlin", billingAddress = new { country = "DE" } });
        var contact = await rep.Client.CreateContactAsync("Huber", austrian.Id());
        await rep.Client.CreateContactAsync("Schulz", german.Id());
        await rep.Client.CreateContactAsync("Without account");

        var page = await rep.Client.GetJsonAsync("/api/contacts?country=AT");

        Assert.Equal([contact.Id()], page.Ids());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_FilterByOwner_ReturnsOnlyThatOwnersContacts(bool asMe)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var mine = await rep.Client.CreateContactAsync("Mine");
        var theirs = await colleague.Client.CreateContactAsync("Theirs");

        var page = await rep.Client.GetJsonAsync($"/api/contacts?owner={(asMe ? "me" : rep.Id.ToString())}");
        var colleagues = await rep.Client.GetJsonAsync($"/api/contacts?owner={colleague.Id}");

        Assert.Equal([mine.Id()], page.Ids());
        Assert.Equal([theirs.Id()], colleagues.Ids());
    }

    [Fact]
    public async Task List_SortedByName_OrdersByLastThenFirstNameIgnoringUmlauts()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateContactAsync(new { firstName = "Zoe", lastName = "Meier" });
        await rep.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Meier" });
        await rep.Client.CreateContactAsync(new { firstName = "Bernd", lastName = "Öztürk" });
        await rep.Client.CreateContactAsync(new { firstName = "Carl", lastName = "Adler" });

        var ascending = await rep.Client.GetJsonAsync("/api/contacts?sort=name");
        var descending = await rep.Client.GetJsonAsync("/api/contacts?sort=-name");

        Assert.Equal(["Carl", "Anna", "Zoe", "Bernd"], ascending.Values("firstName"));
        Assert.Equal(["Bernd", "Zoe", "Anna", "Carl"], descending.Values("firstName"));
    }

    [Theory]
    [InlineData("createdAt", new[] { "B", "C", "A" })]
    [InlineData("-createdAt", new[] { "A", "C", "B" })]
    [InlineData("updatedAt", new[] { "C", "A", "B" })]
    [InlineData("-updatedAt", new[] { "B", "A", "C" })]
    public async Task List_SortedByTime_OrdersByCreationOrLastChange(string sort, string[] expected)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var b = await rep.Client.CreateContactAsync("B");
        await rep.Client.CreateContactAsync("C");
        var a = await rep.Client.CreateContactAsync("A");
        await rep.Client.PatchJsonAsync($"/api/contacts/{a.Id()}", new { jobTitle = "Buyer" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.PatchJsonAsync($"/api/contacts/{b.Id()}", new { jobTitle = "Buyer" }, "*").ExpectAsync(HttpStatusCode.OK);

        var page = await rep.Client.GetJsonAsync($"/api/contacts?sort={sort}");

        Assert.Equal(expected, page.Values("lastName"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("createdAt")]
    [InlineData("-createdAt")]
    [InlineData("updatedAt")]
    [InlineData("-updatedAt")]
    public async Task List_PagedWithCursor_ReturnsEveryContactOnceInTheSameOrder(string sort)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var lastName in new[] { "Meier", "Adler", "Meier", "Meier", "Zander", "Meier", "Özdemir" })
        {
            await rep.Client.CreateContactAsync(new { firstName = "Same", lastName });
        }

        var whole = await rep.Client.GetJsonAsync($"/api/contacts?sort={sort}&limit=200");
        var pages = await rep.Client.AllPagesAsync($"/api/contacts?sort={sort}&limit=2");

        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Ids().Count));
        Assert.Equal(whole.Ids(), pages.SelectMany(p => p.Ids()));
        Assert.Equal(7, whole.Ids().Distinct().Count());
        Assert.All(pages, p => Assert.Equal(7, p.GetProperty("total").GetInt32()));
        Assert.False(whole.GetProperty("totalIsCapped").GetBoolean());
    }
}
