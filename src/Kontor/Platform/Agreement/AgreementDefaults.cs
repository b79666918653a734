namespace Kontor.Platform.Agreement;

/// <summary>
/// The strict default a tenant runs on until both parties have approved an agreement, and for every category an
/// agreement leaves out: individual values to the person only, statistics over at least five people, kept 90 days.
/// </summary>
public static class AgreementDefaults
{
    public const int MinGroupSize = 5;

    public static RetentionPeriod Retention { get; } = new(0, 0, 0, 90);

    /// <summary>The rules a document may leave out: direct managers only (where a category names them), no rankings, a purpose for every individual-level read.</summary>
    public static AgreementRules Rules { get; } = new(ManagerVisibility.DirectReports, RankingsAllowed: false, IndividualAccessNeedsPurpose: true);

    /// <summary>The strict default as a document, written out as YAML so the proposal page can start from it.</summary>
    public static string Text { get; } = BuildText();

    public static AgreementDocument Document { get; } =
        AgreementParser.Parse(Text).Document ?? throw new InvalidOperationException("The strict default agreement does not parse.");

    /// <summary>The rule for a category a document leaves out: the strict default's, for the document's purposes.</summary>
    public static CategoryRule StrictRule(EmployeeDataCategory category, IReadOnlyList<string> purposes) =>
        new(category.Key, purposes, [IndividualReader.Self], MinGroupSize, Retention, null);

    private static string BuildText()
    {
        var text = """
            # Kontor's strict default: in force until an agreement is approved by both parties.
            agreement: "Strict default"
            purposes:
              - key: own-performance
                description: "An employee looking at their own figures"
              - key: team-steering
                description: "Capacity and quality of a team, from statistics over groups"
            categories:

            """;
        foreach (var category in EmployeeDataCategories.All)
        {
            text += $"""
                  - key: {category.Key}
                    purposes: [own-performance, team-steering]
                    individual: [self]
                    min-group-size: {MinGroupSize}
                    retention: {Retention}

                """;
        }

        return text + """
            rules:
              manager-visibility: direct-reports
              rankings: forbidden
              individual-access-needs-purpose: true
            approval: [employer, works-council]

            """;
    }
}
