using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform;

/// <summary>Every text the UI asks a localizer for has a German translation.</summary>
public sealed partial class LocalizationTests
{
    [Fact]
    public void EveryLocalizedText_HasGermanTranslation()
    {
        var missing = new List<string>();
        foreach (var file in Repository.SourceFiles(".razor", ".cs"))
        {
            var source = File.ReadAllText(file);
            var localizers = (file.EndsWith(".razor", StringComparison.Ordinal) ? InjectedLocalizer() : ConstructorLocalizer()).Matches(source)
                .Select(m => (Name: m.Groups["name"].Value, Type: m.Groups["type"].Value))
                .Distinct()
                .ToDictionary(m => m.Name, m => m.Type);
            foreach (var (name, type) in localizers)
            {
                var german = GermanKeys(type);
                foreach (Match use in Regex.Matches(source, Regex.Escape(name) + @"\[""((?:[^""\\]|\\.)*)""", RegexOptions.None, TimeSpan.FromSeconds(5)))
                {
                    var key = use.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                    if (!german.Contains(key))
                    {
                        missing.Add($"{type}: \"{key}\" ({Path.GetFileName(file)})");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "Texts without German translation:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void GermanResources_HaveNoEmptyValues()
    {
        var empty = Directory.EnumerateFiles(Path.Combine(Repository.Source, "Resources"), "*.de.resx")
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data")
                .Where(d => string.IsNullOrWhiteSpace(d.Element("value")?.Value))
                .Select(d => $"{Path.GetFileName(file)}: {d.Attribute("name")!.Value}"))
            .ToList();

        Assert.Empty(empty);
    }

    private static HashSet<string> GermanKeys(string type)
    {
        var path = Path.Combine(Repository.Source, "Resources", type + ".de.resx");
        return File.Exists(path)
            ? XDocument.Load(path).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<type>\w+)>\s+(?<name>\w+)")]
    private static partial Regex InjectedLocalizer();

    [GeneratedRegex(@"IStringLocalizer<(?<type>\w+)>\s+(?<name>\w+)")]
    private static partial Regex ConstructorLocalizer();
}
