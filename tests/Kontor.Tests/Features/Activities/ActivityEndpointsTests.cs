using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Activities;

/// <summary>Creating, reading, changing and deleting activities of every kind, and who may.</summary>
public sealed class ActivityEndpointsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task LogCall_OnVisibleAccount_Returns201WithETagAndTheCall()
    {
        var rep = await app.CreateTenantWithUserAsync("Calls", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Müller GmbH")).Id();

        var response = await rep.Client.PostJsonAsync("/api/activities/calls", new
        {
            targetType = "account", targetId = account, direction = "Inbound", outcome = "Voicemail", durationSeconds = 45, subject = "Callback",
        });
        var call = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/activities/{call.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("Call", call.Str("kind"));
        Assert.Equal("Inbound", call.Str("direction"));
        Assert.Equal("Voicemail", call.Str("outcome"));
        Assert.Equal(45, call.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("Müller GmbH", call.Str("targetName"));
        var fetched = await rep.Client.FetchAsync($"/api/activities/{call.Id()}");
        Assert.Equal(response.ETag(), fetched.ETag());
    }

    [Fact]
    public async Task Create_WithInvalidFields_Returns400NamingEachField()
    {
        var rep = await app.CreateTenantWithUserAsync("Invalid", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var start = DateTimeOffset.UtcNow.AddDays(1);

        await rep.Client.PostJsonAsync("/api/activities/tasks", new { targetType = "account", targetId = account, subject = " " })
            .ProblemAsync(HttpStatusCode.BadRequest, "subject");
        await rep.Client.PostJsonAsync("/api/activities/calls", new { targetType = "account", targetId = account, durationSeconds = -1 })
            .ProblemAsync(HttpStatusCode.BadRequest, "durationSeconds");
        await rep.Client.PostJsonAsync("/api/activities/meetings", new { targetType = "account", targetId = account, subject = "Kick-off", startsAt = start, endsAt = start })
            .ProblemAsync(HttpStatusCode.BadRequest, "endsAt");
        await rep.Client.PostJsonAsync("/api/activities/meetings", new
        {
            targetType = "account", targetId = account, subject = "Kick-off", startsAt = start, endsAt = start.AddHours(1), attendeeUserIds = new[] { Guid.NewGuid() }, attendeeContactIds = new[] { Guid.NewGuid() },
        }).ProblemAsync(HttpStatusCode.BadRequest, "attendeeUserIds", "attendeeContactIds");
        await rep.Client.PostJsonAsync("/api/activities/notes", new { targetType = "account", body = "" })
            .ProblemAsync(HttpStatusCode.BadRequest, "targetId", "body");
        await rep.Client.PostJsonAsync("/api/activities/notes", new { targetType = "planet", targetId = account, body = "Hi" })
            .ProblemAsync(HttpStatusCode.BadRequest, "targetType");
        await rep.Client.PostJsonAsync("/api/activities/notes", new { targetType = "account", targetId = account, body = new string('x', 10_001) })
            .ProblemAsync(HttpStatusCode.BadRequest, "body");
        await rep.Client.PostJsonAsync("/api/activities/calls", new { targetType = "account", targetId = account, outcome = "Hung up" })
            .ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_OnMissingOrOtherTenantsRecord_Returns404()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme");
        var globex = await app.CreateTenantWithUserAsync("Globex");
        var foreign = (await acme.Client.CreateAccountAsync("Secret")).Id();

        await globex.Client.PostJsonAsync("/api/activities/notes", new { targetType = "account", targetId = foreign, body = "Hi" })
            .ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.PostJsonAsync("/api/activities/notes", new { targetType = "contact", targetId = Guid.NewGuid(), body = "Hi" })
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Activities_OfOtherTenant_AreInvisibleEverywhere()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme");
        var globex = await app.CreateTenantWithUserAsync("Globex");
        var account = (await acme.Client.CreateAccountAsync("Secret")).Id();
        var note = await acme.Client.AddNoteAsync("account", account, "Confidential");
        var task = await acme.Client.AddTaskAsync("account", account, "Secret task", DateOnly.FromDateTime(DateTime.UtcNow));

        await globex.Client.FetchAsync($"/api/activities/{note.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.FetchAsync($"/api/timeline/account/{account}").ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.RemoveAsync($"/api/activities/{note.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(task.Id(), await globex.Client.VisibleIdsAsync("/api/tasks?status=all"));
    }

    [Fact]
    public async Task Changes_OnRecordTheUserMayOnlyRead_Return403()
    {
        var owner = await app.CreateTenantWithUserAsync("ReadOnly", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var account = (await owner.Client.CreateAccountAsync("Owner's customer")).Id();
        var note = await owner.Client.AddNoteAsync("account", account, "Owner's note");

        // The default sharing lets colleagues read accounts, and with them their activities, but not change them.
        await colleague.Client.GetJsonAsync($"/api/activities/{note.Id()}");
        await colleague.Client.PostJsonAsync("/api/activities/notes", new { targetType = "account", targetId = account, body = "Mine" })
            .ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.PatchJsonAsync($"/api/activities/notes/{note.Id()}", new { body = "Changed" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.RemoveAsync($"/api/activities/{note.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Activities_OfPrivateRecord_AreInvisibleToOthers_ExceptTheirOwnTasks()
    {
        var owner = await app.CreateTenantWithUserAsync("Private", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Private);
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var account = (await owner.Client.CreateAccountAsync("Private customer")).Id();
        var note = await owner.Client.AddNoteAsync("account", account, "Hidden");
        var task = await owner.Client.AddTaskAsync("account", account, "For the stranger", assigneeId: stranger.Id);

        await stranger.Client.FetchAsync($"/api/activities/{note.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.PostJsonAsync("/api/activities/notes", new { targetType = "account", targetId = account, body = "Hi" }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([task.Id()], await stranger.Client.VisibleIdsAsync("/api/tasks?assignee=me"));
        var done = await stranger.Client.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Done", done.Str("status"));
        await stranger.Client.PatchJsonAsync($"/api/activities/tasks/{task.Id()}", new { subject = "Renamed" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WorksCouncil_SeesNoActivities()
    {
        var rep = await app.CreateTenantWithUserAsync("Council", Roles.SalesRep);
        var council = await app.CreateUserAsync(rep.TenantId, [Roles.WorksCouncil]);
        var account = (await rep.Client.CreateAccountAsync("Customer")).Id();
        var call = await rep.Client.LogCallAsync("account", account);

        await council.Client.FetchAsync($"/api/activities/{call.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await council.Client.VisibleIdsAsync("/api/tasks?status=all"));
    }

    [Fact]
    public async Task Patch_FollowsIfMatch_412WhenStale_428WithoutIt()
    {
        var rep = await app.CreateTenantWithUserAsync("Patch", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var created = await rep.Client.PostJsonAsync("/api/activities/tasks", new { targetType = "account", targetId = account, subject = "Send offer" });
        var task = await created.ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/activities/tasks/{task.Id()}";

        await rep.Client.PatchJsonAsync(url, new { priority = "High" }, ifMatch: null).ProblemAsync((HttpStatusCode)428);
        var changed = await rep.Client.PatchJsonAsync(url, new { priority = "High", status = "Done" }, created.ETag());
        var body = await changed.ExpectAsync(HttpStatusCode.OK);
        await rep.Client.PatchJsonAsync(url, new { priority = "Low" }, created.ETag()).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await rep.Client.PatchJsonAsync(url, new { targetId = Guid.NewGuid() }, changed.ETag()).ProblemAsync(HttpStatusCode.BadRequest, "targetId");
        await rep.Client.PatchJsonAsync($"/api/activities/calls/{task.Id()}", new { durationSeconds = 1 }, "*").ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("High", body.Str("priority"));
        Assert.Equal("Done", body.Str("status"));
        Assert.NotNull(body.StrOrNull("completedAt"));
        Assert.Equal("Send offer", body.Str("subject"));
    }

    [Fact]
    public async Task Delete_MovesToRecycleBin_RestoreBringsItBack()
    {
        var rep = await app.CreateTenantWithUserAsync("Recycle", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var call = await rep.Client.LogCallAsync("account", account);

        await rep.Client.RemoveAsync($"/api/activities/{call.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await rep.Client.FetchAsync($"/api/activities/{call.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=call")).Ids());
        await rep.Client.PostJsonAsync($"/api/activities/{call.Id()}/restore", new { }).ExpectAsync(HttpStatusCode.OK);
        await rep.Client.GetJsonAsync($"/api/activities/{call.Id()}");
        await rep.Client.PostJsonAsync($"/api/activities/{call.Id()}/restore", new { }).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Note_Markdown_IsRenderedWithoutScriptsOrJavascriptLinks()
    {
        var rep = await app.CreateTenantWithUserAsync("Markdown", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();

        var note = await rep.Client.AddNoteAsync("account", account,
            "**Wichtig**: <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> [site](https://example.com)");
        var html = note.Str("bodyHtml");

        Assert.Contains("<strong>Wichtig</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingInvite_IsICalendarWithStableUidUtcTimesOrganizerAndAttendees()
    {
        var rep = await app.CreateTenantWithUserAsync("Meetings", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var contact = (await rep.Client.CreateContactAsync(new { lastName = "Schmidt", firstName = "Eva", email = "eva@acme.example", accountId = account })).Id();
        var starts = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1));

        var meeting = await rep.Client.PostJsonAsync("/api/activities/meetings", new
        {
            targetType = "account", targetId = account, subject = "Kick-off", location = "Berlin",
            startsAt = starts, endsAt = starts.AddMinutes(90), attendeeUserIds = new[] { colleague.Id }, attendeeContactIds = new[] { contact },
        }).ExpectAsync(HttpStatusCode.Created);
        var response = await rep.Client.FetchAsync($"/api/activities/meetings/{meeting.Id()}/ics");
        var ics = await response.Content.ReadAsStringAsync(Api.Ct);
        var again = await rep.Client.FetchAsync($"/api/activities/meetings/{meeting.Id()}/ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.Id()}@kontor", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.Id()}@kontor", await again.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261203T090000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261203T103000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Kick-off", ics, StringComparison.Ordinal);
        Assert.Contains($"mailto:{rep.Email}", Unfold(ics), StringComparison.Ordinal);
        Assert.Contains("ORGANIZER", ics, StringComparison.Ordinal);
        Assert.Contains($"mailto:{colleague.Email}", Unfold(ics), StringComparison.Ordinal);
        Assert.Contains("mailto:eva@acme.example", Unfold(ics), StringComparison.Ordinal);
        Assert.Equal(2, meeting.GetProperty("attendees").GetArrayLength());
        await rep.Client.FetchAsync($"/api/activities/meetings/{Guid.NewGuid()}/ics").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateNote_WithIdempotencyKey_CreatesOnce()
    {
        var rep = await app.CreateTenantWithUserAsync("Idempotent", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/activities/notes")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { targetType = "account", targetId = account, body = "Once" }),
            Headers = { { "Idempotency-Key", "note-1" } },
        };

        var first = await (await rep.Client.SendAsync(Request(), Api.Ct)).ExpectAsync(HttpStatusCode.Created);
        var second = await (await rep.Client.SendAsync(Request(), Api.Ct)).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(first.Id(), second.Id());
        Assert.Single((await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=note")).Ids());
    }

    /// <summary>iCalendar folds long lines at 75 octets; unfold before looking for a value.</summary>
    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);
}
