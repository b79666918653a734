using System.Collections.Concurrent;
using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Customers.Duplicates;

/// <summary>Records every merge participant call and fails the merges it is told to fail.</summary>
public sealed class RecordingMergeParticipant : IRecordMergeParticipant
{
    public ConcurrentQueue<(RecordRef Merged, RecordRef Survivor)> Calls { get; } = new();

    public const string MarkerName = "Participant marker";

    public ConcurrentDictionary<Guid, bool> FailFor { get; } = new();

    public async Task MoveAsync(KontorDb db, RecordRef merged, RecordRef survivor, CancellationToken ct)
    {
        Calls.Enqueue((merged, survivor));

        // Changes something first, so the test shows the failure also undoes work already sent to the database.
        var text = $"touched by {merged}";
        await db.Accounts.Where(a => a.Name == MarkerName).ExecuteUpdateAsync(s => s.SetProperty(a => a.Description, text), ct);
        if (FailFor.ContainsKey(merged.Id))
        {
            throw new BusinessRuleException("The test participant refuses this merge.");
        }
    }
}

/// <summary>The app with a recording merge participant beside the real ones.</summary>
public sealed class MergeAppFactory : KontorAppFactory
{
    public RecordingMergeParticipant Participant { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IRecordMergeParticipant>(Participant);
}

public sealed class MergeTests(MergeAppFactory app) : IClassFixture<MergeAppFactory>
{
    [Fact]
    public async Task MergeAccounts_MovesContactsAndSubAccountsAndRemovesTheMergedAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateAccountAsync(new { name = "Acme GmbH", phone = "+49 30 1111111" });
        var merged = await rep.Client.CreateAccountAsync(new { name = "ACME", phone = "+49 30 2222222", website = "acme.example", vatId = "DE123456789" });
        var contact = await rep.Client.CreateContactAsync("Berg", merged.Id());
        var deletedContact = await rep.Client.CreateContactAsync("Tal", merged.Id());
        await rep.Client.RemoveAsync($"/api/contacts/{deletedContact.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        var child = await rep.Client.CreateAccountAsync(new { name = "Acme Services", parentAccountId = merged.Id() });
        var marker = await rep.Client.CreateAccountAsync(RecordingMergeParticipant.MarkerName);

        var response = await rep.Client.SendRawAsync(
            HttpMethod.Post, $"/api/accounts/{survivor.Id()}/merge",
            $$$"""{"mergedId":"{{{merged.Id()}}}","fieldChoices":{"phone":"Merged"}}""", survivor.Str("eTag"));
        var result = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Acme GmbH", result.Str("name"));
        Assert.Equal("+49302222222", result.Str("phone"));
        Assert.Equal("DE123456789", result.Str("vatId")); // empty on the survivor: taken from the merged account
        Assert.Equal("https://acme.example/", result.Str("website"));
        Assert.Equal(result.Str("eTag"), response.ETag());
        Assert.Equal(survivor.Id(), (await rep.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).GetProperty("accountId").GetGuid());
        Assert.Equal(survivor.Id(), (await rep.Client.GetJsonAsync($"/api/accounts/{child.Id()}")).GetProperty("parentAccountId").GetGuid());
        var deletedAccountId = await app.InTenantAsync(rep.TenantId, db => db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(c => c.Id == deletedContact.Id()).Select(c => c.AccountId).SingleAsync(Api.Ct));
        Assert.Equal(survivor.Id(), deletedAccountId);
        await rep.Client.FetchAsync($"/api/accounts/{merged.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(app.Participant.Calls, c => c == (new RecordRef("account", merged.Id()), new RecordRef("account", survivor.Id())));
        Assert.Equal($"touched by account/{merged.Id()}", (await rep.Client.GetJsonAsync($"/api/accounts/{marker.Id()}")).Str("description"));
    }

    [Fact]
    public async Task MergeAccounts_MergedAccount_CannotBeRestored()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateAccountAsync("Acme");
        var merged = await rep.Client.CreateAccountAsync("Acme Ltd.");
        await MergeAsync(rep, "accounts", survivor, merged.Id()).ExpectAsync(HttpStatusCode.OK);

        await rep.Client.PostJsonAsync($"/api/accounts/{merged.Id()}/restore", new { }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task MergeAccounts_SurvivorWasChildOfMerged_TakesTheMergedParent()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var holding = await rep.Client.CreateAccountAsync("Holding");
        var merged = await rep.Client.CreateAccountAsync(new { name = "Acme", parentAccountId = holding.Id() });
        var survivor = await rep.Client.CreateAccountAsync(new { name = "Acme Süd", parentAccountId = merged.Id() });
        var sibling = await rep.Client.CreateAccountAsync(new { name = "Acme Nord", parentAccountId = merged.Id() });

        var result = await MergeAsync(rep, "accounts", survivor, merged.Id()).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(holding.Id(), result.GetProperty("parentAccountId").GetGuid());
        Assert.Equal(survivor.Id(), (await rep.Client.GetJsonAsync($"/api/accounts/{sibling.Id()}")).GetProperty("parentAccountId").GetGuid());
    }

    [Fact]
    public async Task MergeAccounts_FailingParticipant_LeavesBothAccountsUnchanged()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateAccountAsync(new { name = "Acme", description = "original" });
        var merged = await rep.Client.CreateAccountAsync(new { name = "Acme Ltd.", email = "info@acme.example" });
        var contact = await rep.Client.CreateContactAsync("Berg", merged.Id());
        var marker = await rep.Client.CreateAccountAsync(RecordingMergeParticipant.MarkerName);
        app.Participant.FailFor[merged.Id()] = true;

        await MergeAsync(rep, "accounts", survivor, merged.Id()).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Null((await rep.Client.GetJsonAsync($"/api/accounts/{marker.Id()}")).StrOrNull("description"));
        var after = await rep.Client.GetJsonAsync($"/api/accounts/{survivor.Id()}");
        Assert.Equal("original", after.Str("description"));
        Assert.Null(after.StrOrNull("email"));
        Assert.Equal(survivor.Str("eTag"), after.Str("eTag"));
        Assert.Equal("Acme Ltd.", (await rep.Client.GetJsonAsync($"/api/accounts/{merged.Id()}")).Str("name"));
        Assert.Equal(merged.Id(), (await rep.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).GetProperty("accountId").GetGuid());
    }

