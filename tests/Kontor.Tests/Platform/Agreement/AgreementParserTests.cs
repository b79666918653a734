using Kontor.Platform.Agreement;

namespace Kontor.Tests.Platform.Agreement;

public sealed class AgreementParserTests
{
    internal const string Example = """
        agreement: "BV CRM 2027"
        version: 1
        purposes:
          - key: team-steering
            description: "Capacity and quality of a team"
          - key: own-performance
        categories:
          - key: revenue-per-owner
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P2Y
            regions: [EU, EEA, CH]
          - key: login-history
            purposes: [own-performance]
            individual: [self, WorksCouncil]
            retention: P90D
        rules:
          manager-visibility: direct-reports
          rankings: forbidden
          individual-access-needs-purpose: true
        approval: [employer, works-council]
        """;

    [Fact]
    public void Parse_TheDocumentedExample_ReadsEveryRule()
    {
        var result = AgreementParser.Parse(Example);

        Assert.Empty(result.Problems);
        var document = result.Document!;
        Assert.Equal(("BV CRM 2027", 1), (document.Name, document.Version));
        Assert.Equal(["team-steering", "own-performance"], document.Purposes.Select(p => p.Key));
        var revenue = document.RuleFor(EmployeeDataCategories.RevenuePerOwner);
        Assert.Equal([IndividualReader.Self, IndividualReader.DirectManager], revenue.Individual);
        Assert.Equal((3, new RetentionPeriod(2, 0, 0, 0)), (revenue.MinGroupSize, revenue.Retention));
        Assert.Equal(["EU", "EEA", "CH"], revenue.Regions!);
        var logins = document.RuleFor(EmployeeDataCategories.LoginHistory);
        Assert.Equal([IndividualReader.Self, new IndividualReader(IndividualReaderKind.Role, "WorksCouncil")], logins.Individual);
        Assert.Equal(AgreementDefaults.MinGroupSize, logins.MinGroupSize);
        Assert.Null(logins.Regions);
        Assert.Equal(new AgreementRules(ManagerVisibility.DirectReports, RankingsAllowed: false, IndividualAccessNeedsPurpose: true), document.Rules);
    }

    [Fact]
    public void RuleFor_ACategoryTheDocumentLeavesOut_IsTheStrictDefault()
    {
        var document = AgreementParser.Parse(Example).Document!;

        var rule = document.RuleFor(EmployeeDataCategories.ActivityCounts);

        Assert.Equal([IndividualReader.Self], rule.Individual);
        Assert.Equal((5, "P90D"), (rule.MinGroupSize, rule.Retention.ToString()));
        Assert.Equal(["team-steering", "own-performance"], rule.Purposes);
    }

    [Fact]
    public void StrictDefault_ParsesAndCoversEveryCategory()
    {
        var document = AgreementDefaults.Document;

        Assert.Equal(EmployeeDataCategories.All.Select(c => c.Key), document.Categories.Select(c => c.Category));
        Assert.All(document.Categories, c =>
        {
            Assert.Equal([IndividualReader.Self], c.Individual);
            Assert.Equal((5, "P90D"), (c.MinGroupSize, c.Retention.ToString()));
        });
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEachAtItsLineAndColumn()
    {
        var text = """
            agreement: "BV"
            purposes:
              - key: team-steering
            categories:
              - key: revenue-per-owner
                purposes: [team-steering, marketing]
                individual: [self, grandmother]
                min-group-size: 1
                retention: 2 years
                regions: [eu]
              - key: handling-timez
                purposes: [team-steering]
                retention: P1Y
                min-group-sise: 4
            rules:
              rankings: sometimes
            approval: [employer]
            """;

        var result = AgreementParser.Parse(text);

        Assert.False(result.IsValid);
        var lines = result.Problems.Select(p => (p.Line, p.Column)).ToList();
        Assert.Equal(
            [(6, 31), (7, 24), (8, 21), (9, 16), (10, 15), (11, 10), (14, 5), (16, 13), (17, 11)],
            lines);
        Assert.Contains("marketing", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("grandmother", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("handling-timez", result.Problems[5].Message, StringComparison.Ordinal);
        Assert.Contains("min-group-sise", result.Problems[6].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("agreement: a\nagreement: b", 2)]
    [InlineData("- just\n- a list", 1)]
    [InlineData("agreement: x\npurposes: []\napproval: [employer, works-council]", 2)]
    public void Parse_BrokenDocuments_AreRefusedWithALine(string text, int line)
    {
        var result = AgreementParser.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal(line, result.Problems[0].Line);
    }

    [Fact]
    public void Parse_DirectManagerWhileManagersSeeNothing_IsAContradiction()
    {
        var text = """
            agreement: x
            purposes: [{ key: p }]
            categories:
              - { key: revenue-per-owner, purposes: [p], individual: [direct-manager], retention: P30D }
            rules: { manager-visibility: none }
            approval: [employer, works-council]
            """;

        var problem = Assert.Single(AgreementParser.Parse(text).Problems);

        Assert.Equal(4, problem.Line);
        Assert.Contains("manager-visibility", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P90D", 0, 0, 0, 90)]
    [InlineData("P2Y", 2, 0, 0, 0)]
    [InlineData("P1Y6M2W3D", 1, 6, 2, 3)]
    public void RetentionPeriod_IsoPeriods_AreRead(string text, int years, int months, int weeks, int days)
    {
        Assert.True(RetentionPeriod.TryParse(text, out var period));
        Assert.Equal(new RetentionPeriod(years, months, weeks, days), period);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("P")]
    [InlineData("P0D")]
    [InlineData("PT12H")]
    [InlineData("90D")]
    [InlineData("P31Y")]
    [InlineData("p90d")]
    public void RetentionPeriod_OtherTexts_AreRefused(string text) =>
        Assert.False(RetentionPeriod.TryParse(text, out _));

    [Fact]
    public void RetentionPeriod_CountsCalendarUnits()
    {
        var now = new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.Zero), new RetentionPeriod(2, 0, 0, 0).ExpiredBefore(now));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 12, 0, 0, TimeSpan.Zero), new RetentionPeriod(0, 1, 0, 0).ExpiredBefore(now));
    }
}
