using System.Text.RegularExpressions;
using Kontor.Tests.Infrastructure;
using NetArchTest.Rules;

namespace Kontor.Tests.Platform;

/// <summary>The dependency rules of ARCHITECTURE.md §2, checked on the compiled assembly and on the sources.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Kontor = typeof(global::Kontor.Platform.Data.KontorDb).Assembly;

    /// <summary>Each module and the modules it must not depend on (the same or a higher layer).</summary>
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Kontor.Features.Customers", ["Activities", "Sales", "Service", "Workforce", "Collaboration", "Analytics", "Integration", "Demo"] },
        { "Kontor.Features.Activities", ["Sales", "Service", "Workforce", "Collaboration", "Analytics", "Integration", "Demo"] },
        { "Kontor.Features.Sales", ["Service", "Workforce", "Collaboration", "Analytics", "Integration", "Demo"] },
        { "Kontor.Features.Service", ["Sales", "Workforce", "Collaboration", "Analytics", "Integration", "Demo"] },
        { "Kontor.Features.Workforce", ["Collaboration", "Analytics", "Integration", "Demo"] },
        { "Kontor.Features.Collaboration", ["Workforce", "Analytics", "Integration", "Demo"] },
        { "Kontor.Features.Analytics", ["Integration", "Demo"] },
        { "Kontor.Features.Privacy", ["Demo"] },
        { "Kontor.Features.Integration", ["Demo"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Module_DependsOnlyOnLowerLayers(string module, string[] higher)
    {
        var result = Types.InAssembly(Kontor)
            .That().ResideInNamespaceStartingWith(module)
            .ShouldNot().HaveDependencyOnAny([.. higher.Select(h => $"Kontor.Features.{h}")])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} depends on a higher module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Platform_KnowsNoFeature_ExceptTheOneModel()
    {
        // KontorDb is the one EF model and lists every entity; its provider subclasses, design-time
        // factories and migrations follow from it. Nothing else in the platform may know a feature.
        var result = Types.InAssembly(Kontor)
            .That().ResideInNamespaceStartingWith("Kontor.Platform")
            .And().DoNotResideInNamespaceStartingWith("Kontor.Platform.Data.Migrations")
            .And().DoNotHaveNameMatching("^(KontorDb|SqliteKontorDb|PostgresKontorDb|SqliteDesignTimeFactory|PostgresDesignTimeFactory)$")
            .ShouldNot().HaveDependencyOn("Kontor.Features")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Platform types depend on features: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Features_DoNotUseMediatorsOrMappers()
    {
        var result = Types.InAssembly(Kontor)
            .ShouldNot().HaveDependencyOnAny("MediatR", "AutoMapper")
            .GetResult();

        Assert.True(result.IsSuccessful);
    }

    [Fact]
    public void Slices_NeverLiftTenantFilterOrAllFilters()
    {
        var offenders = Repository.SourceFiles(".cs", ".razor")
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Features{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => UnnamedIgnore().IsMatch(File.ReadAllText(f)) || File.ReadAllText(f).Contains("Filters.Tenant", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(offenders.Count == 0, $"Slices must not lift the tenant filter or all filters: {string.Join(", ", offenders)}");
    }

    [GeneratedRegex(@"IgnoreQueryFilters\(\s*\)")]
    private static partial Regex UnnamedIgnore();
}
