using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>The public web-to-lead form and endpoint: capture with consent, assignment, honeypot, unknown keys.</summary>
public sealed class WebToLeadTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Post_JsonWithConsent_StoresLeadWithConsentTextAndAssignsByRules()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Everything", assignToUserId = rep.Id });
        var key = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient();

        await anonymous.PostJsonAsync($"/api/public/leads/{key}", new
        {
            firstName = "Eva",
            lastName = "Netz",
            company = "Netz AG",
            email = "eva@netz.example",
            phone = "030 1234567",
            message = "Please call me about the bigger machine.",
            consent = true,
            language = "de",
        }).ExpectAsync(HttpStatusCode.Accepted);

        var lead = Assert.Single((await rep.Client.GetJsonAsync("/api/leads?owner=me")).GetProperty("items").EnumerateArray());
        Assert.Equal("Netz", lead.Str("lastName"));
        Assert.Equal("+49301234567", lead.Str("phone"));
        Assert.Equal("Web form", lead.Str("source"));
        Assert.StartsWith("Ich bin damit einverstanden", lead.Str("consentText"), StringComparison.Ordinal);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, lead.GetProperty("consentedAt").ValueKind);
    }

    [Fact]
    public async Task Post_WithHoneypotFilled_AnswersAcceptedAndStoresNothing()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var key = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient();

        await anonymous.PostJsonAsync($"/api/public/leads/{key}", new { lastName = "Robot", email = "bot@spam.example", consent = true, website = "http://spam.example" })
            .ExpectAsync(HttpStatusCode.Accepted);

        Assert.Equal(0, await app.InTenantAsync(admin.TenantId, db => db.Leads.CountAsync(Api.Ct)));
    }

    [Fact]
    public async Task Post_UnknownOrMalformedKey_Returns404()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var key = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient();
        var body = new { lastName = "Niemand", email = "n@example.com", consent = true };

        await anonymous.PostJsonAsync($"/api/public/leads/{key[..32]}{new string('x', key.Length - 32)}", body).ProblemAsync(HttpStatusCode.NotFound);
        await anonymous.PostJsonAsync("/api/public/leads/nonsense", body).ProblemAsync(HttpStatusCode.NotFound);
        await anonymous.FetchAsync("/forms/lead/nonsense").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_WithoutConsentOrLastName_Returns400NamingThem()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var key = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient();

        await anonymous.PostJsonAsync($"/api/public/leads/{key}", new { email = "x@example.com", consent = false })
            .ProblemAsync(HttpStatusCode.BadRequest, "consent", "lastName");
    }

    [Fact]
    public async Task RegenerateKey_OldKeyAnswers404_NewKeyWorks()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var old = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient();
        var body = new { lastName = "Neu", email = "neu@example.com", consent = true };

        var renewed = await admin.Client.PostJsonAsync("/api/lead-form/key", new { }).ExpectAsync(HttpStatusCode.OK);

        Assert.NotEqual(old, renewed.Str("formKey"));
        await anonymous.PostJsonAsync($"/api/public/leads/{old}", body).ProblemAsync(HttpStatusCode.NotFound);
        await anonymous.PostJsonAsync($"/api/public/leads/{renewed.Str("formKey")}", body).ExpectAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task FormPost_FromOtherWebsite_StoresLeadAndRedirectsToThankYouPage()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var key = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.PostAsync($"/api/public/leads/{key}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["lastName"] = "Formular",
            ["email"] = "formular@example.com",
            ["consent"] = "on",
        }), Api.Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/forms/lead/{key}?sent=true", response.Headers.Location?.ToString());
        Assert.Equal("Formular", (await admin.Client.GetJsonAsync("/api/leads")).GetProperty("items")[0].Str("lastName"));
    }

    [Fact]
    public async Task FormPage_ShowsConsentTextInBrowserLanguage()
    {
        var admin = await app.CreateTenantWithUserAsync("Web form");
        var key = await admin.Client.FormKeyAsync();
        await admin.Client.SendRawAsync(HttpMethod.Put, "/api/lead-form", """{"consentTextEnglish":"You may call me.","consentTextGerman":"Sie dürfen mich anrufen."}""")
            .ExpectAsync(HttpStatusCode.OK);
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");

        var page = await anonymous.GetStringAsync($"/forms/lead/{key}", Api.Ct);

        Assert.Contains("Sie dürfen mich anrufen.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }
}
