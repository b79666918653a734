using System.Net;
using System.Text.Json;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Search;

/// <summary>The global search box: prefixes, umlauts, typos, ranking, and only what the user may see.</summary>
public sealed class GlobalSearchTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Search_Prefix_FindsAccount()
    {
        var user = await app.CreateTenantWithUserAsync("Prefix");
        await user.Client.CreateAccountAsync("Müller GmbH");

        Assert.Equal(["Müller GmbH"], await TitlesAsync(user, "Müll", "account"));
    }

    [Fact]
    public async Task Search_SpelledOutUmlaut_FindsUmlaut()
    {
        var user = await app.CreateTenantWithUserAsync("Umlaut");
        await user.Client.CreateAccountAsync("Müller GmbH");
        await user.Client.CreateContactAsync(new { firstName = "Jürgen", lastName = "Weiß" });

        Assert.Equal(["Müller GmbH"], await TitlesAsync(user, "Mueller", "account"));
        Assert.Equal(["Jürgen Weiß"], await TitlesAsync(user, "juergen weiss", "contact"));
    }

    [Theory]
    [InlineData("Schmdit")]
    [InlineData("Schmitd")]
    [InlineData("Shmidt")]
    public async Task Search_MisspeltName_FindsContact(string typed)
    {
        var user = await app.CreateTenantWithUserAsync("Typo");
        await user.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Schmidt" });
        await user.Client.CreateContactAsync(new { firstName = "Otto", lastName = "Weber" });

        Assert.Equal(["Anna Schmidt"], await TitlesAsync(user, typed, "contact"));
    }

    [Fact]
    public async Task Search_MeierAndMeyer_FindsBothExactFirst()
    {
        var user = await app.CreateTenantWithUserAsync("Ranking");
        await user.Client.CreateContactAsync(new { firstName = "Hans", lastName = "Meyer" });
        await user.Client.CreateContactAsync(new { firstName = "Hans", lastName = "Meier" });
        await user.Client.CreateContactAsync(new { firstName = "Hans", lastName = "Becker" });

        Assert.Equal(["Hans Meier", "Hans Meyer"], await TitlesAsync(user, "Meier", "contact"));
        Assert.Equal(["Hans Meyer", "Hans Meier"], await TitlesAsync(user, "Meyer", "contact"));
    }

    [Fact]
    public async Task Search_MoreExactMatchesThanTheLimit_ShowsOnlyExactOnes()
    {
        var user = await app.CreateTenantWithUserAsync("Exact first");
        await user.Client.CreateContactAsync(new { firstName = "Hans", lastName = "Meyer" });
        await user.Client.CreateContactAsync(new { firstName = "Ida", lastName = "Meier" });
        await user.Client.CreateContactAsync(new { firstName = "Jan", lastName = "Meier" });

        var group = (await SearchAsync(user, "Meier", "contact", limit: 1)).Single();

        Assert.Equal(1, group.GetProperty("items").GetArrayLength());
        Assert.Equal(1.0, group.GetProperty("items")[0].GetProperty("score").GetDouble());
        Assert.Equal(2, group.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_SeveralWords_EveryWordMustMatch()
    {
        var user = await app.CreateTenantWithUserAsync("Words");
        await user.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Schmidt" });
        await user.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Weber" });
        await user.Client.CreateContactAsync(new { firstName = "Peter", lastName = "Schmidt" });

        Assert.Equal(["Anna Schmidt"], await TitlesAsync(user, "schmidt anna", "contact"));
        Assert.Equal(["Anna Schmidt"], await TitlesAsync(user, "Anna Schmitd", "contact"));
    }

    [Fact]
    public async Task Search_CityEmailOrPhone_FindsAccount()
    {
        var user = await app.CreateTenantWithUserAsync("Fields");
        await user.Client.CreateAccountAsync(new
        {
            name = "Kessler Maschinenbau AG",
            email = "info@kessler-maschinen.de",
            phone = "+49 711 1234567",
            billingAddress = new { city = "Stuttgart", country = "DE" },
        });
        await user.Client.CreateAccountAsync("Other AG");

        Assert.Equal(["Kessler Maschinenbau AG"], await TitlesAsync(user, "Stuttgart", "account"));
        Assert.Equal(["Kessler Maschinenbau AG"], await TitlesAsync(user, "kessler-maschinen", "account"));
        Assert.Equal(["Kessler Maschinenbau AG"], await TitlesAsync(user, "0711 1234567", "account"));
        var group = (await SearchAsync(user, "Stuttgart")).Single(g => g.Str("type") == "account");
        Assert.Equal("Stuttgart", group.GetProperty("items")[0].Str("subtitle"));
    }

    [Fact]
    public async Task Search_Result_LinksToRecordPage()
    {
        var user = await app.CreateTenantWithUserAsync("Links");
        var account = await user.Client.CreateAccountAsync("Zimmermann Logistik");
        var contact = await user.Client.CreateContactAsync("Zimmermann", account.Id());

        var groups = await SearchAsync(user, "Zimmermann");

        Assert.Equal(["account", "contact"], groups.Where(g => g.GetProperty("items").GetArrayLength() > 0).Select(g => g.Str("type")));
        Assert.Equal($"/accounts/{account.Id()}", groups[0].GetProperty("items")[0].Str("url"));
        var item = groups[1].GetProperty("items")[0];
        Assert.Equal($"/contacts/{contact.Id()}", item.Str("url"));
        Assert.Equal("Zimmermann Logistik", item.Str("subtitle"));
    }

    [Fact]
    public async Task Search_PrivateSharing_RepDoesNotFindColleaguesAccounts()
    {
        var tenant = await app.CreateTenantAsync("Private");
        await app.SetSharingAsync(tenant, CustomerObjects.Accounts, SharingLevel.Private);
        await app.SetSharingAsync(tenant, CustomerObjects.Contacts, SharingLevel.Private);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var colleague = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        await owner.Client.CreateAccountAsync("Hoffmann Werkzeuge");
        await owner.Client.CreateContactAsync("Hoffmann");
        await colleague.Client.CreateAccountAsync("Hoffmann Bau");

        Assert.Equal(["Hoffmann Bau"], await TitlesAsync(colleague, "Hofmann", "account"));
        Assert.Empty(await TitlesAsync(colleague, "Hoffmann", "contact"));
        Assert.Equal(["Hoffmann Werkzeuge"], await TitlesAsync(owner, "Hoffmann Werkz", "account"));
    }

    [Fact]
    public async Task Search_AsWorksCouncil_FindsNothing()
    {
        var admin = await app.CreateTenantWithUserAsync("Council");
        await admin.Client.CreateAccountAsync("Wagner Elektro");
        await admin.Client.CreateContactAsync("Wagner");
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);

        Assert.Empty(await SearchAsync(council, "Wagner"));
    }

    [Fact]
    public async Task Search_OtherTenant_NeverFindsItsRecords()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme");
        var globex = await app.CreateTenantWithUserAsync("Globex");
        await acme.Client.CreateAccountAsync("Secret Fischer KG");
        await acme.Client.CreateContactAsync("Fischer");
        await globex.Client.CreateAccountAsync("Fischer Nord");

        Assert.Equal(["Fischer Nord"], await TitlesAsync(globex, "Fischer", "account"));
        Assert.Empty(await TitlesAsync(globex, "Fischer", "contact"));
        Assert.Empty(await TitlesAsync(globex, "Secret", "account"));
    }

    [Fact]
    public async Task Search_AfterDeleteAndRestore_FollowsTheRecycleBin()
    {
        var user = await app.CreateTenantWithUserAsync("Bin");
        var account = await user.Client.CreateAccountAsync("Richter Druck");

        await user.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await TitlesAsync(user, "Richter", "account"));

        await user.Client.PostJsonAsync($"/api/accounts/{account.Id()}/restore", new { }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Richter Druck"], await TitlesAsync(user, "Richter", "account"));
    }

    [Fact]
    public async Task Search_AfterRename_FindsNewNameOnly()
    {
        var user = await app.CreateTenantWithUserAsync("Rename");
        var account = await user.Client.CreateAccountAsync("Schulze Metall");
        var current = await user.Client.FetchAsync($"/api/accounts/{account.Id()}");

        await user.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Krüger Metall" }, current.ETag()).ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(await TitlesAsync(user, "Schulze", "account"));
        Assert.Equal(["Krüger Metall"], await TitlesAsync(user, "Krueger", "account"));
    }

    [Fact]
    public async Task Search_RowsWrittenBySql_AreFoundLikeRowsWrittenByTheApp()
    {
        var user = await app.CreateTenantWithUserAsync("Bulk");
        var template = await user.Client.CreateContactAsync("Template");
        var id = Guid.CreateVersion7();
        object key = KontorAppFactory.OnPostgres ? id : id.ToString().ToUpperInvariant();
        object source = KontorAppFactory.OnPostgres ? template.Id() : template.Id().ToString().ToUpperInvariant();

        // An import's bulk path writes rows without EF: the index must follow inserts, updates and deletes all the same.
        await app.InTenantAsync(user.TenantId, async db =>
        {
            // The temporary table lives as long as the connection.
            await db.Database.OpenConnectionAsync(Api.Ct);
            await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE "BulkContact" AS SELECT * FROM "Contacts" WHERE "Id" = {0}""", [source], Api.Ct);
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "BulkContact" SET "Id" = {0}, "LastName" = 'Nowakowski', "SortName" = 'nowakowski', "SearchTerms" = 'nowakowski | nowakowski'""", [key], Api.Ct);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Contacts" SELECT * FROM "BulkContact"; DROP TABLE "BulkContact";""", Api.Ct);
        });
        Assert.Equal(["Nowakowski"], await TitlesAsync(user, "Nowakowsky", "contact"));

        await app.InTenantAsync(user.TenantId, db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "Contacts" SET "LastName" = 'Lewandowski', "SortName" = 'lewandowski', "SearchTerms" = 'lewandowski | lewandowski' WHERE "Id" = {0}""", [key], Api.Ct));
        Assert.Empty(await TitlesAsync(user, "Nowakowski", "contact"));
        Assert.Equal(["Lewandowski"], await TitlesAsync(user, "Lewandowski", "contact"));

        await app.InTenantAsync(user.TenantId, db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "Contacts" WHERE "Id" = {0}""", [key], Api.Ct));
        Assert.Empty(await TitlesAsync(user, "Lewandowski", "contact"));
    }

    [Fact]
    public async Task Search_Types_LimitsTheGroups()
    {
        var user = await app.CreateTenantWithUserAsync("Types");
        await user.Client.CreateAccountAsync("Braun Optik");
        await user.Client.CreateContactAsync("Braun");

        var groups = await SearchAsync(user, "Braun", "contact");

        Assert.Equal(["contact"], groups.Select(g => g.Str("type")));
    }

    [Fact]
    public async Task Search_MoreMatchesThanLimit_ReportsTotal()
    {
        var user = await app.CreateTenantWithUserAsync("Total");
        for (var i = 0; i < 7; i++)
        {
            await user.Client.CreateContactAsync(new { firstName = $"Kurt{i}", lastName = "Vogel" });
        }

        var group = (await SearchAsync(user, "Vogel", "contact", limit: 3)).Single();

        Assert.Equal(3, group.GetProperty("items").GetArrayLength());
        Assert.Equal(7, group.GetProperty("total").GetInt32());
        Assert.False(group.GetProperty("totalIsCapped").GetBoolean());
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=a", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=meier&types=account,invoice", "types")]
    [InlineData("/api/search?q=meier&limit=0", "limit")]
    [InlineData("/api/search?q=meier&limit=51", "limit")]
    [InlineData("/api/search?q=meier&limit=x", "limit")]
    public async Task Search_BadInput_Answers400(string url, string field)
    {
        var user = await app.CreateTenantWithUserAsync("Bad");

        await user.Client.FetchAsync(url).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Search_TooLong_Answers400()
    {
        var user = await app.CreateTenantWithUserAsync("Long");

        await user.Client.FetchAsync("/api/search?q=" + new string('x', 101)).ProblemAsync(HttpStatusCode.BadRequest, "q");
    }

    [Theory]
    [InlineData("\"'\\*:&|!()")]
    [InlineData("OR AND NOT")]
    [InlineData("a\" OR \"b")]
    [InlineData("%_%")]
    [InlineData("ab")]
    public async Task Search_OperatorCharacters_AreSearchedAsText(string q)
    {
        var user = await app.CreateTenantWithUserAsync("Operators");
        await user.Client.CreateAccountAsync("Abel & Söhne");

        await user.Client.FetchAsync("/api/search?q=" + Uri.EscapeDataString(q)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_TwoLetters_FindsWordStarts()
    {
        var user = await app.CreateTenantWithUserAsync("Short");
        await user.Client.CreateAccountAsync("Abel & Söhne");
        await user.Client.CreateAccountAsync("Kabel AG");

        Assert.Equal(["Abel & Söhne"], await TitlesAsync(user, "ab", "account"));
    }

    private static async Task<List<JsonElement>> SearchAsync(TestUser user, string q, string? types = null, int? limit = null)
    {
        var url = "/api/search?q=" + Uri.EscapeDataString(q)
            + (types is null ? "" : "&types=" + types)
            + (limit is null ? "" : "&limit=" + limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await user.Client.GetJsonAsync(url);
        return [.. response.GetProperty("groups").EnumerateArray()];
    }

    private static async Task<List<string>> TitlesAsync(TestUser user, string q, string type) =>
        [.. (await SearchAsync(user, q, type)).SelectMany(g => g.GetProperty("items").EnumerateArray()).Select(i => i.Str("title"))];
}
