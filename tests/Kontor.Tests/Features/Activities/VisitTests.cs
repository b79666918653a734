using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Activities;

/// <summary>Visits: planned on "My visits" and the calendar feed, reported with follow-up tasks in one transaction, on the timeline.</summary>
public sealed class VisitTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static readonly DateTimeOffset Start = new(2099, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Report_CreatesFollowUpTasks_AndShowsOnTimelineAndMyVisits()
    {
        var rep = await app.CreateTenantWithUserAsync("Visits", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var account = (await rep.Client.CreateAccountAsync("Müller Maschinenbau")).Id();
        var contact = (await rep.Client.CreateContactAsync("Müller", account)).Id();
        var visit = await rep.Client.PostJsonAsync("/api/activities/visits", new
        {
            targetType = "account", targetId = account, subject = "Line 2 inspection", startsAt = Start, endsAt = Start.AddHours(2), location = "Werk Süd", purpose = "Bigger machine",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Planned", visit.Str("status"));

        var week = await rep.Client.GetJsonAsync("/api/visits?from=2099-03-09&to=2099-03-15");
        Assert.Equal([visit.Id()], week.EnumerateArray().Select(v => v.Id()));
        Assert.Empty((await colleague.Client.GetJsonAsync("/api/visits?from=2099-03-09&to=2099-03-15")).EnumerateArray());

        var reported = await rep.Client.PostJsonAsync($"/api/activities/visits/{visit.Id()}/report", new
        {
            outcome = "Positive",
            summary = "Wants a quote for the XL model.",
            nextSteps = "Send quote",
            contactIds = new[] { contact },
            followUps = new object[] { new { subject = "Send quote", dueOn = "2099-03-12" }, new { subject = "Book demo", assigneeId = colleague.Id } },
        }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Done", reported.Str("status"));
        Assert.Equal("Positive", reported.Str("outcome"));
        Assert.Equal([contact], reported.GetProperty("contactIds").EnumerateArray().Select(c => c.GetGuid()));
        var tasks = await rep.Client.GetJsonAsync("/api/tasks?status=all");
        Assert.Equal(new[] { "Book demo", "Send quote" }, tasks.Values("subject").Order(StringComparer.Ordinal));
        Assert.All(tasks.GetProperty("items").EnumerateArray(), t => Assert.Equal(account, t.GetProperty("targetId").GetGuid()));
        var timeline = await rep.Client.GetJsonAsync($"/api/timeline/account/{account}?kinds=visit");
        Assert.Equal([visit.Id()], timeline.GetProperty("items").EnumerateArray().Select(i => i.Id()));
    }

    [Fact]
    public async Task Report_WithAnInvalidFollowUp_ChangesNothing()
    {
        var rep = await app.CreateTenantWithUserAsync("Atomic", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var visit = await rep.Client.PostJsonAsync("/api/activities/visits", new { targetType = "account", targetId = account, subject = "Visit", startsAt = Start, endsAt = Start.AddHours(1) })
            .ExpectAsync(HttpStatusCode.Created);

        await rep.Client.PostJsonAsync($"/api/activities/visits/{visit.Id()}/report", new
        {
            outcome = "Neutral",
            summary = "Talked",
            followUps = new object[] { new { subject = "Valid task" }, new { subject = "Nobody's task", assigneeId = Guid.NewGuid() } },
        }).ProblemAsync(HttpStatusCode.BadRequest, "followUps[1].assigneeId");

        Assert.Empty((await rep.Client.GetJsonAsync("/api/tasks?status=all")).GetProperty("items").EnumerateArray());
        Assert.Equal("Planned", (await rep.Client.GetJsonAsync("/api/visits?from=2099-03-10&to=2099-03-10"))[0].Str("status"));
    }

    [Fact]
    public async Task Plan_WithBadInput_Returns400_AndReadOnlyAccount403()
    {
        var rep = await app.CreateTenantWithUserAsync("BadVisit", Roles.SalesRep);
        var stranger = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();

        await rep.Client.PostJsonAsync("/api/activities/visits", new { targetType = "account", targetId = account, subject = "V", startsAt = Start, endsAt = Start.AddHours(-1) })
            .ProblemAsync(HttpStatusCode.BadRequest, "endsAt");
        await rep.Client.PostJsonAsync("/api/activities/visits", new { targetType = "account", targetId = account, subject = "V", startsAt = Start, endsAt = Start.AddHours(1), opportunityIds = new[] { Guid.NewGuid() } })
            .ProblemAsync(HttpStatusCode.BadRequest, "opportunityIds");
        await stranger.Client.PostJsonAsync("/api/activities/visits", new { targetType = "account", targetId = account, subject = "V", startsAt = Start, endsAt = Start.AddHours(1) })
            .ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.FetchAsync("/api/visits?from=2099-03-10&to=2099-01-01").ProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task CalendarFeed_HoldsPlannedVisits_WithStableUids()
    {
        var rep = await app.CreateTenantWithUserAsync("Ical", Roles.SalesRep);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var soon = DateTimeOffset.UtcNow.AddDays(2);
        var visit = await rep.Client.PostJsonAsync("/api/activities/visits", new { targetType = "account", targetId = account, subject = "Quarterly review", startsAt = soon, endsAt = soon.AddHours(1), location = "Hamburg" })
            .ExpectAsync(HttpStatusCode.Created);

        var response = await rep.Client.FetchAsync("/api/visits/calendar.ics");
        var text = await response.Content.ReadAsStringAsync(Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"UID:{visit.Id()}@kontor", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Quarterly review · Acme", text, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Hamburg", text, StringComparison.Ordinal);
    }
}
