using System.Collections.Frozen;
using System.Globalization;

namespace Kontor.Platform.Validation;

/// <summary>ISO 3166-1 alpha-2 country codes (officially assigned) and their names in the user's language.</summary>
public static class Countries
{
    private const string AssignedCodes =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    public static FrozenSet<string> Codes { get; } = AssignedCodes.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValid(string? code) => code is { Length: 2 } && Codes.Contains(code);

    /// <summary>The country's name in the current UI culture, from ICU's locale data.</summary>
    public static string DisplayName(string code)
    {
        // ICU names regions only as part of a locale name ("Unknown language (France)"); the
        // undetermined-language locale of the region yields the region's name in the UI language.
        var name = CultureInfo.GetCultureInfo("und-" + code).DisplayName;
        var open = name.LastIndexOf('(');
        return open >= 0 && name.EndsWith(')') ? name[(open + 1)..^1] : code;
    }

    /// <summary>Every code with its display name, sorted by name in the current UI culture.</summary>
    public static IReadOnlyList<(string Code, string Name)> AllByName() =>
        [.. Codes.Select(code => (code, DisplayName(code))).OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true))];
}
