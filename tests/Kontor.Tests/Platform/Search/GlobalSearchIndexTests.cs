using Kontor.Platform.Data;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Search;

/// <summary>The search index is created over rows that exist already: an upgrade indexes the existing customer base.</summary>
public sealed class GlobalSearchIndexTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Start_IndexMissingOverExistingRows_IndexesThem()
    {
        var user = await app.CreateTenantWithUserAsync("Upgrade");
        await user.Client.CreateContactAsync("Bergmann");
        await app.InTenantAsync(user.TenantId, db => db.Database.ExecuteSqlRawAsync(
            KontorAppFactory.OnPostgres
                ? """DROP INDEX "IX_Contacts_SearchTerms_trigrams"; DROP INDEX "IX_Contacts_SearchTerms_words";"""
                : """DROP TABLE "ContactsSearch"; DROP TRIGGER "Contacts_search_insert";""",
            Api.Ct));

        await DataModule.MigrateAsync(app.Services, Api.Ct);
        await user.Client.CreateContactAsync("Lindner");

        Assert.Equal(["Bergmann"], await TitlesAsync(user, "Bergman"));
        Assert.Equal(["Lindner"], await TitlesAsync(user, "Lindn"));
    }

    private static async Task<List<string>> TitlesAsync(TestUser user, string q)
    {
        var found = await user.Client.GetJsonAsync($"/api/search?q={q}&types=contact");
        return [.. found.GetProperty("groups")[0].GetProperty("items").EnumerateArray().Select(i => i.Str("title"))];
    }
}
