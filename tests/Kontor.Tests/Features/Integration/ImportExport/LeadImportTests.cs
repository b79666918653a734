using System.Net;
using System.Text;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kontor.Tests.Features.Integration.ImportExport;

/// <summary>Leads from CSV: the lead request's checks, upsert by external id, assignment rules and scores as for API leads.</summary>
public sealed class LeadImportTests(ImportAppFactory app) : IClassFixture<ImportAppFactory>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public async Task Import_TradeFairListWithGermanHeaders_MapsEveryLeadField()
    {
        var admin = await app.CreateTenantWithUserAsync("Messe");
        await admin.Client.PostJsonAsync("/api/segments", new { name = "Maschinenbau" }).ExpectAsync(HttpStatusCode.Created);
        var csv = "Lead-ID;Anrede;Vorname;Nachname;Firma;Position;E-Mail;Telefon;Straße;PLZ;Ort;Land;Quelle;Kampagne;Segment;Status;Bewertung;Bemerkung;Einwilligung;Einwilligungsdatum\n"
            + "M-1;Frau;Petra;Schmidt;Schmidt Fräsen GmbH;Einkauf;petra@schmidt-fraesen.de;0711 123456;Hauptstr. 1;70173;Stuttgart;Deutschland;Messe;Hannover Messe 2025;maschinenbau;In Bearbeitung;Heiß;Will Angebot;Ich willige ein.;31.03.2025 14:30\n";

        var job = await admin.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Leads" }, "messe.csv");

        Assert.Equal(("Completed", "Leads", 1L, 0L), (job.Str("status"), job.Str("target"), job.Long("committedRows"), job.Long("rejectedRows")));
        var lead = Assert.Single(await admin.Client.ItemsAsync("/api/leads"));
        lead = await admin.Client.GetJsonAsync($"/api/leads/{lead.Id()}");
        Assert.Equal(
            ("M-1", "Ms", "Petra", "Schmidt", "Schmidt Fräsen GmbH", "Einkauf", "petra@schmidt-fraesen.de", "+49711123456"),
            (lead.Str("externalId"), lead.Str("salutation"), lead.Str("firstName"), lead.Str("lastName"), lead.Str("company"), lead.Str("title"), lead.Str("email"), lead.Str("phone")));
        var address = lead.GetProperty("address");
        Assert.Equal(("Hauptstr. 1", "70173", "Stuttgart", "DE"), (address.Str("street"), address.Str("postalCode"), address.Str("city"), address.Str("country")));
        Assert.Equal(
            ("Messe", "Hannover Messe 2025", "Maschinenbau", "Working", "Hot", "Will Angebot"),
            (lead.Str("source"), lead.Str("campaign"), lead.Str("segment"), lead.Str("status"), lead.Str("rating"), lead.Str("description")));
        Assert.Equal("Ich willige ein.", lead.Str("consentText"));
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 12, 30, 0, TimeSpan.Zero), lead.GetProperty("consentedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Import_XlsxWithEnglishHeadersAndDateCells_SuggestsTheMappingAndReadsTheConsentDate()
    {
        var admin = await app.CreateTenantWithUserAsync("Fair");
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object> { ["Last name"] = "Brown", ["Company"] = "Brown Ltd", ["Email"] = "jo@brown.example", ["Consent"] = "I agree.", ["Consent date"] = new DateTime(2025, 3, 31, 14, 30, 0), ["Rating"] = "Warm" },
        });

        var job = await admin.Client.ImportAsync(stream.ToArray(), new { target = "Leads" }, "fair.xlsx");

        Assert.Equal(1, job.Long("committedRows"));
        var lead = await admin.Client.GetJsonAsync($"/api/leads/{Assert.Single(await admin.Client.ItemsAsync("/api/leads")).Id()}");
        Assert.Equal(("Brown", "Brown Ltd", "jo@brown.example", "I agree.", "Warm"), (lead.Str("lastName"), lead.Str("company"), lead.Str("email"), lead.Str("consentText"), lead.Str("rating")));
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 12, 30, 0, TimeSpan.Zero), lead.GetProperty("consentedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Import_ExternalIdOfLeadTheUserCannotSee_RejectsRowAsNotVisible()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        await app.SetSharingAsync(tenant, Kontor.Features.Sales.SalesObjects.Leads, SharingLevel.Private);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var other = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        await owner.Client.CreateLeadAsync(new { lastName = "Versteckt", externalId = "V-1", ownerId = owner.Id });

        var job = await other.Client.ImportAsync(ImportApi.File("Lead-ID;Nachname\nV-1;Übernommen\n", Utf8), new { target = "Leads" });

        Assert.Equal(1, job.Long("rejectedRows"));
        var error = Assert.Single(await other.Client.ErrorsAsync(job.Id()));
        Assert.Equal("Lead-ID", error.Column);
        Assert.Contains("cannot see", error.Message, StringComparison.Ordinal);
        Assert.Equal("Versteckt", Assert.Single(await owner.Client.ItemsAsync("/api/leads")).Str("lastName"));
    }

    [Fact]
    public async Task Import_LeadsWithBadRows_RejectsEachWithRowColumnAndMessage_AndCountsEveryRow()
    {
        var admin = await app.CreateTenantWithUserAsync("Messe");
        var csv = "Nachname;E-Mail;Status;Bewertung;Einwilligung;Einwilligungsdatum;Telefon\n"
            + "Gut;gut@example.com;;;;;\n"
            + "Mail;not-an-address;;;;;\n"
            + ";namenlos@example.com;;;;;\n"
            + "Status;;Verloren;;;;\n"
            + "Bewertung;;;lauwarm;;;\n"
            + "Einwilligung;;;;;2025-03-31;\n"
            + "Telefon;;;;;;12\n"
            + "Disqualifiziert;;Disqualifiziert;;;;\n"
            + "Auch gut;;Qualifiziert;Kalt;Ja, bitte.;2025-03-31;\n";

        var job = await admin.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Leads" });

        Assert.Equal(("Completed", 9L, 2L, 7L), (job.Str("status"), job.Long("processedRows"), job.Long("committedRows"), job.Long("rejectedRows")));
        Assert.Equal(job.Long("processedRows"), job.Long("committedRows") + job.Long("rejectedRows"));
        var errors = await admin.Client.ErrorsAsync(job.Id());
        Assert.Equal(
            [(3L, "E-Mail"), (4L, "Nachname"), (5L, "Status"), (6L, "Bewertung"), (7L, "Einwilligung"), (8L, "Telefon"), (9L, "lead.disqualificationReason")],
            errors.Select(e => (e.Row, e.Column)));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        var leads = await admin.Client.ItemsAsync("/api/leads?sort=name");
        Assert.Equal(["Auch gut", "Gut"], leads.Select(l => l.Str("lastName")));
    }

    [Fact]
    public async Task Import_SameExternalIdsTwice_UpdatesLeadsAndRecordsFieldHistoryFromImport()
    {
        var admin = await app.CreateTenantWithUserAsync("Messe");
        var first = "Lead-ID;Nachname;Ort;Bewertung\nL-1;Eins;Berlin;Kalt\nL-2;Zwei;Bonn;\nL-1;Eins;Berlin;Warm\n";
        var again = "Lead-ID;Nachname;Ort\nL-1;Eins;Leipzig\nL-2;Zwei;Bonn\nL-3;Drei;Köln\n";

        var created = await admin.Client.ImportAsync(ImportApi.File(first, Utf8), new { target = "Leads" });
        var updated = await admin.Client.ImportAsync(ImportApi.File(again, Utf8), new { target = "Leads" });

        Assert.Equal((3L, 2L), (created.Long("committedRows"), created.Long("createdRecords")));
        // L-2 is imported unchanged: its row counts as committed, but it is no update.
        Assert.Equal((3L, 1L, 1L), (updated.Long("committedRows"), updated.Long("createdRecords"), updated.Long("updatedRecords")));
        var leads = await admin.Client.ItemsAsync("/api/leads?sort=name");
        Assert.Equal([("Drei", "L-3"), ("Eins", "L-1"), ("Zwei", "L-2")], leads.Select(l => (l.Str("lastName"), l.Str("externalId"))));
        var one = await admin.Client.GetJsonAsync($"/api/leads/{leads[1].Id()}");
        Assert.Equal(("Leipzig", "Warm"), (one.GetProperty("address").Str("city"), one.Str("rating")));
        var changes = await app.InTenantAsync(admin.TenantId, db => db.FieldChanges.Where(c => c.RecordId == leads[1].Id() && c.Field == "Address.City").ToListAsync(Api.Ct));
        var change = Assert.Single(changes);
        Assert.Equal(("Berlin", "Leipzig", Channel.Import, admin.Id), (change.OldValue, change.NewValue, change.Channel, change.ChangedBy));
    }

    [Fact]
    public async Task Import_ExternalIdOfLeadCreatedThroughApi_UpdatesIt_AndConvertedLeadsAreRefused()
    {
        var admin = await app.CreateTenantWithUserAsync("Messe");
        var lead = await admin.Client.CreateLeadAsync(new { lastName = "Api", externalId = "A-1", ownerId = admin.Id });
        var converted = await admin.Client.CreateLeadAsync(new { lastName = "Umgewandelt", company = "Umgewandelt GmbH", externalId = "A-2", ownerId = admin.Id });
        await admin.Client.PostJsonAsync($"/api/leads/{converted.Id()}/convert", new { }).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.PostJsonAsync("/api/leads", new { lastName = "Doppelt", externalId = "A-1" }).ExpectAsync(HttpStatusCode.BadRequest);

        var job = await admin.Client.ImportAsync(ImportApi.File("Lead-ID;Nachname;Quelle\nA-1;Api;Altsystem\nA-2;Umgewandelt;Altsystem\n", Utf8), new { target = "Leads" });

        Assert.Equal((1L, 1L, 1L), (job.Long("committedRows"), job.Long("rejectedRows"), job.Long("updatedRecords")));
        Assert.Equal("Altsystem", (await admin.Client.GetJsonAsync($"/api/leads/{lead.Id()}")).Str("source"));
        Assert.Equal([(3L, "Lead-ID")], (await admin.Client.ErrorsAsync(job.Id())).Select(e => (e.Row, e.Column)));
        Assert.Single(await admin.Client.ItemsAsync("/api/leads?externalId=A-1"));
    }

    [Fact]
    public async Task Import_RowWithoutExternalIdDuplicatingEmail_IsRejectedUnlessDuplicatesAreWanted()
    {
        var admin = await app.CreateTenantWithUserAsync("Messe");
        await admin.Client.CreateLeadAsync(new { lastName = "Vorhanden", email = "da@example.com" });
        var csv = "Nachname;E-Mail\nKopie;DA@example.com\nNeu;neu@example.com\nNeu nochmal;neu@example.com\n";

        var refused = await admin.Client.ImportAsync(ImportApi.File(csv, Utf8), new { target = "Leads" });
        var forced = await admin.Client.ImportAsync(ImportApi.File("Nachname;E-Mail\nKopie;da@example.com\n", Utf8), new { target = "Leads", createDuplicates = true });

        Assert.Equal((1L, 2L), (refused.Long("committedRows"), refused.Long("rejectedRows")));
        Assert.Equal([(2L, "E-Mail"), (4L, "E-Mail")], (await admin.Client.ErrorsAsync(refused.Id())).Select(e => (e.Row, e.Column)));
        Assert.Equal(1, forced.Long("committedRows"));
        Assert.Equal(3, (await admin.Client.ItemsAsync("/api/leads")).Count);
    }

    [Fact]
    public async Task Import_LeadsWithoutOwner_GoThroughAssignmentRulesInOrder_AndRoundRobinContinuesAcrossBatchesAndApi()
    {
        var admin = await app.CreateTenantWithUserAsync("Zuweisung");
        var industry = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var south = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var named = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var members = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]));
        }

        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales, [.. members.Select(m => m.Id)]);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Industry", segment = "Industrie", assignToUserId = industry.Id });
        await admin.Client.CreateAssignmentRuleAsync(new { name = "South", country = "DE", postalCodeRanges = "70000-89999", assignToUserId = south.Id });
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Everyone else", roundRobinTeamId = team });
        var csv = new StringBuilder("Lead-ID;Nachname;Segment;Land;PLZ;Betreuer\n");
        csv.Append("R-1;Industrie;industrie;DE;70173;\n");
        csv.Append("R-2;Süden;;DE;80331;\n");
        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"R-3;Benannt;Industrie;DE;80331;{named.Email}\n");
        for (var i = 4; i <= 9; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"R-{i};Runde {i};;DE;20095;\n");
        }

        var job = await admin.Client.ImportAsync(ImportApi.File(csv.ToString(), Utf8), new { target = "Leads" });
        var afterwards = await admin.Client.CreateLeadAsync(new { lastName = "Über die API", address = new { country = "DE", postalCode = "20095" } });

        Assert.Equal(9, job.Long("committedRows"));
        var owners = (await admin.Client.ItemsAsync("/api/leads")).ToDictionary(l => l.StrOrNull("externalId") ?? "api", l => l.OwnerOf());
        Assert.Equal((industry.Id, south.Id, named.Id), (owners["R-1"]!.Value, owners["R-2"]!.Value, owners["R-3"]!.Value));
        var turns = Enumerable.Range(4, 6).Select(i => owners[$"R-{i}"]).ToList();
        Assert.All(members, m => Assert.Equal(2, turns.Count(o => o == m.Id)));
        Assert.Equal(turns.Take(3), turns.Skip(3));
        Assert.Equal(turns[0], afterwards.OwnerOf());
    }

    [Fact]
    public async Task Import_Leads_AreScoredLikeLeadsCreatedThroughTheApi_AndKeepActivityPointsOnUpdate()
    {
        var admin = await app.CreateTenantWithUserAsync("Punkte");
        await admin.Client.CreateScoringRuleAsync(new { name = "Industry segment", condition = "SegmentIs", value = "Industrie", points = 20 });
        await admin.Client.CreateScoringRuleAsync(new { name = "Hot", condition = "RatingIs", value = "Hot", points = 15 });
        await admin.Client.CreateScoringRuleAsync(new { name = "Reachable by phone", condition = "HasPhone", points = 5 });
        await admin.Client.CreateScoringRuleAsync(new { name = "Calls", condition = "PerCall", points = 10 });
        var api = await admin.Client.CreateLeadAsync(new { lastName = "Api", segment = "Industrie", rating = "Hot", phone = "+49 711 123456", ownerId = admin.Id });

        await admin.Client.ImportAsync(ImportApi.File("Lead-ID;Nachname;Segment;Bewertung;Telefon\nS-1;Import;Industrie;Hot;0711 123456\n", Utf8), new { target = "Leads" });
        var imported = Assert.Single(await admin.Client.ItemsAsync("/api/leads?externalId=S-1"));
        await admin.Client.LogCallAsync("lead", imported.Id());
        await admin.Client.ImportAsync(ImportApi.File("Lead-ID;Nachname;Bewertung\nS-1;Import;Warm\n", Utf8), new { target = "Leads" });

        var explanation = static (JsonElement lead) => lead.GetProperty("scoreExplanation").EnumerateArray().Select(l => (l.Str("rule"), l.GetProperty("points").GetInt32())).ToList();
        Assert.Equal([("Hot", 15), ("Industry segment", 20), ("Reachable by phone", 5)], explanation(api));
        var rescored = await admin.Client.GetJsonAsync($"/api/leads/{imported.Id()}");
        Assert.Equal([("Calls", 10), ("Industry segment", 20), ("Reachable by phone", 5)], explanation(rescored));
        Assert.Equal(35, rescored.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Import_LeadsDryRun_WritesNothing_AndHandsOutNoRoundRobinTurns()
    {
        var admin = await app.CreateTenantWithUserAsync("Probe");
        var a = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var b = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales, a.Id, b.Id);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Inside sales", roundRobinTeamId = team });

        var job = await admin.Client.ImportAsync(ImportApi.File("Nachname;E-Mail\nEins;\nZwei;kaputt\nDrei;\nVier;\nFünf;\n", Utf8), new { target = "Leads", dryRun = true });

        Assert.True(job.GetProperty("dryRun").GetBoolean());
        Assert.Equal((4L, 1L, 0L), (job.Long("committedRows"), job.Long("rejectedRows"), job.Long("createdRecords")));
        Assert.Equal([3L], (await admin.Client.ErrorsAsync(job.Id())).Select(e => e.Row));
        Assert.Empty(await admin.Client.ItemsAsync("/api/leads"));
        Assert.Equal(0, await app.InTenantAsync(admin.TenantId, db => db.LeadAssignmentRules.Select(r => r.RoundRobinCounter).SingleAsync(Api.Ct)));
    }

    [Fact]
    public async Task Start_LeadsAsRoleWithoutLeadCreate_Answers403()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        var council = await app.CreateUserAsync(tenant, [Roles.WorksCouncil]);

        var response = await council.Client.PostImportAsync(ImportApi.File("Nachname\nEins\n", Utf8), new { target = "Leads" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