    [Fact]
    public async Task MergeAccounts_StaleOrMissingIfMatch_Returns412Or428()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateAccountAsync("Acme");
        var merged = await rep.Client.CreateAccountAsync("Acme Ltd.");
        var body = $$"""{"mergedId":"{{merged.Id()}}"}""";
        await rep.Client.PatchJsonAsync($"/api/accounts/{survivor.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);

        await rep.Client.SendRawAsync(HttpMethod.Post, $"/api/accounts/{survivor.Id()}/merge", body, survivor.Str("eTag")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await rep.Client.SendRawAsync(HttpMethod.Post, $"/api/accounts/{survivor.Id()}/merge", body).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await rep.Client.GetJsonAsync($"/api/accounts/{merged.Id()}");
    }

    [Fact]
    public async Task MergeAccounts_InvisibleOrOtherTenantsAccount_Returns404()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Private);
        var hidden = await owner.Client.CreateAccountAsync("Hidden");
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var mine = await stranger.Client.CreateAccountAsync("Mine");
        var foreign = await (await app.CreateTenantWithUserAsync("Other")).Client.CreateAccountAsync("Foreign");

        await MergeAsync(stranger, "accounts", mine, hidden.Id()).ProblemAsync(HttpStatusCode.NotFound);
        await MergeAsync(stranger, "accounts", mine, foreign.Id()).ProblemAsync(HttpStatusCode.NotFound);
        await owner.Client.GetJsonAsync($"/api/accounts/{hidden.Id()}");
    }

