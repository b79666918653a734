using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Privacy;

public sealed class DataSubjectRequestTests(PrivacyAppFactory app) : IClassFixture<PrivacyAppFactory>
{
    [Fact]
    public async Task Create_ForContact_IsOpenAndDueOneMonthAfterReceipt()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync(new { firstName = "Erika", lastName = "Mustermann" });
        var received = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);

        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Access", received);

        Assert.Equal("Open", request.Str("status"));
        Assert.Equal("Erika Mustermann", request.Str("subjectName"));
        Assert.Equal(received.AddMonths(1), request.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 0, 0, TimeSpan.Zero), request.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(request.Id(), (await admin.Client.GetJsonAsync($"/api/privacy/requests/{request.Id()}")).Id());
    }

    [Fact]
    public async Task ListOverdue_AfterTheDueDate_ShowsOnlyPendingRequestsPastTheirDate()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");
        var now = app.Clock.GetUtcNow();
        var late = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Access", now.AddMonths(-1).AddDays(-1));
        var lateButDone = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Objection", now.AddMonths(-1).AddDays(-2));
        await admin.Client.PostJsonAsync($"/api/privacy/requests/{lateButDone.Id()}/status", new { status = "Completed" }).ExpectAsync(HttpStatusCode.OK);
        var inTime = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Rectification", now.AddDays(-3));

        var overdue = await admin.Client.GetJsonAsync("/api/privacy/requests?overdue=true");

        Assert.Equal([late.Id()], overdue.Ids());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        var all = await admin.Client.GetJsonAsync("/api/privacy/requests");
        Assert.Equal([lateButDone.Id(), late.Id(), inTime.Id()], all.Ids());
        Assert.False(all.GetProperty("items")[2].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Overdue_WhenTheClockPassesTheDueDate_TurnsTrue()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Erasure");

        Assert.DoesNotContain(request.Id(), (await admin.Client.GetJsonAsync("/api/privacy/requests?overdue=true")).Ids());
        app.Clock.Advance(TimeSpan.FromDays(32));
        var client = await app.SignInAsync(admin.Email);

        Assert.Contains(request.Id(), (await client.GetJsonAsync("/api/privacy/requests?overdue=true")).Ids());
    }

    [Fact]
    public async Task Extend_ByTwoMonths_MovesTheDueDateAndRefusesAThirdMonth()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");
        var received = app.Clock.GetUtcNow().AddDays(-1);
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Access", received);

        var extended = await admin.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/extension", new { months = 2, reason = "Many records in several systems" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(received.AddMonths(3), extended.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(2, extended.GetProperty("extensionMonths").GetInt32());
        await admin.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/extension", new { months = 1, reason = "More" }).ProblemAsync(HttpStatusCode.BadRequest, "months");
    }

    [Fact]
    public async Task Refuse_WithoutReason_Returns400AndWithReasonClosesTheRequest()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Erasure");

        await admin.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/status", new { status = "Refused" }).ProblemAsync(HttpStatusCode.BadRequest, "reason");
        var refused = await admin.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/status", new { status = "Refused", reason = "Tax retention (§ 147 AO)" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Refused", refused.Str("status"));
        Assert.Equal(admin.Id, refused.GetProperty("handledBy").GetGuid());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, refused.GetProperty("completedAt").ValueKind);
        await admin.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/status", new { status = "InProgress" }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("")]
    public async Task Create_ForUnknownSubjectType_Returns400(string subjectType)
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");

        await admin.Client.PostJsonAsync("/api/privacy/requests", new { subjectType, subjectId = Guid.NewGuid(), kind = "Access" }).ProblemAsync(HttpStatusCode.BadRequest, "subjectType");
    }

    [Fact]
    public async Task Create_InTheFuture_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");

        await admin.Client.PostJsonAsync("/api/privacy/requests", new { subjectType = "contact", subjectId = contact.Id(), kind = "Access", receivedAt = app.Clock.GetUtcNow().AddDays(2) })
            .ProblemAsync(HttpStatusCode.BadRequest, "receivedAt");
    }

    [Fact]
    public async Task Requests_OfAnotherTenant_AreInvisibleAndItsPeopleUnknown()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme");
        var globex = await app.CreateTenantWithUserAsync("Globex");
        var contact = await acme.Client.CreateContactAsync("Kowalski");
        var request = await acme.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Access");

        await globex.Client.FetchAsync($"/api/privacy/requests/{request.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(request.Id(), (await globex.Client.GetJsonAsync("/api/privacy/requests")).Ids());
        await globex.Client.PostJsonAsync("/api/privacy/requests", new { subjectType = "contact", subjectId = contact.Id(), kind = "Access" }).ProblemAsync(HttpStatusCode.BadRequest, "subjectId");
        await globex.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/status", new { status = "Completed" }).ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.FetchAsync($"/api/privacy/subjects/contact/{contact.Id()}/export").ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.FetchAsync($"/api/privacy/subjects/employee/{acme.Id}/export").ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.PostJsonAsync("/api/privacy/requests", new { subjectType = "employee", subjectId = acme.Id, kind = "Erasure" }).ProblemAsync(HttpStatusCode.BadRequest, "subjectId");
        await globex.Client.EraseAsync(request.Id()).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.SalesRep)]
    [InlineData(Roles.TeamLead)]
    [InlineData(Roles.WorksCouncil)]
    public async Task Everything_ForNonAdministrators_Returns403(string role)
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var user = await app.CreateUserAsync(admin.TenantId, [role]);
        var contact = await admin.Client.CreateContactAsync("Kowalski");
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Erasure");

        await user.Client.FetchAsync("/api/privacy/requests").ProblemAsync(HttpStatusCode.Forbidden);
        await user.Client.FetchAsync($"/api/privacy/requests/{request.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
        await user.Client.PostJsonAsync("/api/privacy/requests", new { subjectType = "contact", subjectId = contact.Id(), kind = "Access" }).ProblemAsync(HttpStatusCode.Forbidden);
        await user.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/status", new { status = "Completed" }).ProblemAsync(HttpStatusCode.Forbidden);
        await user.Client.FetchAsync($"/api/privacy/subjects/contact/{contact.Id()}/export").ProblemAsync(HttpStatusCode.Forbidden);
        await user.Client.EraseAsync(request.Id()).ProblemAsync(HttpStatusCode.Forbidden);
        await admin.Client.GetJsonAsync($"/api/contacts/{contact.Id()}");
    }

    [Fact]
    public async Task Actions_AreAuditedWithIdsOnly()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync(new { firstName = "Erika", lastName = "Mustermann", email = "erika@example.com" });
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Access");
        await admin.Client.PostJsonAsync($"/api/privacy/requests/{request.Id()}/status", new { status = "InProgress" }).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.ExportJsonAsync("contact", contact.Id());

        var entries = await app.InTenantAsync(admin.TenantId, db => db.AuditEntries
            .Where(e => e.RecordType == "dataSubjectRequest" || (e.RecordType == "contact" && e.Action == global::Kontor.Platform.Audit.AuditAction.Export)).ToListAsync(Api.Ct));

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.DoesNotContain("Mustermann", e.Detail ?? "", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("erika@", e.Detail ?? "", StringComparison.Ordinal));
    }
}
