using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Audit;

public sealed partial class AuditLogTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task RecordLifecycle_ThroughApi_IsLoggedInOrderWithActorAndChannel()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await rep.Client.PostJsonAsync($"/api/accounts/{account.Id()}/restore", new { }).ExpectAsync(HttpStatusCode.OK);

        var entries = (await app.EntriesAsync(rep.TenantId)).Where(e => e.RecordId == account.Id()).ToList();

        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete, AuditAction.Restore], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("account", e.RecordType);
            Assert.Equal(rep.Id, e.ActorId);
            Assert.Equal(ActorKind.User, e.ActorKind);
            Assert.Equal(Channel.Api, e.Channel);
        });
        Assert.Equal("""{"fields":["Industry"]}""", entries[1].Detail);
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Fact]
    public async Task Create_WithAPersonalAccessToken_IsLoggedAsTheTokenOfItsUser()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var token = await app.IssueTokenAsync(rep, TokenScope.ReadWrite);

        var account = await app.CreateBearerClient(token).CreateAccountAsync("Acme");

        var entry = (await app.EntriesAsync(rep.TenantId)).Single(e => e.RecordId == account.Id());
        Assert.Equal((rep.Id, ActorKind.Token, Channel.Api), (entry.ActorId, entry.ActorKind, entry.Channel));
    }

    [Fact]
    public async Task Login_SuccessAndWrongPassword_AreLoggedForTheUser_UnknownEmailIsNot()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var before = (await app.EntriesAsync(admin.TenantId)).Count;

        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = app.NewEmail("nobody"), password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);

        var entries = (await app.EntriesAsync(admin.TenantId)).Skip(before).ToList();
        Assert.Equal([AuditAction.LoginFailed, AuditAction.Login], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(admin.Id, e.ActorId);
            Assert.Equal(admin.Id, e.RecordId);
            Assert.Equal(Channel.Api, e.Channel);
        });
        Assert.Equal("""{"reason":"wrong password or code"}""", entries[0].Detail);
        Assert.DoesNotContain(admin.Email, string.Concat(entries.Select(e => e.Detail)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WebUiSignInAndSignOut_AreLoggedWithChannelUi()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var before = (await app.EntriesAsync(rep.TenantId)).Count;
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await SignInThroughFormAsync(browser, rep.Email, "wrong password 123");
        await SignInThroughFormAsync(browser, rep.Email, KontorAppFactory.Password);
        var signedOut = await browser.PostAsync("/signout", null, Api.Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var entries = (await app.EntriesAsync(rep.TenantId)).Skip(before).ToList();
        Assert.Equal([AuditAction.LoginFailed, AuditAction.Login, AuditAction.Logout], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((rep.Id, Channel.Ui), (e.ActorId, e.Channel)));
    }

    [Fact]
    public async Task PermissionChanges_RolesTeamMembershipAndSharing_AreLoggedWithoutPersonalData()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.FieldSales);
        var before = (await app.EntriesAsync(admin.TenantId)).Count;

        await admin.Client.PutAsJsonAsync($"/api/users/{rep.Id}/roles", new { roles = new[] { Roles.SalesRep, Roles.TeamLead } }, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.PostJsonAsync($"/api/teams/{team}/members", new { userId = rep.Id }).ExpectAsync(HttpStatusCode.Created);
        await admin.Client.PutAsJsonAsync("/api/sharing/account", new { level = "Private" }, Api.Ct).ExpectAsync(HttpStatusCode.OK);

        var changes = (await app.EntriesAsync(admin.TenantId)).Skip(before).Where(e => e.Action == AuditAction.PermissionChange).ToList();
        Assert.Equal(3, changes.Count);
        Assert.Equal(("user", rep.Id), (changes[0].RecordType, changes[0].RecordId));
        Assert.Equal("""{"change":"roles","added":["TeamLead"],"removed":[]}""", changes[0].Detail);
        Assert.Equal(("team", team), (changes[1].RecordType, changes[1].RecordId));
        Assert.Contains(rep.Id.ToString(), changes[1].Detail, StringComparison.Ordinal);
        Assert.Equal("""{"change":"sharing","object":"account","level":"Private"}""", changes[2].Detail);
        Assert.All(changes, e => Assert.Equal(admin.Id, e.ActorId));
    }

    [Fact]
    public async Task ManagerChangeDeactivationAndTeamDeletion_AreLoggedAsPermissionChanges()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.FieldSales, rep.Id);
        var before = (await app.EntriesAsync(admin.TenantId)).Count;

        await admin.Client.PutAsJsonAsync($"/api/users/{rep.Id}/manager", new { managerId = admin.Id }, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.PostJsonAsync($"/api/users/{rep.Id}/deactivate", new { }).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.RemoveAsync($"/api/teams/{team}").ExpectAsync(HttpStatusCode.NoContent);

        var changes = (await app.EntriesAsync(admin.TenantId)).Skip(before).ToList();
        Assert.All(changes, e => Assert.Equal((AuditAction.PermissionChange, admin.Id), (e.Action, e.ActorId)));
        Assert.Equal(
            [$$"""{"change":"manager","managerId":"{{admin.Id}}"}""", """{"change":"deactivated"}""", """{"change":"team-deleted"}"""],
            changes.Select(e => e.Detail));
    }

    [Fact]
    public async Task CreateUser_ByAnAdministrator_IsLoggedWithTheRoles()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);

        var created = await admin.Client.PostJsonAsync("/api/users", new { email = app.NewEmail(), firstName = "Rita", lastName = "Rep", password = KontorAppFactory.Password, roles = new[] { Roles.SalesRep } })
            .ExpectAsync(HttpStatusCode.Created);

        var entry = (await app.EntriesAsync(admin.TenantId)).Single(e => e.RecordId == created.Id());
        Assert.Equal((AuditAction.PermissionChange, admin.Id, Channel.Api), (entry.Action, entry.ActorId, entry.Channel));
        Assert.Equal("""{"change":"user-created","roles":["SalesRep"]}""", entry.Detail);
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntactUpToTheLastEntry()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        await admin.Client.CreateAccountAsync("One");
        await admin.Client.CreateContactAsync("Two");

        var result = await admin.Client.PostJsonAsync("/api/audit-log/verify", new { }).ExpectAsync(HttpStatusCode.OK);

        var entries = await app.EntriesAsync(admin.TenantId);
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.Equal(entries.Count, result.GetProperty("entries").GetInt64());
        Assert.Equal(entries[^1].Sequence, result.GetProperty("headSequence").GetInt64());
        Assert.Equal(entries[^1].Hash, result.Str("headHash"));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, entries[0].PreviousHash);
    }

    [Fact]
    public async Task Verify_AfterAnEntryWasChangedInTheDatabase_ReportsThatEntry()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var account = await admin.Client.CreateAccountAsync("Acme");
        await admin.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.CreateAccountAsync("Later");
        var update = (await app.EntriesAsync(admin.TenantId)).Single(e => e.Action == AuditAction.Update);

        await app.TamperAsync(admin.TenantId, update.Sequence, """{"fields":["Name"]}""");
        var result = await admin.Client.PostJsonAsync("/api/audit-log/verify", new { }).ExpectAsync(HttpStatusCode.OK);

        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(update.Sequence, result.GetProperty("brokenAt").GetInt64());
        Assert.Equal("HashMismatch", result.Str("reason"));
    }

    [Fact]
    public async Task Verify_AfterAnEntryWasDeletedInTheDatabase_ReportsTheGap()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        await admin.Client.CreateAccountAsync("One");
        await admin.Client.CreateAccountAsync("Two");
        await admin.Client.CreateAccountAsync("Three");
        var second = (await app.EntriesAsync(admin.TenantId))[^2];

        await app.CutOutAsync(admin.TenantId, second.Sequence);
        var result = await app.InTenantAsync(admin.TenantId, db => AuditChainVerifier.VerifyAsync(db, admin.TenantId, Api.Ct));

        Assert.Equal(second.Sequence, result.BrokenAt);
        Assert.Equal(AuditBreak.SequenceGap, result.Reason);
    }

    [Fact]
    public async Task UpdateOrDelete_OfAnEntryThroughTheApplication_IsRefusedByTheDatabase()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        await admin.Client.CreateAccountAsync("Acme");

        var update = await Record.ExceptionAsync(() => app.InTenantAsync(admin.TenantId, db =>
            db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "{}"), Api.Ct)));
        var delete = await Record.ExceptionAsync(() => app.InTenantAsync(admin.TenantId, db => db.AuditEntries.ExecuteDeleteAsync(Api.Ct)));
        var tracked = await Record.ExceptionAsync(() => app.InTenantAsync(admin.TenantId, async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(Api.Ct));
            return await db.SaveChangesAsync(Api.Ct);
        }));

        Assert.Contains("append-only", update?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("append-only", tracked?.Message ?? "", StringComparison.Ordinal);
        Assert.True((await app.InTenantAsync(admin.TenantId, db => AuditChainVerifier.VerifyAsync(db, admin.TenantId, Api.Ct))).IsIntact);
    }

    [Fact]
    public async Task ParallelCreates_OfOneTenant_FormOneUnbrokenChain()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => rep.Client.CreateAccountAsync($"Parallel {i}")));

        var entries = await app.EntriesAsync(rep.TenantId);
        Assert.Equal(20, entries.Count(e => e.Action == AuditAction.Create));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True((await app.InTenantAsync(rep.TenantId, db => AuditChainVerifier.VerifyAsync(db, rep.TenantId, Api.Ct))).IsIntact);
    }

    [Fact]
    public async Task List_FilteredByAction_ShowsOnlyThoseEntriesNewestFirst_AndOnlyToAdministrators()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await app.PutAgreementInForceAsync(admin.TenantId, admin.Id);
        var first = await rep.Client.CreateAccountAsync("First");
        var second = await rep.Client.CreateAccountAsync("Second");
        await rep.Client.PatchJsonAsync($"/api/accounts/{first.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);

        var page = await admin.Client.GetJsonAsync($"/api/audit-log?action=Create&actor={rep.Id}&limit=1");
        var next = await admin.Client.GetJsonAsync($"/api/audit-log?action=Create&actor={rep.Id}&limit=1&cursor={page.Str("nextCursor")}");
        var forRep = await rep.Client.FetchAsync("/api/audit-log");
        var badAction = await admin.Client.FetchAsync("/api/audit-log?action=Delete-everything");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(second.Id(), page.GetProperty("items")[0].GetProperty("recordId").GetGuid());
        Assert.Equal(first.Id(), next.GetProperty("items")[0].GetProperty("recordId").GetGuid());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("nextCursor").ValueKind);
        Assert.Equal("Create", page.GetProperty("items")[0].Str("action"));
        await forRep.ProblemAsync(HttpStatusCode.Forbidden);
        await badAction.ProblemAsync(HttpStatusCode.BadRequest, "action");
    }

    [Fact]
    public async Task List_WithoutAnAgreementThatNamesAdministrators_WithholdsWhoActed_AndRefusesLookingUpAPerson()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var account = await rep.Client.CreateAccountAsync("First");

        var strict = await admin.Client.GetJsonAsync($"/api/audit-log?action=Create&recordId={account.Id()}");
        var lookup = await admin.Client.FetchAsync($"/api/audit-log?actor={rep.Id}");
        var lookupAsRecord = await admin.Client.FetchAsync($"/api/audit-log?recordId={rep.Id}");
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);
        var signIns = (await admin.Client.GetJsonAsync("/api/audit-log?action=Login")).GetProperty("items").EnumerateArray().ToList();
        await app.PutAgreementInForceAsync(admin.TenantId, admin.Id);
        var agreed = await admin.Client.GetJsonAsync($"/api/audit-log?action=Create&recordId={account.Id()}");

        var hidden = Assert.Single(strict.GetProperty("items").EnumerateArray());
        Assert.True(hidden.GetProperty("actorWithheld").GetBoolean());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (hidden.GetProperty("actorId").ValueKind, hidden.GetProperty("actorName").ValueKind));
        await lookup.ProblemAsync(HttpStatusCode.Forbidden);
        await lookupAsRecord.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEmpty(signIns);
        Assert.All(signIns.Where(e => e.GetProperty("actorWithheld").GetBoolean()), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("recordId").ValueKind));
        Assert.DoesNotContain(signIns, e => e.GetProperty("recordId").ValueKind == JsonValueKind.String && e.GetProperty("recordId").GetGuid() == rep.Id);
        var named = Assert.Single(agreed.GetProperty("items").EnumerateArray());
        Assert.Equal((rep.Id, false), (named.GetProperty("actorId").GetGuid(), named.GetProperty("actorWithheld").GetBoolean()));
        var access = Assert.Single((await rep.Client.GetJsonAsync("/api/profile/data-access")).GetProperty("items").EnumerateArray());
        Assert.Equal((admin.Id, "change-history"), (access.GetProperty("readerId").GetGuid(), access.Str("category")));
    }

    private static async Task SignInThroughFormAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/signin", Api.Ct);
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "The sign-in form has no antiforgery field.");
        await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = antiforgery.Groups["value"].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), Api.Ct);
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)" """)]
    private static partial Regex AntiforgeryField();
}
