namespace Kontor.Platform.Access;

/// <summary>The fixed roles of Kontor. A user may hold several; permissions are the union.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string SalesRep = nameof(SalesRep);
    public const string InsideSales = nameof(InsideSales);
    public const string ServiceAgent = nameof(ServiceAgent);
    public const string TeamLead = nameof(TeamLead);
    public const string WorksCouncil = nameof(WorksCouncil);

    public static IReadOnlyList<string> All { get; } = [Admin, SalesRep, InsideSales, ServiceAgent, TeamLead, WorksCouncil];
}
