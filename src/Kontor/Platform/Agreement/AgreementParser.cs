using System.Globalization;
using System.Text.RegularExpressions;
using Kontor.Platform.Access;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kontor.Platform.Agreement;

/// <summary>The outcome of reading a document: the document when it is valid, else every problem found, by line.</summary>
public sealed record AgreementParseResult(AgreementDocument? Document, IReadOnlyList<AgreementProblem> Problems)
{
    public bool IsValid => Document is not null;
}

/// <summary>
/// Reads a works agreement from YAML (JSON is YAML too) and checks it completely: unknown keys, missing keys,
/// undeclared purposes, unknown categories and roles, out-of-range numbers and contradicting rules are all reported
/// at once with their line and column, so an author can fix a document in one pass. The format is in
/// docs/works-agreement.md.
/// </summary>
public static partial class AgreementParser
{
    /// <summary>The longest document accepted, in characters; a complete agreement of every category is about 4,000.</summary>
    public const int MaxLength = 65_536;

    public const int MinGroupSizeFloor = 2;
    public const int MinGroupSizeCeiling = 1000;

    private static readonly string[] TopKeys = ["agreement", "version", "purposes", "categories", "rules", "approval"];
    private static readonly string[] PurposeKeys = ["key", "description"];
    private static readonly string[] CategoryKeys = ["key", "purposes", "individual", "min-group-size", "retention", "regions"];
    private static readonly string[] RuleKeys = ["manager-visibility", "rankings", "individual-access-needs-purpose"];
    private static readonly string[] ApprovalParties = ["employer", "works-council"];

