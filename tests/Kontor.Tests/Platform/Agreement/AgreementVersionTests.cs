using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Tests.Infrastructure;
using Kontor.Tests.Platform.Audit;

namespace Kontor.Tests.Platform.Agreement;

public sealed class AgreementVersionTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task NewTenant_RunsOnTheStrictDefault_WhichEveryEmployeeCanRead()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var agreement = await rep.Client.GetJsonAsync("/api/works-agreement");

        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("version").ValueKind);
        var categories = agreement.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(7, categories.Count);
        Assert.All(categories, c =>
        {
            Assert.Equal(["self"], c.GetProperty("individual").EnumerateArray().Select(i => i.GetString()));
            Assert.Equal(5, c.GetProperty("minGroupSize").GetInt32());
            Assert.Equal("P90D", c.Str("retention"));
        });
        await rep.Client.FetchAsync("/api/works-agreement/versions").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Proposal_ApprovedByAdminAndWorksCouncil_IsInForce_AndThePreviousIsSuperseded()
    {
        var (admin, council) = await PartiesAsync();
        var first = await ProposeAsync(admin, AgreementParserTests.Example);
        Assert.Equal("Proposed", first.Str("status"));
        Assert.Equal(JsonValueKind.Null, (await admin.Client.GetJsonAsync("/api/works-agreement")).GetProperty("version").ValueKind);

        await ApproveAsync(admin, 1, "Employer").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Proposed", (await admin.Client.GetJsonAsync("/api/works-agreement/versions/1")).Str("status"));
        var approved = await ApproveAsync(council, 1, "WorksCouncil").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("InForce", approved.Str("status"));
        Assert.Equal(council.Id, approved.GetProperty("worksCouncilApproval").GetProperty("userId").GetGuid());
        var inForce = await council.Client.GetJsonAsync("/api/works-agreement");
        Assert.Equal(1, inForce.GetProperty("version").GetInt32());
        var revenue = inForce.GetProperty("categories").EnumerateArray().Single(c => c.Str("key") == "revenue-per-owner");
        Assert.Equal(3, revenue.GetProperty("minGroupSize").GetInt32());

        var second = await ProposeAsync(admin, AgreementParserTests.Example.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("min-group-size: 3", "min-group-size: 4", StringComparison.Ordinal));
        Assert.Equal(1, second.GetProperty("comparedWith").GetInt32());
        var diff = second.GetProperty("diff").EnumerateArray().Where(l => l.Str("kind") != "unchanged").Select(l => (l.Str("kind"), l.Str("text").Trim())).ToList();
        Assert.Equal([("deleted", "version: 1"), ("inserted", "version: 2"), ("deleted", "min-group-size: 3"), ("inserted", "min-group-size: 4")], diff);
        await ApproveAsync(council, 2, "WorksCouncil").ExpectAsync(HttpStatusCode.OK);
        await ApproveAsync(admin, 2, "Employer").ExpectAsync(HttpStatusCode.OK);

        var versions = (await admin.Client.GetJsonAsync("/api/works-agreement/versions")).EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.Str("status"))).ToList();
        Assert.Equal([(2, "InForce"), (1, "Superseded")], versions);
        var actions = (await app.EntriesAsync(admin.TenantId)).Where(e => e.RecordType == "worksAgreement").Select(e => e.Action).ToList();
        Assert.Equal([AuditAction.Propose, AuditAction.Approve, AuditAction.Approve, AuditAction.Propose, AuditAction.Approve, AuditAction.Approve], actions);
    }

    [Fact]
    public async Task OnePersonInBothRoles_CannotApproveForBothParties()
    {
        var both = await app.CreateTenantWithUserAsync("Acme", Roles.Admin, Roles.WorksCouncil);
        await ProposeAsync(both, AgreementParserTests.Example);

        await ApproveAsync(both, 1, "Employer").ExpectAsync(HttpStatusCode.OK);
        var problem = await ApproveAsync(both, 1, "WorksCouncil").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("another person", problem.Str("title"), StringComparison.Ordinal);
        Assert.Equal("Proposed", (await both.Client.GetJsonAsync("/api/works-agreement/versions/1")).Str("status"));
    }

    [Fact]
    public async Task Approvals_NeedThePartysRole_AndCountOnce()
    {
        var (admin, council) = await PartiesAsync();
        await ProposeAsync(admin, AgreementParserTests.Example);

        await ApproveAsync(admin, 1, "WorksCouncil").ProblemAsync(HttpStatusCode.Forbidden);
        await ApproveAsync(council, 1, "Employer").ProblemAsync(HttpStatusCode.Forbidden);
        await ApproveAsync(council, 1, "WorksCouncil").ExpectAsync(HttpStatusCode.OK);
        await ApproveAsync(council, 1, "WorksCouncil").ProblemAsync(HttpStatusCode.Conflict);
        await council.Client.PostJsonAsync("/api/works-agreement/versions", new { text = AgreementParserTests.Example }).ProblemAsync(HttpStatusCode.Forbidden);
        await ApproveAsync(council, 9, "WorksCouncil").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rejected_Version_NeverTakesEffect_AndCannotBeApprovedLater()
    {
        var (admin, council) = await PartiesAsync();
        await ProposeAsync(admin, AgreementParserTests.Example);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions/1/reject", new { party = "WorksCouncil" }).ProblemAsync(HttpStatusCode.Forbidden);
        await council.Client.PostJsonAsync("/api/works-agreement/versions/1/reject", new { party = "WorksCouncil" }).ProblemAsync(HttpStatusCode.BadRequest, "reason");

        var rejected = await council.Client.PostJsonAsync("/api/works-agreement/versions/1/reject", new { party = "WorksCouncil", reason = "Managers must not see revenue per person." }).ExpectAsync(HttpStatusCode.OK);
        await ApproveAsync(admin, 1, "Employer").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("Rejected", "Managers must not see revenue per person."), (rejected.Str("status"), rejected.Str("rejectionReason")));
        Assert.Equal(JsonValueKind.Null, (await admin.Client.GetJsonAsync("/api/works-agreement")).GetProperty("version").ValueKind);
        var next = await ProposeAsync(admin, AgreementParserTests.Example.Replace("version: 1\n", "", StringComparison.Ordinal));
        Assert.Equal(2, next.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task OneOpenProposal_AtATime_UntilWithdrawn()
    {
        var (admin, _) = await PartiesAsync();
        await ProposeAsync(admin, AgreementParserTests.Example);
        var other = AgreementParserTests.Example.Replace("version: 1\n", "", StringComparison.Ordinal);

        await admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text = other }).ProblemAsync(HttpStatusCode.Conflict);
        var withdrawn = await admin.Client.PostJsonAsync("/api/works-agreement/versions/1/withdraw", new { }).ExpectAsync(HttpStatusCode.OK);
        await ProposeAsync(admin, other);

        Assert.Equal("Withdrawn", withdrawn.Str("status"));
    }

    [Fact]
    public async Task InvalidDocument_IsRefusedWithLinePreciseErrors_AndNothingIsStored()
    {
        var (admin, council) = await PartiesAsync();
        var text = AgreementParserTests.Example.Replace("retention: P2Y", "retention: two years", StringComparison.Ordinal);

        var problem = await admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text }).ProblemAsync(HttpStatusCode.BadRequest, "text");
        var check = await council.Client.PostJsonAsync("/api/works-agreement/validate", new { text }).ExpectAsync(HttpStatusCode.OK);

        Assert.StartsWith("Line 12, column 16:", problem.ErrorOf("text"), StringComparison.Ordinal);
        Assert.False(check.GetProperty("valid").GetBoolean());
        Assert.Equal(12, check.GetProperty("problems")[0].GetProperty("line").GetInt32());
        Assert.Empty((await admin.Client.GetJsonAsync("/api/works-agreement/versions")).EnumerateArray());
    }

    [Fact]
    public async Task DeclaredVersion_MustBeTheNextNumber()
    {
        var (admin, _) = await PartiesAsync();

        var problem = await admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text = AgreementParserTests.Example.Replace("version: 1", "version: 3", StringComparison.Ordinal) })
            .ProblemAsync(HttpStatusCode.BadRequest, "text");

        Assert.StartsWith("Line 2, column 1:", problem.ErrorOf("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_AreSeparatePerTenant()
    {
        var (admin, council) = await PartiesAsync();
        await ProposeAsync(admin, AgreementParserTests.Example);
        await ApproveAsync(admin, 1, "Employer").ExpectAsync(HttpStatusCode.OK);
        await ApproveAsync(council, 1, "WorksCouncil").ExpectAsync(HttpStatusCode.OK);
        var (otherAdmin, _) = await PartiesAsync();

        Assert.Empty((await otherAdmin.Client.GetJsonAsync("/api/works-agreement/versions")).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, (await otherAdmin.Client.GetJsonAsync("/api/works-agreement")).GetProperty("version").ValueKind);
        await otherAdmin.Client.FetchAsync("/api/works-agreement/versions/1").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApprovalsAtTheSameMoment_PutTheVersionInForceOnce()
    {
        for (var round = 0; round < 5; round++)
        {
            var (admin, council) = await PartiesAsync();
            await ProposeAsync(admin, AgreementParserTests.Example);

            var both = await Task.WhenAll(ApproveAsync(admin, 1, "Employer"), ApproveAsync(council, 1, "WorksCouncil"));

            Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var version = await admin.Client.GetJsonAsync("/api/works-agreement/versions/1");
            Assert.Equal("InForce", version.Str("status"));
            Assert.Equal(1, (await council.Client.GetJsonAsync("/api/works-agreement")).GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task ProposalsAtTheSameMoment_LeaveOneOpenProposal()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var second = await app.CreateUserAsync(admin.TenantId, [Roles.Admin]);
        var other = AgreementParserTests.Example.Replace("version: 1\n", "", StringComparison.Ordinal);

        var responses = await Task.WhenAll(
            admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text = other }),
            second.Client.PostJsonAsync("/api/works-agreement/versions", new { text = other.Replace("min-group-size: 3", "min-group-size: 4", StringComparison.Ordinal) }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var versions = (await admin.Client.GetJsonAsync("/api/works-agreement/versions")).EnumerateArray().ToList();
        Assert.Equal("Proposed", Assert.Single(versions).Str("status"));
    }

    private async Task<(TestUser Admin, TestUser Council)> PartiesAsync()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);
        return (admin, council);
    }

    private static Task<JsonElement> ProposeAsync(TestUser admin, string text) =>
        admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text, comment = "Revenue per owner for direct managers." }).ExpectAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> ApproveAsync(TestUser user, int number, string party) =>
        user.Client.PostJsonAsync($"/api/works-agreement/versions/{number}/approve", new { party });
}