    [Fact]
    public async Task MergeAccounts_VisibleButNotChangeable_Returns403()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Read);
        var theirs = await owner.Client.CreateAccountAsync("Theirs");
        var colleague = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var mine = await colleague.Client.CreateAccountAsync("Mine");

        await MergeAsync(colleague, "accounts", mine, theirs.Id()).ProblemAsync(HttpStatusCode.Forbidden);
        await owner.Client.GetJsonAsync($"/api/accounts/{theirs.Id()}");
    }

    [Fact]
    public async Task MergeAccounts_WithItselfOrUnknownField_Returns400()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var other = await rep.Client.CreateAccountAsync("Acme Ltd.");

        await MergeAsync(rep, "accounts", account, account.Id()).ProblemAsync(HttpStatusCode.BadRequest, "mergedId");
        await rep.Client.SendRawAsync(
                HttpMethod.Post, $"/api/accounts/{account.Id()}/merge", $$$"""{"mergedId":"{{{other.Id()}}}","fieldChoices":{"shoeSize":"Merged"}}""", "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "fieldChoices");
    }

    [Fact]
    public async Task MergeContacts_AppliesFieldChoicesAndCallsParticipants()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Schmidt", email = "anna@old.example", jobTitle = "Buyer" });
        var merged = await rep.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Schmidt-Berg", email = "anna@new.example", mobilePhone = "+49 171 1234567" });

        var result = await rep.Client.SendRawAsync(
                HttpMethod.Post, $"/api/contacts/{survivor.Id()}/merge",
                $$$"""{"mergedId":"{{{merged.Id()}}}","fieldChoices":{"lastName":"Merged","email":"Merged","jobTitle":"Survivor"}}""", survivor.Str("eTag"))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Schmidt-Berg", result.Str("lastName"));
        Assert.Equal("anna@new.example", result.Str("email"));
        Assert.Equal("Buyer", result.Str("jobTitle"));
        Assert.Equal("+491711234567", result.Str("mobilePhone"));
        await rep.Client.FetchAsync($"/api/contacts/{merged.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(app.Participant.Calls, c => c == (new RecordRef("contact", merged.Id()), new RecordRef("contact", survivor.Id())));
        await rep.Client.PostJsonAsync($"/api/contacts/{merged.Id()}/restore", new { }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task MergeContacts_FailingParticipant_LeavesBothContactsUnchanged()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateContactAsync(new { lastName = "Schmidt" });
        var merged = await rep.Client.CreateContactAsync(new { lastName = "Schmidt", email = "schmidt@acme.example" });
        app.Participant.FailFor[merged.Id()] = true;

        await MergeAsync(rep, "contacts", survivor, merged.Id()).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Null((await rep.Client.GetJsonAsync($"/api/contacts/{survivor.Id()}")).StrOrNull("email"));
        await rep.Client.GetJsonAsync($"/api/contacts/{merged.Id()}");
    }

    [Fact]
    public async Task MergeContacts_InvisibleContact_Returns404()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Contacts, SharingLevel.Private);
        var hidden = await owner.Client.CreateContactAsync("Hidden");
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var mine = await stranger.Client.CreateContactAsync("Mine");

        await MergeAsync(stranger, "contacts", mine, hidden.Id()).ProblemAsync(HttpStatusCode.NotFound);
        await MergeAsync(stranger, "contacts", mine, Guid.CreateVersion7()).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> MergeAsync(TestUser user, string plural, System.Text.Json.JsonElement survivor, Guid mergedId) =>
        user.Client.SendRawAsync(HttpMethod.Post, $"/api/{plural}/{survivor.Id()}/merge", $$"""{"mergedId":"{{mergedId}}"}""", survivor.Str("eTag"));
}
