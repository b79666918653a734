using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Segments;

public sealed class SegmentTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task CreateAccount_InSegmentWithTeam_GetsTheTeamAndTheSegmentsSpelling()
    {
        var (admin, machines, _) = await ArrangeAsync();

        var account = await admin.Client.CreateAccountAsync(new { name = "Alpha GmbH", segment = " MASCHINENBAU " });

        Assert.Equal("Maschinenbau", account.Str("segment"));
        Assert.Equal(machines, account.GetProperty("insideSalesTeamId").GetGuid());
    }

    [Fact]
    public async Task CreateAccount_WithNamedTeam_KeepsThatTeam()
    {
        var (admin, _, retail) = await ArrangeAsync();

        var account = await admin.Client.CreateAccountAsync(new { name = "Alpha GmbH", segment = "Maschinenbau", insideSalesTeamId = retail });

        Assert.Equal(retail, account.GetProperty("insideSalesTeamId").GetGuid());
    }

    [Fact]
    public async Task CreateAccount_InUnknownSegment_KeepsTheTextAndNoTeam()
    {
        var (admin, _, _) = await ArrangeAsync();

        var account = await admin.Client.CreateAccountAsync(new { name = "Alpha GmbH", segment = "Raumfahrt" });

        Assert.Equal("Raumfahrt", account.Str("segment"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("insideSalesTeamId").ValueKind);
    }

    [Fact]
    public async Task UpdateAccount_ToAnotherSegment_FollowsToItsTeamUnlessTheChangeNamesOne()
    {
        var (admin, machines, retail) = await ArrangeAsync();
        var moved = await admin.Client.CreateAccountAsync(new { name = "Alpha GmbH", segment = "Maschinenbau" });
        var named = await admin.Client.CreateAccountAsync(new { name = "Beta GmbH", segment = "Maschinenbau" });
        var other = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales);
        var unchanged = await admin.Client.CreateAccountAsync(new { name = "Gamma GmbH", segment = "Maschinenbau" });

        var afterMove = await PatchAsync(admin, moved, new { segment = "Handel" });
        var afterNamed = await PatchAsync(admin, named, new { segment = "Handel", insideSalesTeamId = other });
        var afterOtherChange = await PatchAsync(admin, unchanged, new { insideSalesTeamId = other });

        Assert.Equal(retail, afterMove.GetProperty("insideSalesTeamId").GetGuid());
        Assert.Equal(other, afterNamed.GetProperty("insideSalesTeamId").GetGuid());
        Assert.Equal(other, afterOtherChange.GetProperty("insideSalesTeamId").GetGuid());
        Assert.NotEqual(machines, other);
    }

    [Fact]
    public async Task Rename_RenamesTheSegmentOnItsAccounts()
    {
        var (admin, _, _) = await ArrangeAsync();
        var account = await admin.Client.CreateAccountAsync(new { name = "Alpha GmbH", segment = "Maschinenbau" });
        var segment = (await admin.Client.GetJsonAsync("/api/segments")).EnumerateArray().Single(s => s.Str("name") == "Maschinenbau");

        var renamed = await admin.Client.PatchJsonAsync($"/api/segments/{segment.Id()}", new { name = "Anlagenbau" }, ifMatch: null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Anlagenbau", renamed.Str("name"));
        Assert.Equal(1, renamed.GetProperty("accountCount").GetInt32());
        Assert.Equal("Anlagenbau", (await admin.Client.GetJsonAsync($"/api/accounts/{account.Id()}")).Str("segment"));
    }

    [Fact]
    public async Task Create_WithNameDifferingOnlyInSpelling_Returns400OnName()
    {
        var (admin, _, _) = await ArrangeAsync();

        await admin.Client.PostJsonAsync("/api/segments", new { name = "maschinenbau" }).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await admin.Client.PostJsonAsync("/api/segments", new { name = "" }).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await admin.Client.PostJsonAsync("/api/segments", new { name = "Chemie", insideSalesTeamId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest, "insideSalesTeamId");
    }

    [Fact]
    public async Task SalesRep_MayListButNotChangeSegments()
    {
        var (admin, _, _) = await ArrangeAsync();
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var segment = (await rep.Client.GetJsonAsync("/api/segments")).EnumerateArray().First();

        await rep.Client.PostJsonAsync("/api/segments", new { name = "Chemie" }).ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.PatchJsonAsync($"/api/segments/{segment.Id()}", new { name = "Chemie" }, ifMatch: null).ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.RemoveAsync($"/api/segments/{segment.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_KeepsTheAccountsSegmentAndTeam()
    {
        var (admin, machines, _) = await ArrangeAsync();
        var account = await admin.Client.CreateAccountAsync(new { name = "Alpha GmbH", segment = "Maschinenbau" });
        var segment = (await admin.Client.GetJsonAsync("/api/segments")).EnumerateArray().Single(s => s.Str("name") == "Maschinenbau");

        await admin.Client.RemoveAsync($"/api/segments/{segment.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        var later = await admin.Client.CreateAccountAsync(new { name = "Beta GmbH", segment = "Maschinenbau" });

        var kept = await admin.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
        Assert.Equal("Maschinenbau", kept.Str("segment"));
        Assert.Equal(machines, kept.GetProperty("insideSalesTeamId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, later.GetProperty("insideSalesTeamId").ValueKind);
    }

    /// <summary>An admin of a new tenant with segments Maschinenbau and Handel, each with its own inside-sales team.</summary>
    private async Task<(TestUser Admin, Guid Machines, Guid Retail)> ArrangeAsync()
    {
        var admin = await app.CreateTenantWithUserAsync("Segments");
        var machines = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales);
        var retail = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales);
        await admin.Client.PostJsonAsync("/api/segments", new { name = "Maschinenbau", insideSalesTeamId = machines }).ExpectAsync(HttpStatusCode.Created);
        await admin.Client.PostJsonAsync("/api/segments", new { name = "Handel", insideSalesTeamId = retail, description = "Groß- und Einzelhandel" }).ExpectAsync(HttpStatusCode.Created);
        return (admin, machines, retail);
    }

    private static async Task<System.Text.Json.JsonElement> PatchAsync(TestUser user, System.Text.Json.JsonElement account, object patch) =>
        await user.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", patch, account.Str("eTag")).ExpectAsync(HttpStatusCode.OK);
}
