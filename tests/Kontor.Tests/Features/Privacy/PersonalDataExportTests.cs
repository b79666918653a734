using System.Net;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Sales.Leads;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Privacy;

public sealed class PersonalDataExportTests(PrivacyAppFactory app) : IClassFixture<PrivacyAppFactory>
{
    [Fact]
    public async Task Export_OfContact_HoldsEveryClassifiedFieldAndNothingOfAnotherPerson()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var account = await admin.Client.CreateAccountAsync("Acme Maschinenbau");
        var contact = await admin.Client.CreateContactAsync(new
        {
            salutation = "Ms", title = "Dr.", firstName = "Erika", lastName = "Mustermann", jobTitle = "Head of purchasing", email = "erika@example.com",
            phone = "+49 30 1234567", mobilePhone = "+49 171 1234567", preferredLanguage = "de", accountId = account.Id(), description = "Met at the fair", externalId = "OLD-42",
        });
        var other = await admin.Client.CreateContactAsync(new { firstName = "Max", lastName = "Otherperson", email = "max@example.com", accountId = account.Id() });
        await admin.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "Managing director" }, "*").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.AddNoteAsync("contact", contact.Id(), "Prefers calls after 4 pm");
        await admin.Client.LogCallAsync("contact", contact.Id(), subject: "Pricing question");
        await admin.Client.AddNoteAsync("contact", other.Id(), "Note about Max only");
        await admin.Client.PostJsonAsync($"/api/contacts/{contact.Id()}/consents", new { purpose = "phone-marketing", legalBasis = "Consent", source = "Phone" }).ExpectAsync(HttpStatusCode.Created);

        var export = await admin.Client.ExportJsonAsync("contact", contact.Id());

        var stored = await app.InTenantAsync(admin.TenantId, db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id(), Api.Ct));
        var fields = export.Fields("contact").ToDictionary(f => f.Field, f => f.Value);
        foreach (var property in typeof(Contact).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute), inherit: true)))
        {
            var value = property.GetValue(stored)?.ToString();
            Assert.False(string.IsNullOrEmpty(value), $"The test should fill {property.Name}.");
            Assert.True(fields.TryGetValue(property.Name, out var exported) && exported == value, $"{property.Name} is missing or differs in the export: {exported}");
        }

        Assert.Contains(export.Fields("account"), f => f.Value == "Acme Maschinenbau");
        Assert.Contains(export.Fields("activities"), f => f.Value == "Prefers calls after 4 pm");
        Assert.Contains(export.Fields("activities"), f => f.Value == "Pricing question");
        Assert.Contains(export.Fields("fieldHistory"), f => f.Value == "Managing director");
        Assert.Contains(export.Fields("fieldHistory"), f => f.Value == "Head of purchasing");
        Assert.Contains(export.Fields("consents"), f => f.Value == "phone-marketing");
        Assert.NotEmpty(export.Records("auditLog"));

        var text = export.GetRawText();
        Assert.DoesNotContain("Otherperson", text, StringComparison.Ordinal);
        Assert.DoesNotContain("max@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Note about Max only", text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id().ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AsCsv_HasOneRowPerFieldAndIsAudited()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync(new { firstName = "Erika", lastName = "Mustermann", email = "erika@example.com" });

        var csv = await admin.Client.ExportCsvAsync("contact", contact.Id());

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,recordType,recordId,field,value", lines[0]);
        Assert.Contains($"contact,contact,{contact.Id()},Email,erika@example.com", lines);
        Assert.Contains($"contact,contact,{contact.Id()},LastName,Mustermann", lines);
        var exports = await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Export && e.RecordType == "contact" && e.RecordId == contact.Id(), Api.Ct));
        Assert.Equal(1, exports);
    }

    [Fact]
    public async Task Export_OfLead_HoldsEveryClassifiedField()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var lead = await admin.Client.CreateLeadAsync(new
        {
            firstName = "Lena", lastName = "Leadperson", company = "Lena's Bakery", title = "Owner", email = "lena@example.com", phone = "+49 89 7654321",
            address = new { street = "Hauptstr. 1", postalCode = "80331", city = "München", country = "DE" }, description = "Wants three ovens", externalId = "FAIR-7",
            status = "Disqualified", disqualificationReason = "Moved abroad",
        });
        await admin.Client.AddTaskAsync("lead", lead.Id(), "Call Lena back");

        var export = await admin.Client.ExportJsonAsync("lead", lead.Id());

        var stored = await app.InTenantAsync(admin.TenantId, db => db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id(), Api.Ct));
        var fields = export.Fields("lead").ToDictionary(f => f.Field, f => f.Value);
        foreach (var property in typeof(Lead).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute), inherit: true) && p.PropertyType == typeof(string)))
        {
            if (property.GetValue(stored) is string value)
            {
                Assert.True(fields.TryGetValue(property.Name, out var exported) && exported == value, $"{property.Name} is missing or differs in the export: {exported}");
            }
        }

        Assert.Equal("München", fields["Address.City"]);
        Assert.Equal("Hauptstr. 1", fields["Address.Street"]);
        Assert.Contains(export.Fields("activities"), f => f.Value == "Call Lena back");
    }

    [Fact]
    public async Task Export_OfEmployee_HoldsProfileRolesSignInsAndAccessLog()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var rep = await app.CreateUserAsync(admin.TenantId, ["SalesRep"]);
        await app.SignInAsync(rep.Email);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            new AuditTrail().Record(db, AuditAction.Access, new RecordRef("employee", rep.Id), new { category = "revenue-per-owner", purpose = "team-steering" });
            await db.SaveChangesAsync(Api.Ct);
        });

        var export = await admin.Client.ExportJsonAsync("employee", rep.Id);

        var profile = export.Fields("profile").ToDictionary(f => f.Field, f => f.Value);
        Assert.Equal(rep.Email, profile[nameof(KontorUser.Email)]);
        Assert.Equal("Test", profile[nameof(KontorUser.FirstName)]);
        Assert.DoesNotContain(nameof(KontorUser.PasswordHash), profile.Keys);
        Assert.DoesNotContain(nameof(KontorUser.SecurityStamp), profile.Keys);
        Assert.Contains(export.Fields("roles"), f => f.Value == "SalesRep");
        Assert.Contains(export.Fields("activityLog"), f => f.Field == "Action" && f.Value == "Login");
        Assert.Contains(export.Fields("accessLog"), f => f.Field == "Detail" && f.Value!.Contains("revenue-per-owner", StringComparison.Ordinal));
        Assert.DoesNotContain(admin.Email, export.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithUnknownFormat_Returns400AndOfUnknownPerson404()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");

        await admin.Client.FetchAsync($"/api/privacy/subjects/contact/{contact.Id()}/export?format=xml").ProblemAsync(HttpStatusCode.BadRequest, "format");
        await admin.Client.FetchAsync($"/api/privacy/subjects/contact/{Guid.NewGuid()}/export").ProblemAsync(HttpStatusCode.NotFound);
        await admin.Client.FetchAsync($"/api/privacy/subjects/account/{contact.Id()}/export").ProblemAsync(HttpStatusCode.NotFound);
    }
}
