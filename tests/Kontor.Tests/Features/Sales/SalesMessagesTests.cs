using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Refusals of leads, quotes, orders, targets and upsell signals answer in the caller's language, as those of opportunities do.</summary>
public sealed partial class SalesMessagesTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public void EveryMessageOfTheSalesSlices_HasAGermanText()
    {
        var missing = new List<string>();
        foreach (var file in Repository.SourceFiles(".cs").Where(f => f.Contains($"{Path.DirectorySeparatorChar}Sales{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match use in MessageCall().Matches(File.ReadAllText(file)))
            {
                var resource = use.Groups["helper"].Value switch
                {
                    "SalesMessages.Quote" => "QuotesText",
                    "SalesMessages.Forecast" => "ForecastsText",
                    "LeadsText.Message" => "LeadsText",
                    _ => "OpportunitiesText",
                };
                var key = use.Groups["key"].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                if (!GermanKeys(resource).Contains(key))
                {
                    missing.Add($"{resource}: \"{key}\" ({Path.GetFileName(file)})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Messages without German text:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public async Task ConvertDisqualifiedLead_InGerman_Returns409InGerman()
    {
        var admin = await app.CreateTenantWithUserAsync("Sales messages");
        var lead = await admin.Client.CreateLeadAsync(new { lastName = "Nein", company = "Nein GmbH", status = "Disqualified", disqualificationReason = "No budget" });

        var english = await admin.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { }).ProblemAsync(HttpStatusCode.Conflict);
        var german = await SendGermanAsync(admin, HttpMethod.Post, $"/api/leads/{lead.Id()}/convert", new { }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("A disqualified lead cannot be converted; qualify it first.", english.Str("title"));
        Assert.Equal("Ein disqualifizierter Lead kann nicht umgewandelt werden; qualifizieren Sie ihn zuerst.", german.Str("title"));
    }

    [Fact]
    public async Task SendQuoteWithoutLines_InGerman_Returns409InGerman()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId });

        var english = await world.Rep.ActAsync(quote.Id(), "send").ProblemAsync(HttpStatusCode.Conflict);
        var german = await SendGermanAsync(world.Rep, HttpMethod.Post, $"/api/quotes/{quote.Id()}/send", new { }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("A quote without lines cannot be sent.", english.Str("title"));
        Assert.Equal("Ein Angebot ohne Positionen kann nicht versendet werden.", german.Str("title"));
    }

    [Fact]
    public async Task DuplicateTarget_InGerman_Returns409InGerman()
    {
        var admin = await app.CreateTenantWithUserAsync("Sales messages");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var body = new { userId = rep.Id, period = "2026-11", amount = 10_000, currency = "EUR" };
        await admin.Client.PostJsonAsync("/api/targets", body).ExpectAsync(HttpStatusCode.Created);

        var english = await admin.Client.PostJsonAsync("/api/targets", body).ProblemAsync(HttpStatusCode.Conflict);
        var german = await SendGermanAsync(admin, HttpMethod.Post, "/api/targets", body).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("There is already a target for 2026-11 in EUR; change that one.", english.Str("title"));
        Assert.Equal("Für 2026-11 gibt es bereits ein Ziel in EUR; ändern Sie dieses.", german.Str("title"));
    }

    private static Task<HttpResponseMessage> SendGermanAsync(TestUser user, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("de-DE"));
        return user.Client.SendAsync(request, Api.Ct);
    }

    private static HashSet<string> GermanKeys(string resource) =>
        XDocument.Load(Path.Combine(Repository.Source, "Resources", resource + ".de.resx")).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<helper>SalesMessages\.Quote|SalesMessages\.Forecast|LeadsText\.Message|OpportunityMessages\.Get|OpportunityMessages\.Format)\(""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex MessageCall();
}
