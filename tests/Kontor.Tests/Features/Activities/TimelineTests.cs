using System.Globalization;
using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Activities;

/// <summary>A record's timeline: its activities, its children's activities and its field changes, newest first and paged.</summary>
public sealed class TimelineTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Theory]
    [InlineData("account", "BillingAddress.City", "en-GB", "Billing address · City")]
    [InlineData("account", "BillingAddress.City", "de-DE", "Rechnungsadresse · Ort")]
    [InlineData("contact", "MobilePhone", "de-DE", "Mobil")]
    [InlineData("contact", "SomethingNew", "de-DE", "SomethingNew")]
    public void FieldLabel_OfAuditedField_IsTheFormsLabelInTheUsersLanguage(string type, string field, string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var target = app.Services.GetRequiredService<RecordTargets>().Find(type)!;
            Assert.Equal(expected, target.FieldLabel(field));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timeline_OfAccount_MergesOwnAndContactsActivitiesAndFieldChanges_NewestFirst()
    {
        var rep = await app.CreateTenantWithUserAsync("Timeline", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var contact = (await rep.Client.CreateContactAsync("Schmidt", account)).Id();
        var otherAccount = (await rep.Client.CreateAccountAsync("Other")).Id();
        var accountCall = await rep.Client.LogCallAsync("account", account, Start.AddHours(1));
        var contactCall = await rep.Client.LogCallAsync("contact", contact, Start.AddHours(3));
        await rep.Client.LogCallAsync("account", otherAccount, Start.AddHours(4));
        var change = await AddChangeAsync(rep, account, Start.AddHours(2), "Name", "Acme", "Acme AG");

        var page = await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=call,change");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([contactCall.Id(), change, accountCall.Id()], page.Ids());
        Assert.True(items[0].GetProperty("fromChild").GetBoolean());
        Assert.Equal("contact", items[0].GetProperty("record").Str("type"));
        Assert.Equal("Schmidt", items[0].Str("recordName"));
        Assert.False(items[2].GetProperty("fromChild").GetBoolean());
        Assert.Equal("Change", items[1].Str("kind"));
        var fieldChange = items[1].GetProperty("change");
        Assert.Equal(("Name", "Acme", "Acme AG", "Api"), (fieldChange.Str("field"), fieldChange.Str("oldValue"), fieldChange.Str("newValue"), fieldChange.Str("channel")));
        Assert.Equal(rep.Id, fieldChange.GetProperty("changedBy").GetGuid());
        Assert.Equal(3, page.GetProperty("total").GetInt32());

        var ofContact = await rep.Client.GetJsonAsync($"/api/timeline/contact/{contact}");
        Assert.Equal([contactCall.Id()], ofContact.Ids());
    }

    [Fact]
    public async Task Timeline_ChangeOfAReference_NamesTheOldAndNewRecord()
    {
        var rep = await app.CreateTenantWithUserAsync("References", Roles.SalesRep);
        var acme = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var globex = (await rep.Client.CreateAccountAsync("Globex")).Id();
        var contact = await rep.Client.CreateContactAsync("Weber", acme);

        await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { accountId = globex }, contact.Str("eTag")).ExpectAsync(HttpStatusCode.OK);

        var page = await rep.Client.GetJsonAsync($"/api/timeline/contact/{contact.Id()}?kinds=change");
        var change = Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("change");
        Assert.Equal(("AccountId", acme.ToString(), globex.ToString()), (change.Str("field"), change.Str("oldValue"), change.Str("newValue")));
        Assert.Equal(("Acme", "Globex"), (change.Str("oldName"), change.Str("newName")));
    }

    [Fact]
    public async Task Timeline_PagedAcrossActivitiesAndChanges_ReturnsEveryEntryOnceInOrder()
    {
        var rep = await app.CreateTenantWithUserAsync("Paging", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var contact = (await rep.Client.CreateContactAsync("Weber", account)).Id();
        var expected = new List<(DateTimeOffset At, Guid Id)>();
        for (var i = 0; i < 7; i++)
        {
            // Calls and changes share some instants, so the id decides the order between sources.
            var at = Start.AddMinutes(10 * (i / 2));
            var call = await rep.Client.LogCallAsync(i % 3 == 0 ? "contact" : "account", i % 3 == 0 ? contact : account, at);
            expected.Add((at, call.Id()));
            expected.Add((at, await AddChangeAsync(rep, account, at, "Phone", $"{i}", $"{i + 1}")));
        }

        var pages = await rep.Client.AllPagesAsync($"/api/timeline/account/{account}?limit=3");
        var seen = pages.SelectMany(p => p.Ids()).ToList();

        Assert.Equal(5, pages.Count);
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected.Select(e => e.Id).ToHashSet(), seen.ToHashSet());
        var times = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task Timeline_FilteredByKind_ShowsOnlyThoseKinds()
    {
        var rep = await app.CreateTenantWithUserAsync("Kinds", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var call = await rep.Client.LogCallAsync("account", account);
        var note = await rep.Client.AddNoteAsync("account", account, "A note");
        var task = await rep.Client.AddTaskAsync("account", account, "A task");
        var change = await AddChangeAsync(rep, account, Start, "Name", null, "Acme");

        Assert.Equal([call.Id()], (await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=call")).Ids());
        Assert.Equal([change], (await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=change")).Ids());
        Assert.Equal(
            new[] { note.Id(), task.Id() }.Order(),
            (await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=Note, task")).Ids().Order());
        Assert.Equal(4, (await rep.Client.GetJsonAsync($"/api/timeline/account/{account}")).Ids().Count);
        await rep.Client.FetchAsync($"/api/timeline/account/{account}?kinds=call,email").ProblemAsync(HttpStatusCode.BadRequest, "kinds");
        await rep.Client.FetchAsync($"/api/timeline/account/{account}?cursor=nonsense").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await rep.Client.FetchAsync($"/api/timeline/account/{account}?limit=0").ProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task Timeline_OfAccount_LeavesOutActivitiesOfContactsTheUserCannotSee()
    {
        var owner = await app.CreateTenantWithUserAsync("Hidden child", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Contacts, SharingLevel.Private);
        var colleague = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var account = (await owner.Client.CreateAccountAsync("Shared customer")).Id();
        var contact = (await owner.Client.CreateContactAsync("Private", account)).Id();
        var accountCall = await owner.Client.LogCallAsync("account", account);
        var contactCall = await owner.Client.LogCallAsync("contact", contact);

        Assert.Equal(new[] { accountCall.Id(), contactCall.Id() }.Order(), (await owner.Client.GetJsonAsync($"/api/timeline/account/{account}")).Ids().Order());
        Assert.Equal([accountCall.Id()], (await colleague.Client.GetJsonAsync($"/api/timeline/account/{account}")).Ids());
        await colleague.Client.FetchAsync($"/api/activities/{contactCall.Id()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Timeline_OfMissingOrUnknownRecord_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Missing", Roles.SalesRep);

        await rep.Client.FetchAsync($"/api/timeline/account/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
        await rep.Client.FetchAsync($"/api/timeline/planet/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<Guid> AddChangeAsync(TestUser user, Guid account, DateTimeOffset at, string field, string? oldValue, string? newValue) =>
        app.InTenantAsync(user.TenantId, async db =>
        {
            var change = new FieldChange("account", account, field, oldValue, newValue, at, user.Id, Channel.Api);
            db.FieldChanges.Add(change);
            await db.SaveChangesAsync(Api.Ct);
            return change.Id;
        });
}
