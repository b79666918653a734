using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Kontor.Resources;

namespace Kontor.Tests.Platform.Administration;

public sealed partial class AdminTextTests
{
    [Fact]
    public void EveryTextOfTheAdministrationArea_HasAGermanTranslation()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Kontor", "Platform", "Administration");
        var german = new ResourceManager("Kontor.Resources.AdminText", typeof(AdminText).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo("de"), createIfNotExists: true, tryParents: false)!;

        var keys = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => (Path.GetFileName(f) == "AdminLabels.cs" ? Labels() : Texts()).Matches(File.ReadAllText(f)).Select(m => m.Groups["text"].Value))
            .Distinct()
            .ToList();
        var missing = keys.Where(k => german.GetString(k) is null).ToList();

        Assert.True(keys.Count > 100, $"Only {keys.Count} texts found; the pattern no longer matches the code.");
        Assert.True(missing.Count == 0, "No German text for: " + string.Join(" | ", missing));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Kontor.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Kontor.slnx) was not found above the test binaries.");
    }

    // L["…"], localizer["…"], AdminMessages.Get("…") and AdminMessages.Format("…", …).
    [GeneratedRegex("""(?:\b(?:L|localizer)\[|AdminMessages\.(?:Get|Format)\()"(?<text>(?:[^"\\]|\\.)+)"[\],)]""")]
    private static partial Regex Texts();

    // The English labels of AdminLabels: role => "Administrator".
    [GeneratedRegex("""=> "(?<text>[^"]+)",""")]
    private static partial Regex Labels();
}
