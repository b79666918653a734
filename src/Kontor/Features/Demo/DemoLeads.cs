using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Leads;
using Kontor.Features.Sales.Leads.Assignment;
using Kontor.Features.Sales.Leads.Scoring;
using Kontor.Features.Sales.Leads.WebForm;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Demo;

/// <summary>The demo tenant's leads: a web form, assignment and scoring rules, and leads in every state.</summary>
internal static class DemoLeads
{
    public static async Task AddAsync(KontorDb db, Guid tenantId, IReadOnlyDictionary<string, KontorUser> users, DateTimeOffset now, CancellationToken ct)
    {
        db.LeadFormSettings.Add(new LeadFormSettings(tenantId, now));
        var insideIndustry = await db.Teams.Where(t => t.Name == "Innendienst Industrie").Select(t => t.Id).SingleAsync(ct);
        db.LeadAssignmentRules.AddRange(
            new LeadAssignmentRule(new AssignmentRuleFields("Industrie an den Innendienst", true, "Industrie", null, [], null, insideIndustry), 0),
            new LeadAssignmentRule(new AssignmentRuleFields("Gebiet Süd", true, null, "DE", PostalCodeRange.ParseList("70000-89999")!, users["sales@demo.kontor"].Id, null), 1),
            new LeadAssignmentRule(new AssignmentRuleFields("Gebiet Nord", true, null, "DE", PostalCodeRange.ParseList("20000-29999, 30000-31999")!, users["sales2@demo.kontor"].Id, null), 2));
        db.LeadScoringRules.AddRange(
            new LeadScoringRule("Heißer Lead", LeadScoreCondition.RatingIs, "Hot", 30, null),
            new LeadScoringRule("Segment Industrie", LeadScoreCondition.SegmentIs, "Industrie", 20, null),
            new LeadScoringRule("Telefonisch erreichbar", LeadScoreCondition.HasPhone, null, 5, null),
            new LeadScoringRule("Messekontakt", LeadScoreCondition.SourceIs, "Messe", 10, null),
            new LeadScoringRule("Anrufe", LeadScoreCondition.PerCall, null, 5, 20));
        await db.SaveChangesAsync(ct);

        foreach (var (first, last, company, segment, postalCode, city, source, rating, status) in Leads)
        {
            var lead = new Lead(new LeadFields(
                Salutation.None, first, last, company, null, Ascii($"{first}.{last}@{company.Split(' ')[0]}.example"), null,
                new PostalAddress { PostalCode = postalCode, City = city, Country = "DE" },
                source, null, segment, status, status == LeadStatus.Disqualified ? "Kein Budget" : null, rating, null, null, null));
            await CreateLead.SaveNewAsync(db, lead, assign: true, ct);
        }
    }

    private static string Ascii(string text) => text.ToLowerInvariant()
        .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
        .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);

    private static readonly (string First, string Last, string Company, string? Segment, string PostalCode, string City, string Source, LeadRating? Rating, LeadStatus Status)[] Leads =
    [
        ("Greta", "Gießer", "Gießerei Gießer KG", "Industrie", "73728", "Esslingen", "Webformular", LeadRating.Hot, LeadStatus.New),
        ("Paul", "Pfeiffer", "Pfeiffer Pumpen GmbH", "Industrie", "20095", "Hamburg", "Messe", LeadRating.Warm, LeadStatus.Working),
        ("Lea", "Lorenz", "Lorenz Logistik AG", "Handel", "80331", "München", "Messe", LeadRating.Hot, LeadStatus.Qualified),
        ("Omar", "Özdemir", "Özdemir Handel e.K.", "Handel", "30159", "Hannover", "Empfehlung", LeadRating.Cold, LeadStatus.New),
        ("Nina", "Neumann", "Neumann Nahrungsmittel GmbH", null, "10115", "Berlin", "Webformular", null, LeadStatus.New),
        ("Felix", "Fuchs", "Fuchs Feinmechanik GmbH", "Industrie", "89073", "Ulm", "Kampagne", LeadRating.Warm, LeadStatus.Working),
        ("Clara", "Christ", "Christ Chemie SE", null, "50667", "Köln", "Messe", LeadRating.Cold, LeadStatus.Disqualified),
    ];
}
