using System.Net;
using Kontor.Features.Privacy.Consents;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Privacy;

public sealed partial class ConsentTests(PrivacyAppFactory app) : IClassFixture<PrivacyAppFactory>
{
    [Fact]
    public async Task EmailConsent_IsRequestedUntilTheLinkIsConfirmed()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();

        var requested = await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("Requested", requested.Str("status"));
        Assert.Equal("Consent", requested.Str("legalBasis"));
        Assert.Equal("Api", requested.Str("source"));
        var message = app.Mailer.Sent.Last(m => m.To == email);
        Assert.Equal("/consent/confirm", message.Link.AbsolutePath);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), message.ExpiresAt);
        var token = app.Mailer.TokenFor(email);

        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token }).ExpectAsync(HttpStatusCode.OK);

        var consents = await rep.Client.GetJsonAsync($"/api/contacts/{contactId}/consents");
        var consent = Assert.Single(consents.EnumerateArray());
        Assert.Equal("Granted", consent.Str("status"));
        Assert.True(consent.GetProperty("current").GetBoolean());
        Assert.Equal(app.Clock.GetUtcNow(), consent.GetProperty("confirmedAt").GetDateTimeOffset());
        var stored = await app.InTenantAsync(rep.TenantId, db => db.Consents.AsNoTracking().SingleAsync(c => c.ContactId == contactId, Api.Ct));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(ConsentTokens.Hash(token), stored.TokenHash);
    }

    [Fact]
    public async Task Confirm_TheSameLinkTwice_Returns409TheSecondTime()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);
        var token = app.Mailer.TokenFor(email);
        var anonymous = app.CreateClient();

        await anonymous.PostJsonAsync("/api/consent/confirm", new { token }).ExpectAsync(HttpStatusCode.OK);
        await anonymous.PostJsonAsync("/api/consent/confirm", new { token }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Confirm_AfterTheLinkExpired_Returns410AndLeavesItRequested()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);
        var token = app.Mailer.TokenFor(email);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token }).ProblemAsync(HttpStatusCode.Gone);
        var stored = await app.InTenantAsync(rep.TenantId, db => db.Consents.AsNoTracking().SingleAsync(c => c.ContactId == contactId, Api.Ct));
        Assert.Equal(ConsentStatus.Requested, stored.Status);
        Assert.Null(stored.ConfirmedAt);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Confirm_WithUnknownToken_Returns404(string token)
    {
        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token }).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Confirm_WithTheFirstLinkAfterANewOneWasSent_Returns404()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);
        var first = app.Mailer.TokenFor(email);
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);
        var second = app.Mailer.TokenFor(email);

        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token = first }).ProblemAsync(HttpStatusCode.NotFound);
        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token = second }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Withdraw_AfterConfirmation_KeepsTheHistoryAndStopsTheLink()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);
        var token = app.Mailer.TokenFor(email);
        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token }).ExpectAsync(HttpStatusCode.OK);

        var withdrawn = await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents/email-marketing/withdraw", new { source = "Phone" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Withdrawn", withdrawn.Str("status"));
        Assert.Equal("Phone", withdrawn.Str("withdrawalSource"));
        Assert.False(withdrawn.GetProperty("current").GetBoolean());
        await app.CreateClient().PostJsonAsync("/api/consent/confirm", new { token }).ProblemAsync(HttpStatusCode.Conflict);
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents/email-marketing/withdraw", new { }).ProblemAsync(HttpStatusCode.Conflict);

        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing", legalBasis = "LegitimateInterests" }).ExpectAsync(HttpStatusCode.Created);
        var history = (await rep.Client.GetJsonAsync($"/api/contacts/{contactId}/consents")).EnumerateArray().ToList();
        Assert.Equal(["Granted", "Withdrawn"], history.Select(c => c.Str("status")));
        Assert.Equal([true, false], history.Select(c => c.GetProperty("current").GetBoolean()));
    }

    [Fact]
    public async Task PhoneConsent_IsGrantedAtOnceAndCannotBeGrantedTwice()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        var sentBefore = app.Mailer.Sent.Count(m => m.To == email);

        var granted = await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "phone-marketing", source = "Phone" }).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("Granted", granted.Str("status"));
        Assert.Equal(sentBefore, app.Mailer.Sent.Count(m => m.To == email));
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "phone-marketing" }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Record_ForUnknownPurposeOrContactWithoutEmail_IsRefused()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Nomail");

        await rep.Client.PostJsonAsync($"/api/contacts/{contact.Id()}/consents", new { purpose = "carrier-pigeon" }).ProblemAsync(HttpStatusCode.BadRequest, "purpose");
        await rep.Client.PostJsonAsync($"/api/contacts/{contact.Id()}/consents", new { purpose = "email-marketing" }).ProblemAsync(HttpStatusCode.Conflict);
        await rep.Client.PostJsonAsync($"/api/contacts/{Guid.NewGuid()}/consents", new { purpose = "phone-marketing" }).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Consents_OfAnotherTenantsContact_AreInvisible()
    {
        var (rep, contactId, _) = await ContactWithEmailAsync();
        var globex = await app.CreateTenantWithUserAsync("Globex");

        await globex.Client.FetchAsync($"/api/contacts/{contactId}/consents").ProblemAsync(HttpStatusCode.NotFound);
        await globex.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "phone-marketing" }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await rep.Client.GetJsonAsync($"/api/contacts/{contactId}/consents")).EnumerateArray());
    }

    [Fact]
    public async Task Record_ByServiceAgentWhoMayNotEditTheContact_Returns403()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var reader = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var contact = await admin.Client.CreateContactAsync(new { lastName = "Owned by admin", email = "owned@example.com" });

        await reader.Client.PostJsonAsync($"/api/contacts/{contact.Id()}/consents", new { purpose = "phone-marketing" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await reader.Client.GetJsonAsync($"/api/contacts/{contact.Id()}/consents")).EnumerateArray());
    }

    [Theory]
    [InlineData("not-a-token", "Link not recognised")]
    [InlineData("", "Link not recognised")]
    public async Task ConfirmPage_WithUnusableToken_ShowsAReadableMessage(string token, string heading)
    {
        var page = await app.CreateClient().GetStringAsync($"/consent/confirm?token={token}", Api.Ct);

        Assert.Contains(heading, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmPage_WithValidToken_AsksForTheClickAndConfirmsNothingYet()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);

        var page = await app.CreateClient().GetStringAsync($"/consent/confirm?token={app.Mailer.TokenFor(email)}", Api.Ct);

        Assert.Contains("Confirm your consent", page, StringComparison.Ordinal);
        Assert.Equal("Requested", (await rep.Client.GetJsonAsync($"/api/contacts/{contactId}/consents"))[0].Str("status"));
    }

    [Fact]
    public async Task ConfirmPage_Submitted_ConfirmsTheConsentAndSaysThankYou()
    {
        var (rep, contactId, email) = await ContactWithEmailAsync();
        await rep.Client.PostJsonAsync($"/api/contacts/{contactId}/consents", new { purpose = "email-marketing" }).ExpectAsync(HttpStatusCode.Created);
        var url = $"/consent/confirm?token={app.Mailer.TokenFor(email)}";
        var browser = app.CreateClient();
        var form = await browser.GetStringAsync(url, Api.Ct);

        var fields = HiddenInput().Matches(form).ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value), m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
        var answer = await browser.PostAsync(url, new FormUrlEncodedContent(fields), Api.Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Your consent is confirmed.", await answer.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
        Assert.Equal("Granted", (await rep.Client.GetJsonAsync($"/api/contacts/{contactId}/consents"))[0].Str("status"));
        var again = await browser.PostAsync(url, new FormUrlEncodedContent(fields), Api.Ct);
        Assert.Contains("Link already used", await again.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)""")]
    private static partial System.Text.RegularExpressions.Regex HiddenInput();

    private async Task<(TestUser Rep, Guid ContactId, string Email)> ContactWithEmailAsync()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var email = app.NewEmail("contact");
        var contact = await rep.Client.CreateContactAsync(new { firstName = "Erika", lastName = "Mustermann", email });
        return (rep, contact.Id(), email);
    }
}