    public static AgreementParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(new AgreementProblem(1, 1, AgreementMessages.Get("The document is empty.")));
        }

        if (text.Length > MaxLength)
        {
            return Fail(new AgreementProblem(1, 1, AgreementMessages.Format("The document is longer than {0} characters.", MaxLength)));
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return Fail(new AgreementProblem((int)e.Start.Line, (int)e.Start.Column, AgreementMessages.Format("This is not valid YAML: {0}", e.InnerException?.Message ?? e.Message)));
        }

        if (stream.Documents.Count != 1)
        {
            return Fail(new AgreementProblem(1, 1, AgreementMessages.Get("Write exactly one document (no --- separators).")));
        }

        var reader = new Reader();
        var document = reader.Read(stream.Documents[0].RootNode);
        return reader.Problems.Count == 0
            ? new AgreementParseResult(document, [])
            : new AgreementParseResult(null, [.. reader.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column)]);
    }

    private static AgreementParseResult Fail(AgreementProblem problem) => new(null, [problem]);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Z]{2,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    /// <summary>Walks the YAML tree once, collecting problems instead of stopping at the first.</summary>
    private sealed class Reader
    {
        public List<AgreementProblem> Problems { get; } = [];

        public AgreementDocument? Read(YamlNode root)
        {
            if (Mapping(root, "") is not { } top)
            {
                return null;
            }

            var fields = Fields(top, TopKeys, "");
            var name = Required(fields, top, "agreement", "") is { } nameNode ? Text(nameNode, "agreement", 200) : null;
            int? version = fields.TryGetValue("version", out var versionNode) ? Integer(versionNode, "version", 1, int.MaxValue) : null;

            var purposes = fields.TryGetValue("purposes", out var purposesNode) ? Purposes(purposesNode) : [];
            if (purposes.Count == 0 && !fields.ContainsKey("purposes"))
            {
                Add(top, AgreementMessages.Get("The document has no purposes: name at least one under \"purposes\"."));
            }

            var rules = fields.TryGetValue("rules", out var rulesNode) ? Rules(rulesNode) : AgreementDefaults.Rules;
            var categories = fields.TryGetValue("categories", out var categoriesNode)
                ? Categories(categoriesNode, purposes.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), rules)
                : [];

            if (Required(fields, top, "approval", "") is { } approvalNode)
            {
                Approval(approvalNode);
            }

            return name is null ? null : new AgreementDocument(name, version, purposes, categories, rules);
        }

        private List<AgreementPurpose> Purposes(YamlNode node)
        {
            var purposes = new List<AgreementPurpose>();
            foreach (var item in Sequence(node, "purposes", minItems: 1))
            {
                if (Mapping(item, "purposes") is not { } mapping)
                {
                    continue;
                }

                var fields = Fields(mapping, PurposeKeys, "purposes");
                var key = Required(fields, mapping, "key", "purposes") is { } keyNode ? Key(keyNode, "purposes.key") : null;
                var description = fields.TryGetValue("description", out var descriptionNode) ? Text(descriptionNode, "purposes.description", 500) : null;
                if (key is null)
                {
                    continue;
                }

                if (purposes.Any(p => p.Key == key))
                {
                    Add(mapping, AgreementMessages.Format("The purpose \"{0}\" is listed twice.", key));
                    continue;
                }

                purposes.Add(new AgreementPurpose(key, description));
            }

            return purposes;
        }

        private List<CategoryRule> Categories(YamlNode node, HashSet<string> purposes, AgreementRules rules)
        {
            var categories = new List<CategoryRule>();
            foreach (var item in Sequence(node, "categories", minItems: 0))
            {
                if (Mapping(item, "categories") is not { } mapping)
                {
                    continue;
                }

                var fields = Fields(mapping, CategoryKeys, "categories");
                string? key = null;
                if (Required(fields, mapping, "key", "categories") is { } keyNode && Key(keyNode, "categories.key") is { } candidate)
                {
                    if (EmployeeDataCategories.Find(candidate) is null)
                    {
                        Add(keyNode, AgreementMessages.Format("Kontor has no category \"{0}\". Known categories: {1}.", candidate, string.Join(", ", EmployeeDataCategories.All.Select(c => c.Key))));
                    }
                    else if (categories.Any(c => c.Category == candidate))
                    {
                        Add(keyNode, AgreementMessages.Format("The category \"{0}\" is listed twice.", candidate));
                    }
                    else
                    {
                        key = candidate;
                    }
                }

                var allowed = Required(fields, mapping, "purposes", "categories") is { } purposesNode ? CategoryPurposes(purposesNode, purposes) : [];
                var individual = fields.TryGetValue("individual", out var individualNode) ? Individual(individualNode, rules) : [IndividualReader.Self];
                var minGroupSize = fields.TryGetValue("min-group-size", out var sizeNode)
                    ? Integer(sizeNode, "min-group-size", MinGroupSizeFloor, MinGroupSizeCeiling)
                    : AgreementDefaults.MinGroupSize;
                var retention = Required(fields, mapping, "retention", "categories") is { } retentionNode ? Retention(retentionNode) : null;
                var regions = fields.TryGetValue("regions", out var regionsNode) ? Regions(regionsNode) : null;

                if (key is not null && minGroupSize is { } size && retention is { } period)
                {
                    categories.Add(new CategoryRule(key, allowed, individual, size, period, regions));
                }
            }

            return categories;
        }

        private List<string> CategoryPurposes(YamlNode node, HashSet<string> declared)
        {
            var keys = new List<string>();
            foreach (var item in Sequence(node, "purposes", minItems: 1))
            {
                if (Key(item, "purposes") is not { } key)
                {
                    continue;
                }

                if (!declared.Contains(key))
                {
                    Add(item, AgreementMessages.Format("The purpose \"{0}\" is not declared under \"purposes\" at the top of the document.", key));
                }
                else if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }

        private List<IndividualReader> Individual(YamlNode node, AgreementRules rules)
        {
            var readers = new List<IndividualReader>();
            foreach (var item in Sequence(node, "individual", minItems: 0))
            {
                if (Scalar(item, "individual") is not { } value)
                {
                    continue;
                }

                IndividualReader? reader = value switch
                {
                    "self" => IndividualReader.Self,
                    "direct-manager" => IndividualReader.DirectManager,
                    _ => Roles.All.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase)) is { } role
                        ? new IndividualReader(IndividualReaderKind.Role, role)
                        : null,
                };
                if (reader is null)
                {
                    Add(item, AgreementMessages.Format("\"{0}\" is not a reader: write self, direct-manager or a role ({1}).", value, string.Join(", ", Roles.All)));
                }
                else if (reader.Kind == IndividualReaderKind.DirectManager && rules.ManagerVisibility == ManagerVisibility.None)
                {
                    Add(item, AgreementMessages.Get("direct-manager contradicts rules.manager-visibility: none."));
                }
                else if (!readers.Contains(reader))
                {
                    readers.Add(reader);
                }
            }

            return readers;
        }

        private RetentionPeriod? Retention(YamlNode node)
        {
            if (Scalar(node, "retention") is not { } value)
            {
                return null;
            }

            if (RetentionPeriod.TryParse(value, out var period))
            {
                return period;
            }

            Add(node, AgreementMessages.Format("\"{0}\" is not a retention period: write an ISO 8601 period of years, months, weeks or days such as P90D or P2Y, at most {1} years.", value, RetentionPeriod.MaxYears));
            return null;
        }

        private List<string> Regions(YamlNode node)
        {
            var regions = new List<string>();
            foreach (var item in Sequence(node, "regions", minItems: 1))
            {
                if (Scalar(item, "regions") is not { } value)
                {
                    continue;
                }

                if (!RegionPattern().IsMatch(value))
                {
                    Add(item, AgreementMessages.Format("\"{0}\" is not a region code: use 2 to 8 capital letters, such as EU, EEA or CH.", value));
                }
                else if (!regions.Contains(value))
                {
                    regions.Add(value);
                }
            }

            return regions;
        }

        private AgreementRules Rules(YamlNode node)
        {
            if (Mapping(node, "rules") is not { } mapping)
            {
                return AgreementDefaults.Rules;
            }

            var fields = Fields(mapping, RuleKeys, "rules");
            var visibility = AgreementDefaults.Rules.ManagerVisibility;
            if (fields.TryGetValue("manager-visibility", out var visibilityNode) && Scalar(visibilityNode, "manager-visibility") is { } visibilityText)
            {
                visibility = visibilityText switch
                {
                    "none" => ManagerVisibility.None,
                    "direct-reports" => ManagerVisibility.DirectReports,
                    "all-levels" => ManagerVisibility.AllLevels,
                    _ => Invalid(visibilityNode, visibilityText, "none, direct-reports, all-levels", visibility),
                };
            }

            var rankingsAllowed = AgreementDefaults.Rules.RankingsAllowed;
            if (fields.TryGetValue("rankings", out var rankingsNode) && Scalar(rankingsNode, "rankings") is { } rankingsText)
            {
                rankingsAllowed = rankingsText switch
                {
                    "forbidden" => false,
                    "allowed" => true,
                    _ => Invalid(rankingsNode, rankingsText, "forbidden, allowed", rankingsAllowed),
                };
            }

            var needsPurpose = AgreementDefaults.Rules.IndividualAccessNeedsPurpose;
            if (fields.TryGetValue("individual-access-needs-purpose", out var purposeNode) && Scalar(purposeNode, "individual-access-needs-purpose") is { } purposeText)
            {
                needsPurpose = purposeText switch
                {
                    "true" => true,
                    "false" => false,
                    _ => Invalid(purposeNode, purposeText, "true, false", needsPurpose),
                };
            }

            return new AgreementRules(visibility, rankingsAllowed, needsPurpose);
        }

        private void Approval(YamlNode node)
        {
            var parties = new List<string>();
            foreach (var item in Sequence(node, "approval", minItems: 0))
            {
                if (Scalar(item, "approval") is { } party)
                {
                    if (!ApprovalParties.Contains(party))
                    {
                        Add(item, AgreementMessages.Format("\"{0}\" is not a party: write employer and works-council.", party));
                    }

                    parties.Add(party);
                }
            }

            if (!ApprovalParties.All(parties.Contains))
            {
                Add(node, AgreementMessages.Get("A version needs the approval of both parties: write approval: [employer, works-council]."));
            }
        }

        private T Invalid<T>(YamlNode node, string value, string allowed, T fallback)
        {
            Add(node, AgreementMessages.Format("\"{0}\" is not allowed here; write one of: {1}.", value, allowed));
            return fallback;
        }

        private Dictionary<string, YamlNode> Fields(YamlMappingNode mapping, string[] allowed, string context)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(key))
                {
                    var where = context.Length == 0 ? AgreementMessages.Get("at the top of the document") : AgreementMessages.Format("in \"{0}\"", context);
                    Add(keyNode, AgreementMessages.Format("Unknown key \"{0}\" {1}; allowed: {2}.", key, where, string.Join(", ", allowed)));
                    continue;
                }

                fields[key] = value;
            }

            return fields;
        }

        private YamlNode? Required(Dictionary<string, YamlNode> fields, YamlMappingNode mapping, string key, string context)
        {
            if (fields.TryGetValue(key, out var node))
            {
                return node;
            }

            Add(mapping, context.Length == 0
                ? AgreementMessages.Format("The key \"{0}\" is missing.", key)
                : AgreementMessages.Format("The key \"{0}\" is missing in this entry of \"{1}\".", key, context));
            return null;
        }

        private YamlMappingNode? Mapping(YamlNode node, string context)
        {
            if (node is YamlMappingNode mapping)
            {
                return mapping;
            }

            Add(node, context.Length == 0
                ? AgreementMessages.Get("The document must be a mapping of keys such as agreement, purposes, categories, rules and approval.")
                : AgreementMessages.Format("Each entry of \"{0}\" must be a mapping of keys.", context));
            return null;
        }

        private IEnumerable<YamlNode> Sequence(YamlNode node, string context, int minItems)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Add(node, AgreementMessages.Format("\"{0}\" must be a list.", context));
                return [];
            }

            if (sequence.Children.Count < minItems)
            {
                Add(node, AgreementMessages.Format("\"{0}\" must name at least one entry.", context));
            }

            return sequence.Children;
        }

        private string? Scalar(YamlNode node, string context)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return value.Trim();
            }

            Add(node, AgreementMessages.Format("\"{0}\" must be a single value.", context));
            return null;
        }

        private string? Text(YamlNode node, string context, int maxLength)
        {
            if (Scalar(node, context) is not { } value)
            {
                return null;
            }

            if (value.Length <= maxLength)
            {
                return value;
            }

            Add(node, AgreementMessages.Format("\"{0}\" is longer than {1} characters.", context, maxLength));
            return null;
        }

        private string? Key(YamlNode node, string context)
        {
            if (Scalar(node, context) is not { } value)
            {
                return null;
            }

            if (KeyPattern().IsMatch(value))
            {
                return value;
            }

            Add(node, AgreementMessages.Format("\"{0}\" is not a key: use lower-case letters, digits and hyphens, starting with a letter (at most 50).", value));
            return null;
        }

        private int? Integer(YamlNode node, string context, int min, int max)
        {
            if (Scalar(node, context) is not { } value)
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            Add(node, max == int.MaxValue
                ? AgreementMessages.Format("\"{0}\" must be a whole number of at least {1}.", context, min)
                : AgreementMessages.Format("\"{0}\" must be a whole number from {1} to {2}.", context, min, max));
            return null;
        }

        private void Add(YamlNode node, string message) =>
            Problems.Add(new AgreementProblem((int)node.Start.Line, (int)node.Start.Column, message));
    }
}
