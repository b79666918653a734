using System.Net;
using System.Text;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kontor.Tests.Features.Integration.ImportExport;

public sealed class ImportTests(ImportAppFactory app) : IClassFixture<ImportAppFactory>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public async Task Import_GermanExcelCsvInWindows1252_ReadsUmlautsAndSemicolons()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = "Firma;Straße;PLZ;Ort;E-Mail\r\nMüller & Söhne GmbH;Hauptstraße 1;80331;München;info@mueller.de\r\nBäckerei Groß;Weißer Weg 2;50667;Köln;\r\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, ImportApi.Windows1252), new { target = "Accounts" });

        Assert.Equal("Completed", job.Str("status"));
        Assert.Equal("windows-1252", job.Str("encoding"));
        Assert.Equal(";", job.Str("delimiter"));
        Assert.Equal(2, job.Long("committedRows"));
        var accounts = await rep.Client.ItemsAsync("/api/accounts?sort=name");
        Assert.Equal(["Bäckerei Groß", "Müller & Söhne GmbH"], accounts.Select(a => a.Str("name")));
        Assert.Equal("Weißer Weg 2", accounts[0].GetProperty("billingAddress").Str("street"));
        Assert.Equal("München", accounts[1].GetProperty("billingAddress").Str("city"));
        Assert.Equal("info@mueller.de", accounts[1].Str("email"));
    }

    [Fact]
    public async Task Import_AccountsOfASegment_GetTheSegmentsInsideSalesTeam()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales);
        await admin.Client.PostJsonAsync("/api/segments", new { name = "Maschinenbau", insideSalesTeamId = team }).ExpectAsync(HttpStatusCode.Created);
        var csv = "Firma;Segment\r\nAlpha GmbH;maschinenbau\r\nBeta GmbH;Raumfahrt\r\nGamma GmbH;Maschinenbau\r\nDelta GmbH;MASCHINENBAU\r\n";

        var job = await admin.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Accounts" });

        Assert.Equal(4, job.Long("committedRows"));
        var accounts = await admin.Client.ItemsAsync("/api/accounts?sort=name");
        Assert.Equal(["Maschinenbau", "Raumfahrt", "Maschinenbau", "Maschinenbau"], accounts.Select(a => a.Str("segment")));
        Assert.Equal([team, null, team, team], accounts.Select(a => a.GetProperty("insideSalesTeamId").ValueKind == System.Text.Json.JsonValueKind.Null ? (Guid?)null : a.GetProperty("insideSalesTeamId").GetGuid()));
    }

    [Theory]
    [InlineData(true, ",")]
    [InlineData(false, "\t")]
    [InlineData(false, ";")]
    public async Task Import_Utf8WithOrWithoutBom_DetectsEncodingAndDelimiter(bool bom, string delimiter)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = string.Join(delimiter, "Company", "City", "Notes") + "\n"
            + string.Join(delimiter, "Öko Şirket Ærø", "Zürich", "\"first line\nsecond line, with \"\"quotes\"\"\"") + "\n"
            + string.Join(delimiter, "Straßenbau AG", "Graz", "") + "\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8, bom), new { target = "Accounts", mapping = new Dictionary<string, string> { ["account.name"] = "Company", ["account.billingAddress.city"] = "City", ["account.description"] = "Notes" } });

        Assert.Equal("utf-8", job.Str("encoding"));
        Assert.Equal(delimiter, job.Str("delimiter"));
        Assert.Equal(2, job.Long("totalRows"));
        Assert.Equal(2, job.Long("committedRows"));
        var accounts = await rep.Client.ItemsAsync("/api/accounts?sort=name");
        Assert.Equal(["Öko Şirket Ærø", "Straßenbau AG"], accounts.Select(a => a.Str("name")));
        Assert.Equal("first line\nsecond line, with \"quotes\"", accounts[0].Str("description"));
    }

    [Fact]
    public async Task Import_Xlsx_ImportsTheFirstSheet()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object> { ["Firma"] = "Xlsx Werke GmbH", ["PLZ"] = "01067", ["Ort"] = "Dresden" },
            new Dictionary<string, object> { ["Firma"] = "", ["PLZ"] = "01069", ["Ort"] = "Dresden" },
        });

        var job = await rep.Client.ImportAsync(stream.ToArray(), new { target = "Accounts" }, "kunden.xlsx");

        Assert.Equal("Xlsx", job.Str("format"));
        Assert.Equal(1, job.Long("committedRows"));
        Assert.Equal(1, job.Long("rejectedRows"));
        var account = Assert.Single(await rep.Client.ItemsAsync("/api/accounts"));
        Assert.Equal("01067", account.GetProperty("billingAddress").Str("postalCode"));
        Assert.Equal([(3L, "Firma")], (await rep.Client.ErrorsAsync(job.Id())).Select(e => (e.Row, e.Column)));
    }

    [Fact]
    public async Task Import_CountryByName_StoresTheIsoCode()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = "Firma;Land\nBerliner GmbH;Deutschland\nWiener AG;Österreich\nLondon Ltd;United Kingdom\nNowhere KG;Atlantis\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Accounts" });

        Assert.Equal((3L, 1L), (job.Long("committedRows"), job.Long("rejectedRows")));
        var accounts = await rep.Client.ItemsAsync("/api/accounts?sort=name");
        Assert.Equal([("Berliner GmbH", "DE"), ("London Ltd", "GB"), ("Wiener AG", "AT")], accounts.Select(a => (a.Str("name"), a.GetProperty("billingAddress").Str("country"))));
        Assert.Equal([(5L, "Land")], (await rep.Client.ErrorsAsync(job.Id())).Select(e => (e.Row, e.Column)));
    }

    [Fact]
    public async Task Import_WithBadRows_RejectsEachWithRowColumnAndMessage_AndCountsEveryRow()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = "Firma;E-Mail;Telefon\n"
            + "Good GmbH;good@example.com;089 123456\n"
            + "Bad Mail GmbH;not-an-address;\n"
            + ";nameless@example.com;\n"
            + new string('x', 201) + ";;\n"
            + "Bad Phone GmbH;;12\n"
            + "Second Good AG;;\n"
            + "Third Good AG;;\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Accounts" });

        Assert.Equal("Completed", job.Str("status"));
        Assert.Equal(7, job.Long("totalRows"));
        Assert.Equal(3, job.Long("committedRows"));
        Assert.Equal(4, job.Long("rejectedRows"));
        Assert.Equal(job.Long("totalRows"), job.Long("committedRows") + job.Long("rejectedRows"));
        Assert.Equal(100, job.GetProperty("percent").GetInt32());
        var errors = await rep.Client.ErrorsAsync(job.Id());
        Assert.Equal([(3L, "E-Mail"), (4L, "Firma"), (5L, "Firma"), (6L, "Telefon")], errors.Select(e => (e.Row, e.Column)));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(3, (await rep.Client.ItemsAsync("/api/accounts")).Count);
    }

    [Fact]
    public async Task Import_SameExternalIdsTwice_UpdatesInsteadOfDuplicating()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var first = "Kundennummer;Firma;Ort\nK-1;Alpha GmbH;Berlin\nK-2;Beta GmbH;Hamburg\nK-3;Gamma GmbH;Bremen\nK-1;Alpha GmbH;Potsdam\n";
        var second = "Kundennummer;Firma;Ort\nK-1;Alpha GmbH;Leipzig\nK-2;Beta AG;Hamburg\nK-4;Delta GmbH;Kiel\n";

        var one = await rep.Client.ImportAsync(ImportApi.File(first, Utf8), new { target = "Accounts" });
        var two = await rep.Client.ImportAsync(ImportApi.File(second, Utf8), new { target = "Accounts" });

        Assert.Equal(4, one.Long("committedRows"));
        Assert.Equal(3, one.Long("createdRecords"));
        Assert.Equal(1, two.Long("createdRecords"));
        Assert.Equal(2, two.Long("updatedRecords"));
        var accounts = await rep.Client.ItemsAsync("/api/accounts?sort=name");
        Assert.Equal(["Alpha GmbH", "Beta AG", "Delta GmbH", "Gamma GmbH"], accounts.Select(a => a.Str("name")));
        Assert.Equal(["K-1", "K-2", "K-4", "K-3"], accounts.Select(a => a.Str("externalId")));
        Assert.Equal("Leipzig", accounts[0].GetProperty("billingAddress").Str("city"));
        var byExternalId = await rep.Client.FetchAsync("/api/accounts?externalId=K-2").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Beta AG", Assert.Single(byExternalId.GetProperty("items").EnumerateArray()).Str("name"));
    }

    [Fact]
    public async Task Import_ContactsLinkedByAccountExternalIdOrName_LinksOrRejectsUnknownAccounts()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var alpha = await rep.Client.CreateAccountAsync(new { name = "Alpha GmbH", externalId = "K-1" });
        var beta = await rep.Client.CreateAccountAsync(new { name = "Beta Bau AG" });
        var byId = "Nachname;Vorname;Kundennummer\nAdler;Anna;K-1\nBerg;Bernd;K-404\n";
        var byName = "Nachname;Firma\nCarstens;beta bau ag\nDorn;Unbekannt GmbH\n";

        var one = await rep.Client.ImportAsync(ImportApi.File(byId, Utf8), new
        {
            target = "Contacts",
            accountLink = "ExternalId",
            mapping = new Dictionary<string, string> { ["contact.lastName"] = "Nachname", ["contact.firstName"] = "Vorname", ["contact.accountExternalId"] = "Kundennummer" },
        });
        var two = await rep.Client.ImportAsync(ImportApi.File(byName, Utf8), new { target = "Contacts", accountLink = "Name" });

        Assert.Equal((1L, 1L), (one.Long("committedRows"), one.Long("rejectedRows")));
        Assert.Equal((1L, 1L), (two.Long("committedRows"), two.Long("rejectedRows")));
        Assert.Equal([(3L, "Kundennummer")], (await rep.Client.ErrorsAsync(one.Id())).Select(e => (e.Row, e.Column)));
        Assert.Equal([(3L, "Firma")], (await rep.Client.ErrorsAsync(two.Id())).Select(e => (e.Row, e.Column)));
        var contacts = await rep.Client.ItemsAsync("/api/contacts?sort=name");
        Assert.Equal([("Adler", alpha.Id()), ("Carstens", beta.Id())], contacts.Select(c => (c.Str("lastName"), c.GetProperty("accountId").GetGuid())));
    }

    [Fact]
    public async Task Import_AccountsAndContactsTogether_LinksEachContactToItsRowsAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = "Kundennummer;Firma;Ort;Nachname;Vorname;E-Mail\n"
            + "K-1;Alpha GmbH;Berlin;Adler;Anna;anna@alpha.de\n"
            + "K-1;Alpha GmbH;Berlin;Albers;Arne;arne@alpha.de\n"
            + "K-2;Beta GmbH;Bonn;;;\n"
            + "K-3;Gamma GmbH;Gera;;Gerd;gerd@gamma.de\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "AccountsAndContacts" });

        Assert.Equal((3L, 1L), (job.Long("committedRows"), job.Long("rejectedRows")));
        var accounts = await rep.Client.ItemsAsync("/api/accounts?sort=name");

        // The rejected row's account (Gamma) is not kept either: a row is imported whole or not at all.
        Assert.Equal(["Alpha GmbH", "Beta GmbH"], accounts.Select(a => a.Str("name")));
        var contacts = await rep.Client.ItemsAsync("/api/contacts?sort=name");
        Assert.Equal(["Adler", "Albers"], contacts.Select(c => c.Str("lastName")));
        Assert.All(contacts, c => Assert.Equal(accounts[0].Id(), c.GetProperty("accountId").GetGuid()));
        Assert.Equal("Nachname", Assert.Single(await rep.Client.ErrorsAsync(job.Id())).Column);
    }

    [Fact]
    public async Task Import_DryRun_ValidatesEveryRowAndCommitsNothing()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = "Firma;E-Mail\nOne GmbH;\nTwo GmbH;broken\nThree GmbH;\nFour GmbH;\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Accounts", dryRun = true });

        Assert.True(job.GetProperty("dryRun").GetBoolean());
        Assert.Equal((3L, 1L), (job.Long("committedRows"), job.Long("rejectedRows")));
        Assert.Equal(0, job.Long("createdRecords"));
        Assert.Equal([3L], (await rep.Client.ErrorsAsync(job.Id())).Select(e => e.Row));
        Assert.Empty(await rep.Client.ItemsAsync("/api/accounts"));
    }

    [Fact]
    public async Task Import_RowWithoutExternalIdDuplicatingVatIdOrEmail_IsRejectedUnlessDuplicatesAreWanted()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync(new { name = "Existing GmbH", vatId = "DE123456789" });
        var csv = "Firma;USt-IdNr\nCopy GmbH;DE 123 456 789\nNew GmbH;DE987654321\nNew Again GmbH;DE987654321\n";

        var refused = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Accounts" });
        var forced = await rep.Client.ImportAsync(ImportApi.File("Firma;USt-IdNr\nCopy GmbH;DE123456789\n", Utf8), new { target = "Accounts", createDuplicates = true });

        Assert.Equal((1L, 2L), (refused.Long("committedRows"), refused.Long("rejectedRows")));
        Assert.Equal([(2L, "USt-IdNr"), (4L, "USt-IdNr")], (await rep.Client.ErrorsAsync(refused.Id())).Select(e => (e.Row, e.Column)));
        Assert.Equal(1, forced.Long("committedRows"));
        Assert.Equal(3, (await rep.Client.ItemsAsync("/api/accounts")).Count);

        var contacts = await rep.Client.ImportAsync(ImportApi.File("Nachname;E-Mail\nEins;same@example.com\nZwei;SAME@example.com\n", Utf8), new { target = "Contacts" });
        Assert.Equal((1L, 1L), (contacts.Long("committedRows"), contacts.Long("rejectedRows")));
    }

    [Fact]
    public async Task Import_ExternalIdOfRecordTheUserCannotSee_RejectsRowAsNotVisible()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        await app.SetSharingAsync(tenant, Kontor.Features.Customers.CustomerObjects.Accounts, SharingLevel.Private);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var other = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        await owner.Client.CreateAccountAsync(new { name = "Hidden GmbH", externalId = "K-9" });

        var job = await other.Client.ImportAsync(ImportApi.File("Kundennummer;Firma\nK-9;Taken Over GmbH\n", Utf8), new { target = "Accounts" });

        Assert.Equal(1, job.Long("rejectedRows"));
        var error = Assert.Single(await other.Client.ErrorsAsync(job.Id()));
        Assert.Equal("Kundennummer", error.Column);
        Assert.Contains("cannot see", error.Message, StringComparison.Ordinal);
        Assert.Equal("Hidden GmbH", Assert.Single(await owner.Client.ItemsAsync("/api/accounts")).Str("name"));
    }

    [Fact]
    public async Task Import_OwnerColumn_SetsOwnerByEmailAndRejectsUnknownUsers()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        var rep = await app.CreateUserAsync(tenant, [Roles.Admin]);
        var colleague = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var csv = $"Firma;Betreuer\nOwned GmbH;{colleague.Email.ToUpperInvariant()}\nMine GmbH;\nNobody GmbH;nobody@example.com\n";

        var job = await rep.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Accounts" });

        Assert.Equal((2L, 1L), (job.Long("committedRows"), job.Long("rejectedRows")));
        var accounts = await rep.Client.ItemsAsync("/api/accounts?sort=name");
        Assert.Equal([("Mine GmbH", rep.Id), ("Owned GmbH", colleague.Id)], accounts.Select(a => (a.Str("name"), a.GetProperty("ownerId").GetGuid())));
        Assert.Equal("Betreuer", Assert.Single(await rep.Client.ErrorsAsync(job.Id())).Column);
    }

    [Fact]
    public async Task Import_UpdateThroughImport_StampsTheImportingUserAndRecordsFieldHistoryFromImport()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var created = await rep.Client.CreateAccountAsync(new { name = "Alpha GmbH", externalId = "K-1", billingAddress = new { city = "Berlin" } });

        await rep.Client.ImportAsync(ImportApi.File("Kundennummer;Firma;Ort\nK-1;Alpha GmbH;Leipzig\n", Utf8), new { target = "Accounts" });

        var changes = await app.InTenantAsync(rep.TenantId, db => db.FieldChanges.Where(c => c.RecordId == created.Id()).ToListAsync(Api.Ct));
        var change = Assert.Single(changes);
        Assert.Equal(("BillingAddress.City", "Berlin", "Leipzig", Channel.Import, rep.Id), (change.Field, change.OldValue, change.NewValue, change.Channel, change.ChangedBy));
        var account = await rep.Client.FetchAsync($"/api/accounts/{created.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Leipzig", account.GetProperty("billingAddress").Str("city"));
        Assert.NotEqual(created.Str("eTag"), account.Str("eTag"));
    }

    [Fact]
    public async Task Import_OfAnotherTenant_Answers404Everywhere()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var stranger = await app.CreateTenantWithUserAsync("Globex", Roles.Admin);
        var job = await rep.Client.ImportAsync(ImportApi.File("Firma\nAcme Kunde GmbH\n", Utf8), new { target = "Accounts" });

        await stranger.Client.FetchAsync($"/api/imports/{job.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.FetchAsync($"/api/imports/{job.Id()}/errors.csv").ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.PostAsync($"/api/imports/{job.Id()}/cancel", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.Client.FetchAsync("/api/imports").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal([job.Id()], (await rep.Client.FetchAsync("/api/imports").ExpectAsync(HttpStatusCode.OK)).Ids());
    }

    [Fact]
    public async Task Start_WithUnreadableFileOrOptions_Answers400NamingTheField()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostImportAsync(ImportApi.File("\n\n", Utf8), new { target = "Accounts" }).ProblemAsync(HttpStatusCode.BadRequest, "file");
        await rep.Client.PostImportAsync([], new { target = "Accounts" }).ProblemAsync(HttpStatusCode.BadRequest, "file");
        await rep.Client.PostImportAsync(ImportApi.File("Firma\nA\n", Utf8), new { target = "Accounts", encoding = "latin-7" }).ProblemAsync(HttpStatusCode.BadRequest, "encoding");
        await rep.Client.PostImportAsync(ImportApi.File("Firma\nA\n", Utf8), new { target = "Accounts", delimiter = "|" }).ProblemAsync(HttpStatusCode.BadRequest, "delimiter");
        await rep.Client.PostImportAsync(ImportApi.File("Spalte\nA\n", Utf8), new { target = "Accounts" }).ProblemAsync(HttpStatusCode.BadRequest, "mapping.account.name");
        await rep.Client.PostImportAsync(ImportApi.File("Firma\nA\n", Utf8), new { target = "Accounts", mapping = new Dictionary<string, string> { ["account.name"] = "Firma", ["contact.lastName"] = "Firma" } })
            .ProblemAsync(HttpStatusCode.BadRequest, "mapping.contact.lastName");
        var form = new MultipartFormDataContent { { new ByteArrayContent(ImportApi.File("Firma\nA\n", Utf8)), "file", "a.csv" }, { new StringContent("{not json"), "options" } };
        await rep.Client.PostAsync("/api/imports", form, Api.Ct).ProblemAsync(HttpStatusCode.BadRequest, "options");
        var columns = string.Join(";", Enumerable.Range(0, 501).Select(i => $"C{i}"));
        await rep.Client.PostImportAsync(ImportApi.File(columns + "\n", Utf8), new { target = "Accounts" }).ProblemAsync(HttpStatusCode.BadRequest, "file");
    }

    [Fact]
    public async Task Start_AsServiceAgent_Answers403ForAccounts()
    {
        var agent = await app.CreateTenantWithUserAsync("Acme", Roles.ServiceAgent);

        await agent.Client.PostImportAsync(ImportApi.File("Firma\nA\n", Utf8), new { target = "Accounts" }).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Import_WithSavedMappingOfSource_ReusesTheMapping()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var mapping = new Dictionary<string, string> { ["account.name"] = "Kunde", ["account.billingAddress.city"] = "Sitz" };
        await rep.Client.ImportAsync(ImportApi.File("Kunde;Sitz\nErst GmbH;Ulm\n", Utf8), new { target = "Accounts", source = "Altsystem", mapping });

        var saved = await rep.Client.FetchAsync("/api/import-mappings").ExpectAsync(HttpStatusCode.OK);
        var job = await rep.Client.ImportAsync(ImportApi.File("Kunde;Sitz\nZweit GmbH;Ulm\n", Utf8), new { target = "Accounts", source = "Altsystem" });

        Assert.Equal("Altsystem", Assert.Single(saved.EnumerateArray()).Str("name"));
        Assert.Equal(1, job.Long("committedRows"));
        Assert.All(await rep.Client.ItemsAsync("/api/accounts"), a => Assert.Equal("Ulm", a.GetProperty("billingAddress").Str("city")));
        await rep.Client.DeleteAsync("/api/import-mappings/Altsystem", Api.Ct).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Cancel_RunningImport_StopsBetweenBatchesWithCountsUpToThere()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = new StringBuilder("Firma;Kundennummer\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Firma {i};C-{i}\n");
        }

        var started = await rep.Client.PostImportAsync(ImportApi.File(csv.ToString(), Utf8), new { target = "Accounts" }).ExpectAsync(HttpStatusCode.Accepted);
        await rep.Client.WaitForImportAsync(started.Id(), j => j.Long("processedRows") > 0);
        await rep.Client.PostAsync($"/api/imports/{started.Id()}/cancel", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        var job = await rep.Client.WaitForImportAsync(started.Id());

        Assert.Equal("Cancelled", job.Str("status"));
        Assert.True(job.Long("processedRows") < 3000, job.ToString());
        Assert.Equal(job.Long("processedRows"), job.Long("committedRows") + job.Long("rejectedRows"));
        var stored = await app.InTenantAsync(rep.TenantId, db => db.Accounts.CountAsync(Api.Ct));
        Assert.Equal(job.Long("committedRows"), stored);
        Assert.False(File.Exists(Path.Combine(app.Folder, rep.TenantId.ToString("N"))) && Directory.EnumerateFiles(Path.Combine(app.Folder, rep.TenantId.ToString("N"))).Any());
    }
}
