using System.Net;
using System.Text.Json;
using Kontor.Features.Customers;
using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Customers.Duplicates;

/// <summary>Creating and changing accounts and contacts that look like records the user can see.</summary>
public sealed class DuplicateCheckTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task CreateAccount_SameNormalisedName_Returns409ListingTheCandidate()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var existing = await rep.Client.CreateAccountAsync("Müller GmbH & Co. KG");

        var problem = await rep.Client.PostJsonAsync("/api/accounts", new { name = "mueller gmbh" }).ProblemAsync(HttpStatusCode.Conflict);

        var candidate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(existing.Id(), candidate.Id());
        Assert.Equal("Müller GmbH & Co. KG", candidate.Str("name"));
        Assert.Equal(["name"], Reasons(candidate));
        Assert.Single((await rep.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Fact]
    public async Task CreateAccount_SameVatIdEmailAndPhone_NamesEveryReason()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var existing = await rep.Client.CreateAccountAsync(new { name = "Acme Ltd.", vatId = "DE123456789", email = "Info@Acme.example", phone = "+49 30 1234567" });

        var problem = await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme Limited", vatId = "de 123 456 789", email = "info@acme.example", phone = "030 1234567" })
            .ProblemAsync(HttpStatusCode.Conflict);

        var candidate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(existing.Id(), candidate.Id());
        Assert.Equal(["email", "name", "phone", "vatId"], Reasons(candidate).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateAccount_SimilarNameAtSamePostalCode_IsACandidateButNotInAnotherPostalCode()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var nearby = await rep.Client.CreateAccountAsync(new { name = "Schreinerei Maier", billingAddress = new { postalCode = "70173", city = "Stuttgart" } });
        await rep.Client.CreateAccountAsync(new { name = "Schreinerei Meyer", billingAddress = new { postalCode = "80331", city = "München" } });

        var problem = await rep.Client.PostJsonAsync("/api/accounts", new { name = "Schreinerei Meier GmbH", billingAddress = new { postalCode = "70173" } })
            .ProblemAsync(HttpStatusCode.Conflict);

        var candidate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(nearby.Id(), candidate.Id());
        Assert.Equal(["similarNameSamePostalCode"], Reasons(candidate));
    }

    [Fact]
    public async Task CreateAccount_AllowDuplicates_CreatesIt()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync("ACME Ltd.");

        await rep.Client.PostJsonAsync("/api/accounts?allowDuplicates=true", new { name = "Acme Limited" }).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(2, (await rep.Client.GetJsonAsync("/api/accounts")).Ids().Count);
    }

    [Fact]
    public async Task CreateAccount_NothingAlike_IsCreated()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync(new { name = "Acme", email = "info@acme.example", billingAddress = new { postalCode = "70173" } });

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Globex", email = "info@globex.example", billingAddress = new { postalCode = "70173" } })
            .ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task UpdateAccount_ChangeOfMatchKey_Returns409AndChangesNothing()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var other = await rep.Client.CreateAccountAsync(new { name = "Globex", email = "info@globex.example" });
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme" });

        var problem = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { email = "INFO@globex.example" }, account.Str("eTag"))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(other.Id(), Assert.Single(problem.GetProperty("duplicates").EnumerateArray()).Id());
        Assert.Null((await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}")).StrOrNull("email"));
        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}?allowDuplicates=true", new { email = "info@globex.example" }, account.Str("eTag"))
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateAccount_ChangeOfOtherFields_IsNotCheckedEvenWithKnownDuplicates()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync("Acme");
        var twin = await rep.Client.CreateAccountAsync("ACME GmbH");

        await rep.Client.PatchJsonAsync($"/api/accounts/{twin.Id()}", new { industry = "Retail", description = "Same company?" }, twin.Str("eTag"))
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateAccount_ChangedKeyOnlyMatchesItself_IsSaved()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", email = "info@acme.example" });

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Acme Trading" }, account.Str("eTag")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateAccount_NewKeyMatchesOneAccountOldKeyAnother_ListsOnlyTheNewMatch()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync("Acme");
        var phoneTwin = await rep.Client.CreateAccountAsync(new { name = "Initech", phone = "+49 30 1234567" });
        var account = await rep.Client.CreateAccountAsync("Acme AG");

        var problem = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { phone = "+49 30 1234567" }, account.Str("eTag"))
            .ProblemAsync(HttpStatusCode.Conflict);

        var candidate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(phoneTwin.Id(), candidate.Id());
        Assert.Equal(["phone"], Reasons(candidate));
    }

    [Fact]
    public async Task CreateAccount_DuplicateTheUserCannotSee_IsNotDisclosed()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Private);
        await owner.Client.CreateAccountAsync(new { name = "Secret Customer GmbH", vatId = "DE999999999" });
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        var created = await stranger.Client.PostJsonAsync("/api/accounts", new { name = "Secret Customer", vatId = "DE999999999" }).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("Secret Customer", created.Str("name"));
    }

    [Fact]
    public async Task CreateAccount_DuplicateInAnotherTenant_IsNeverConsidered()
    {
        var first = await app.CreateTenantWithUserAsync("First", Roles.Admin);
        await first.Client.CreateAccountAsync(new { name = "Shared Name AG", email = "same@example.com" });
        var second = await app.CreateTenantWithUserAsync("Second", Roles.Admin);

        await second.Client.PostJsonAsync("/api/accounts", new { name = "Shared Name AG", email = "same@example.com" }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateAccount_DuplicateInRecycleBin_IsNotACandidate()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var deleted = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.RemoveAsync($"/api/accounts/{deleted.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme" }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateContact_SameEmailOrPhoneAsMobile_Returns409WithReasons()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var byEmail = await rep.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Schmidt", email = "anna@acme.example" });
        var byPhone = await rep.Client.CreateContactAsync(new { firstName = "Jan", lastName = "Berg", mobilePhone = "+49 171 1234567" });

        var problem = await rep.Client.PostJsonAsync("/api/contacts", new { lastName = "Someone", email = "ANNA@acme.example", phone = "0171 1234567" })
            .ProblemAsync(HttpStatusCode.Conflict);

        var candidates = problem.GetProperty("duplicates").EnumerateArray().ToDictionary(c => c.Id());
        Assert.Equal(new[] { byEmail.Id(), byPhone.Id() }.Order(), candidates.Keys.Order());
        Assert.Equal(["email"], Reasons(candidates[byEmail.Id()]));
        Assert.Equal(["phone"], Reasons(candidates[byPhone.Id()]));
        Assert.Equal("Anna Schmidt", candidates[byEmail.Id()].Str("name"));
    }

    [Fact]
    public async Task Backfill_OfRecordsStoredBeforeMatchKeys_MakesThemCandidatesWithoutTouchingTheirStamps()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var acme = await rep.Client.CreateAccountAsync(new { name = "Müller GmbH & Co. KG", billingAddress = new { postalCode = "70173" } });
        var contact = await rep.Client.CreateContactAsync(new { firstName = "Jörg", lastName = "Müller", accountId = acme.Id() });
        await app.InTenantAsync(rep.TenantId, async db =>
        {
            // As an installation from before the keys were introduced has them.
            await db.Accounts.Where(a => a.Id == acme.Id()).ExecuteUpdateAsync(set => set.SetProperty(a => a.MatchName, "").SetProperty(a => a.MatchPostalCode, (string?)null), Api.Ct);
            await db.Contacts.Where(c => c.Id == contact.Id()).ExecuteUpdateAsync(set => set.SetProperty(c => c.MatchName, (string?)null), Api.Ct);
        });
        await rep.Client.PostJsonAsync("/api/accounts?allowDuplicates=false", new { name = "mueller gmbh" }).ExpectAsync(HttpStatusCode.Created);

        var filled = await MatchKeyBackfill.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), Api.Ct);

        Assert.Equal(2, filled);
        var account = await rep.Client.PostJsonAsync("/api/accounts", new { name = "MUELLER KG" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(acme.Id(), account.GetProperty("duplicates").EnumerateArray().Select(c => c.Id()));
        var person = await rep.Client.PostJsonAsync("/api/contacts", new { firstName = "joerg", lastName = "mueller", accountId = acme.Id() }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(contact.Id(), Assert.Single(person.GetProperty("duplicates").EnumerateArray()).Id());
        var stored = await rep.Client.GetJsonAsync($"/api/accounts/{acme.Id()}");
        Assert.Equal(acme.Str("updatedAt"), stored.Str("updatedAt"));
    }

    [Fact]
    public async Task CreateContact_SameNameAtSameAccountOnly_IsACandidate()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var acme = await rep.Client.CreateAccountAsync("Acme");
        var globex = await rep.Client.CreateAccountAsync("Globex");
        var existing = await rep.Client.CreateContactAsync(new { firstName = "Jörg", lastName = "Müller", accountId = acme.Id() });

        await rep.Client.PostJsonAsync("/api/contacts", new { firstName = "Jörg", lastName = "Müller", accountId = globex.Id() }).ExpectAsync(HttpStatusCode.Created);
        var problem = await rep.Client.PostJsonAsync("/api/contacts", new { firstName = "joerg", lastName = "MUELLER", accountId = acme.Id() })
            .ProblemAsync(HttpStatusCode.Conflict);

        var candidate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(existing.Id(), candidate.Id());
        Assert.Equal(["nameAtSameAccount"], Reasons(candidate));
    }

    [Fact]
    public async Task UpdateContact_OnlyJobTitleChanged_IsNotChecked()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateContactAsync(new { lastName = "Berg", email = "berg@acme.example" });
        var twin = await rep.Client.CreateContactAsync(new { lastName = "Berg", email = "berg@acme.example" });

        await rep.Client.PatchJsonAsync($"/api/contacts/{twin.Id()}", new { jobTitle = "Buyer" }, twin.Str("eTag")).ExpectAsync(HttpStatusCode.OK);
        await rep.Client.PatchJsonAsync($"/api/contacts/{twin.Id()}", new { mobilePhone = "+49 171 7654321", email = "BERG@acme.example" }, "*")
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateContact_EmailOfAnotherContact_Returns409()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var other = await rep.Client.CreateContactAsync(new { lastName = "Berg", email = "berg@acme.example" });
        var contact = await rep.Client.CreateContactAsync(new { lastName = "Tal" });

        var problem = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { email = "berg@acme.example" }, "*").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(other.Id(), Assert.Single(problem.GetProperty("duplicates").EnumerateArray()).Id());
    }

    private static List<string> Reasons(JsonElement candidate) => [.. candidate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];
}
