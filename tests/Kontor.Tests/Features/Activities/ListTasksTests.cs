using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Records;
using Kontor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Activities;

/// <summary>"My tasks": due filters by the user's calendar day, statuses, completion and paging; merges moving activities.</summary>
public sealed class ListTasksTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task DueFilters_UseTheUsersDay_NotTheUtcDay()
    {
        // 23:30 UTC on 10 March is already 11 March in Berlin, the users' time zone.
        var year = NextYear();
        app.Clock.SetUtcNow(new DateTimeOffset(year, 3, 10, 23, 30, 0, TimeSpan.Zero));
        var rep = await app.CreateTenantWithUserAsync("Due", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var overdue = await rep.Client.AddTaskAsync("account", account, "Overdue", new DateOnly(year, 3, 10));
        var today = await rep.Client.AddTaskAsync("account", account, "Today", new DateOnly(year, 3, 11));
        var week = await rep.Client.AddTaskAsync("account", account, "This week", new DateOnly(year, 3, 17));
        var later = await rep.Client.AddTaskAsync("account", account, "Later", new DateOnly(year, 3, 18));
        var undated = await rep.Client.AddTaskAsync("account", account, "Someday");
        var others = await rep.Client.AddTaskAsync("account", account, "Colleague's", new DateOnly(year, 3, 11), colleague.Id);

        Assert.Equal([overdue.Id()], (await rep.Client.GetJsonAsync("/api/tasks?assignee=me&due=overdue")).Ids());
        Assert.Equal([today.Id()], (await rep.Client.GetJsonAsync("/api/tasks?assignee=me&due=today")).Ids());
        Assert.Equal([today.Id(), week.Id()], (await rep.Client.GetJsonAsync("/api/tasks?assignee=me&due=week")).Ids());
        Assert.Equal([overdue.Id(), today.Id(), week.Id(), later.Id(), undated.Id()], (await rep.Client.GetJsonAsync("/api/tasks?assignee=me")).Ids());
        Assert.Equal([others.Id()], (await rep.Client.GetJsonAsync($"/api/tasks?assignee={colleague.Id}&due=today")).Ids());
        Assert.Equal(new[] { today.Id(), others.Id() }.Order(), (await rep.Client.GetJsonAsync("/api/tasks?due=today")).Ids().Order());
    }

    [Fact]
    public async Task Complete_StampsCompletedAt_AndStatusFilterFollows()
    {
        var year = NextYear();
        app.Clock.SetUtcNow(new DateTimeOffset(year, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var rep = await app.CreateTenantWithUserAsync("Complete", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var task = await rep.Client.AddTaskAsync("account", account, "Call back", new DateOnly(year, 4, 1));

        var done = await rep.Client.PostJsonAsync($"/api/tasks/{task.Id()}/complete", new { }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Done", done.Str("status"));
        Assert.Equal(app.Clock.GetUtcNow(), done.GetProperty("completedAt").GetDateTimeOffset());
        Assert.Empty((await rep.Client.GetJsonAsync("/api/tasks?assignee=me")).Ids());
        Assert.Equal([task.Id()], (await rep.Client.GetJsonAsync("/api/tasks?assignee=me&status=Done")).Ids());
        Assert.Equal([task.Id()], (await rep.Client.GetJsonAsync("/api/tasks?assignee=me&status=all")).Ids());
        await rep.Client.PostJsonAsync($"/api/tasks/{Guid.NewGuid()}/complete", new { }).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_WithBadFilters_Returns400()
    {
        var rep = await app.CreateTenantWithUserAsync("Bad", Roles.SalesRep);

        await rep.Client.FetchAsync("/api/tasks?due=tomorrow").ProblemAsync(HttpStatusCode.BadRequest, "due");
        await rep.Client.FetchAsync("/api/tasks?assignee=you").ProblemAsync(HttpStatusCode.BadRequest, "assignee");
        await rep.Client.FetchAsync("/api/tasks?status=1").ProblemAsync(HttpStatusCode.BadRequest, "status");
        await rep.Client.FetchAsync("/api/tasks?cursor=xyz").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task List_IsKeysetPaged_ByDueDate()
    {
        var rep = await app.CreateTenantWithUserAsync("Paging", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var ids = new List<Guid>();
        for (var day = 1; day <= 5; day++)
        {
            ids.Add((await rep.Client.AddTaskAsync("account", account, $"Task {day}", new DateOnly(2099, 1, 6 - day))).Id());
        }

        var pages = await rep.Client.AllPagesAsync("/api/tasks?assignee=me&limit=2");

        Assert.Equal(3, pages.Count);
        Assert.Equal(Enumerable.Reverse(ids), pages.SelectMany(p => p.Ids()));
    }

    [Fact]
    public async Task Merge_MovesActivitiesAndInvitationsToTheSurvivor()
    {
        var rep = await app.CreateTenantWithUserAsync("Merge", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var merged = (await rep.Client.CreateContactAsync("Schmidt", account)).Id();
        var survivor = (await rep.Client.CreateContactAsync("Schmidt", account)).Id();
        var call = await rep.Client.LogCallAsync("contact", merged);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var both = await rep.Client.PostJsonAsync("/api/activities/meetings", new
        {
            targetType = "contact", targetId = merged, subject = "Both", startsAt = start, endsAt = start.AddHours(1), attendeeContactIds = new[] { merged, survivor },
        }).ExpectAsync(HttpStatusCode.Created);

        await app.InTenantAsync(rep.TenantId, async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            foreach (var participant in scope.ServiceProvider.GetServices<IRecordMergeParticipant>())
            {
                await participant.MoveAsync(db, new RecordRef(CustomerObjects.Contacts.Key, merged), new RecordRef(CustomerObjects.Contacts.Key, survivor), Api.Ct);
            }

            await db.SaveChangesAsync(Api.Ct);
        });

        var timeline = await rep.Client.GetJsonAsync($"/api/timeline/contact/{survivor}");
        Assert.Equal(new[] { call.Id(), both.Id() }.Order(), timeline.Ids().Order());
        var meeting = await rep.Client.GetJsonAsync($"/api/activities/{both.Id()}");
        Assert.Equal([survivor], meeting.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("contactId").GetGuid()));
        await rep.Client.FetchAsync($"/api/timeline/contact/{merged}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await rep.Client.GetJsonAsync($"/api/timeline/contact/{merged}")).Ids());
    }

    /// <summary>The fake clock only moves forward; each test that sets a date moves to a later year.</summary>
    private int NextYear() => app.Clock.GetUtcNow().Year + 1;
}
