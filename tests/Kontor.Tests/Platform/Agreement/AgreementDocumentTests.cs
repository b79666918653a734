using System.Net;
using System.Text;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Agreement;

/// <summary>The annex and the record of processing activities come from the live configuration, as Markdown and PDF.</summary>
public sealed class AgreementDocumentTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Annex_ListsEveryCategoryWithTheRulesInForce()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);
        var strict = await (await council.Client.FetchAsync("/api/works-agreement/documents/annex")).Content.ReadAsStringAsync(Api.Ct);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text = AgreementParserTests.Example }).ExpectAsync(HttpStatusCode.Created);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions/1/approve", new { party = "Employer" }).ExpectAsync(HttpStatusCode.OK);
        await council.Client.PostJsonAsync("/api/works-agreement/versions/1/approve", new { party = "WorksCouncil" }).ExpectAsync(HttpStatusCode.OK);

        var response = await council.Client.FetchAsync("/api/works-agreement/documents/annex?format=markdown");
        var annex = await response.Content.ReadAsStringAsync(Api.Ct);

        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No version has been approved by both parties", strict, StringComparison.Ordinal);
        Assert.Contains("# Annex to the works agreement \"BV CRM 2027\"", annex, StringComparison.Ordinal);
        Assert.Contains("Version 1, in force since", annex, StringComparison.Ordinal);
        Assert.Contains("| team-steering, own-performance | the person, the direct manager | 3 | P2Y | EU, EEA, CH |", annex, StringComparison.Ordinal);
        Assert.Contains("| own-performance | the person, role WorksCouncil | 5 | P90D | any |", annex, StringComparison.Ordinal);
        Assert.All(EmployeeDataCategories.All, c => Assert.Contains($"({c.Key})", annex, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessingRecord_AsPdf_NamesTheControllerAndTheRecipientsOfEachRecordType()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);

        var response = await admin.Client.FetchAsync("/api/works-agreement/documents/processing-record?format=pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(Api.Ct);
        var text = Encoding.Latin1.GetString(pdf);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains("Record of processing activities", text, StringComparison.Ordinal);
        Assert.Contains("Acme", text, StringComparison.Ordinal);
        Assert.Contains("opportunity", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_AreForAdministratorsAndTheWorksCouncil_InKnownFormats()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);

        await rep.Client.FetchAsync("/api/works-agreement/documents/annex").ProblemAsync(HttpStatusCode.Forbidden);
        await admin.Client.FetchAsync("/api/works-agreement/documents/annex?format=docx").ProblemAsync(HttpStatusCode.BadRequest, "format");
        await admin.Client.FetchAsync("/api/works-agreement/documents/minutes").ProblemAsync(HttpStatusCode.BadRequest, "kind");
    }
}
