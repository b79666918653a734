using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Gate;

namespace Kontor.Tests.Platform.Agreement;

/// <summary>
/// The gate's rule for individual values over the readers the works agreement distinguishes, for the documented
/// example (revenue per owner: self and direct manager, EU/EEA/CH; login history: self and the works council) and
/// the strict default.
/// </summary>
public sealed class IndividualAccessTests
{
    private static readonly Guid Agent = Guid.CreateVersion7();
    private static readonly Guid TeamLead = Guid.CreateVersion7();
    private static readonly Guid Director = Guid.CreateVersion7();
    private static readonly Guid Peer = Guid.CreateVersion7();
    private static readonly Guid Council = Guid.CreateVersion7();
    private static readonly Guid Admin = Guid.CreateVersion7();

    private static readonly GateSubject Subject = new(Agent, [TeamLead, Director]);
    private static readonly AgreementDocument Example = AgreementParser.Parse(AgreementParserTests.Example).Document!;

    public static TheoryData<string, string, string?, IndividualOutcome, RefusalReason> Matrix => new()
    {
        // reader, category, purpose → outcome
        { "self", "revenue-per-owner", null, IndividualOutcome.Allowed, RefusalReason.None },
        { "self-outside-region", "revenue-per-owner", null, IndividualOutcome.Allowed, RefusalReason.None },
        { "direct-manager", "revenue-per-owner", null, IndividualOutcome.PurposeRequired, RefusalReason.None },
        { "direct-manager", "revenue-per-owner", "team-steering", IndividualOutcome.Allowed, RefusalReason.None },
        { "direct-manager", "revenue-per-owner", "own-performance", IndividualOutcome.Allowed, RefusalReason.None },
        { "direct-manager", "revenue-per-owner", "marketing", IndividualOutcome.Refused, RefusalReason.Purpose },
        { "direct-manager-outside-region", "revenue-per-owner", "team-steering", IndividualOutcome.Refused, RefusalReason.Region },
        { "direct-manager-without-region", "revenue-per-owner", "team-steering", IndividualOutcome.Refused, RefusalReason.Region },
        { "second-level-manager", "revenue-per-owner", "team-steering", IndividualOutcome.Refused, RefusalReason.ManagerLevel },
        { "peer", "revenue-per-owner", "team-steering", IndividualOutcome.Refused, RefusalReason.NotAReader },
        { "works-council", "revenue-per-owner", "team-steering", IndividualOutcome.Refused, RefusalReason.NotAReader },
        { "admin", "revenue-per-owner", "team-steering", IndividualOutcome.Refused, RefusalReason.NotAReader },
        { "self", "login-history", null, IndividualOutcome.Allowed, RefusalReason.None },
        { "direct-manager", "login-history", "own-performance", IndividualOutcome.Refused, RefusalReason.NotAReader },
        { "works-council", "login-history", null, IndividualOutcome.PurposeRequired, RefusalReason.None },
        { "works-council", "login-history", "own-performance", IndividualOutcome.Allowed, RefusalReason.None },
        { "works-council", "login-history", "team-steering", IndividualOutcome.Refused, RefusalReason.Purpose },
        { "admin", "login-history", "own-performance", IndividualOutcome.Refused, RefusalReason.NotAReader },
        { "self", "activity-counts", null, IndividualOutcome.Allowed, RefusalReason.None },
        { "direct-manager", "activity-counts", "team-steering", IndividualOutcome.Refused, RefusalReason.NotAReader },
        { "admin", "activity-counts", "team-steering", IndividualOutcome.Refused, RefusalReason.NotAReader },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decide_ReaderCategoryPurpose_GetsExactlyWhatTheAgreementSays(string reader, string category, string? purpose, IndividualOutcome outcome, RefusalReason reason)
    {
        var decision = IndividualAccess.Decide(Example, EmployeeDataCategories.Find(category)!, Reader(reader), Subject, purpose);

        Assert.Equal((outcome, reason), (decision.Outcome, decision.Reason));
        Assert.Equal(reader.StartsWith("self", StringComparison.Ordinal), decision.IsSelf);
    }

    [Theory]
    [InlineData("direct-manager")]
    [InlineData("second-level-manager")]
    [InlineData("peer")]
    [InlineData("works-council")]
    [InlineData("admin")]
    public void StrictDefault_EveryoneButThePerson_IsRefusedInEveryCategory(string reader)
    {
        foreach (var category in EmployeeDataCategories.All)
        {
            Assert.Equal(IndividualOutcome.Refused, IndividualAccess.Decide(AgreementDefaults.Document, category, Reader(reader), Subject, "team-steering").Outcome);
            Assert.Equal(IndividualOutcome.Allowed, IndividualAccess.Decide(AgreementDefaults.Document, category, Reader("self"), Subject, null).Outcome);
        }
    }

    [Fact]
    public void AllLevels_AdmitsTheSecondLevelManager_None_AdmitsNoManager()
    {
        var allLevels = Example with { Rules = Example.Rules with { ManagerVisibility = ManagerVisibility.AllLevels } };
        var none = Example with { Rules = Example.Rules with { ManagerVisibility = ManagerVisibility.None } };

        Assert.True(IndividualAccess.Decide(allLevels, EmployeeDataCategories.RevenuePerOwner, Reader("second-level-manager"), Subject, "team-steering").IsAllowed);
        Assert.Equal(RefusalReason.NotAReader, IndividualAccess.Decide(none, EmployeeDataCategories.RevenuePerOwner, Reader("direct-manager"), Subject, "team-steering").Reason);
    }

    [Fact]
    public void WithoutPurposeRule_TheDirectManagerNeedsNoDeclaration()
    {
        var relaxed = Example with { Rules = Example.Rules with { IndividualAccessNeedsPurpose = false } };

        Assert.True(IndividualAccess.Decide(relaxed, EmployeeDataCategories.RevenuePerOwner, Reader("direct-manager"), Subject, null).IsAllowed);
    }

    [Fact]
    public void ValuesPastTheRetentionPeriod_AreRefusedToTheDirectManager_ButNotToThePersonThemself()
    {
        var manager = IndividualAccess.Decide(Example, EmployeeDataCategories.RevenuePerOwner, Reader("direct-manager"), Subject, "team-steering", expired: true);
        var self = IndividualAccess.Decide(Example, EmployeeDataCategories.RevenuePerOwner, Reader("self"), Subject, null, expired: true);

        Assert.Equal((IndividualOutcome.Refused, RefusalReason.Retention), (manager.Outcome, manager.Reason));
        Assert.True(self.IsSelf);
    }

    private static GateReader Reader(string kind) => kind switch
    {
        "self" => new(Agent, [Roles.SalesRep], "EU"),
        "self-outside-region" => new(Agent, [Roles.SalesRep], "US"),
        "direct-manager" => new(TeamLead, [Roles.TeamLead], "EU"),
        "direct-manager-outside-region" => new(TeamLead, [Roles.TeamLead], "US"),
        "direct-manager-without-region" => new(TeamLead, [Roles.TeamLead], null),
        "second-level-manager" => new(Director, [Roles.TeamLead], "EU"),
        "peer" => new(Peer, [Roles.SalesRep], "EU"),
        "works-council" => new(Council, [Roles.WorksCouncil], "EU"),
        "admin" => new(Admin, [Roles.Admin], "EU"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
