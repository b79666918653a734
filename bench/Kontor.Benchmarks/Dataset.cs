using System.Globalization;
using System.Text;

namespace Kontor.Benchmarks;

/// <summary>
/// Writes the benchmark's customer base as the CSV files an old system would export (German Excel style: <c>;</c>,
/// UTF-8 with BOM). The same seed always gives byte-identical files, so runs on different days compare.
/// </summary>
internal static class Dataset
{
    public static readonly string[] AccountColumns = ["Kundennummer", "Firma", "Branche", "Segment", "USt-IdNr", "Telefon", "E-Mail", "Straße", "PLZ", "Ort", "Land"];
    public static readonly string[] ContactColumns = ["Kontakt-ID", "Anrede", "Vorname", "Nachname", "Position", "E-Mail", "Telefon", "Kundennummer"];

    private static readonly string[] LastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier"];
    private static readonly string[] FirstNames = ["Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katharina", "Lukas", "Marie", "Niklas", "Olga", "Paul", "Queenie", "Robert", "Sophie", "Tobias", "Ulrike", "Volker", "Wiebke", "Xaver", "Yvonne", "Zoe"];
    private static readonly string[] Trades = ["Maschinenbau", "Elektrotechnik", "Logistik", "Handel", "Bau", "Software", "Lebensmittel", "Chemie"];
    private static readonly string[] Forms = ["GmbH", "AG", "KG", "GmbH & Co. KG", "SE", "e.K."];
    private static readonly string[] Cities = ["Stuttgart", "München", "Köln", "Hamburg", "Berlin", "Leipzig", "Nürnberg", "Düsseldorf", "Bremen", "Essen"];
    private static readonly string[] Streets = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Industriestraße", "Am Markt", "Lindenallee"];
    private static readonly string[] Jobs = ["Einkauf", "Geschäftsführung", "Technik", "Vertrieb", "Buchhaltung", "Produktion"];

    public static string AccountNumber(int i) => string.Create(CultureInfo.InvariantCulture, $"K{i:D7}");

    public static void WriteAccounts(string path, int count, int seed = 2026)
    {
        var random = new Random(seed);
        using var writer = Open(path);
        writer.WriteLine(string.Join(';', AccountColumns));
        for (var i = 0; i < count; i++)
        {
            var name = $"{LastNames[random.Next(LastNames.Length)]} {Trades[random.Next(Trades.Length)]} {i:D6} {Forms[random.Next(Forms.Length)]}";
            var city = Cities[random.Next(Cities.Length)];
            writer.WriteLine(string.Join(';',
                AccountNumber(i),
                Quote(name),
                Trades[random.Next(Trades.Length)],
                random.Next(3) switch { 0 => "Mittelstand", 1 => "Konzern", _ => "Handwerk" },
                string.Create(CultureInfo.InvariantCulture, $"DE{100_000_000 + i:D9}"),
                string.Create(CultureInfo.InvariantCulture, $"0711 {1_000_000 + random.Next(8_000_000)}"),
                string.Create(CultureInfo.InvariantCulture, $"info@firma{i}.example"),
                string.Create(CultureInfo.InvariantCulture, $"{Streets[random.Next(Streets.Length)]} {1 + random.Next(200)}"),
                string.Create(CultureInfo.InvariantCulture, $"{10_000 + random.Next(89_999):D5}"),
                city,
                "DE"));
        }
    }

    public static void WriteContacts(string path, int count, int accounts, int seed = 2027)
    {
        var random = new Random(seed);
        using var writer = Open(path);
        writer.WriteLine(string.Join(';', ContactColumns));
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            writer.WriteLine(string.Join(';',
                string.Create(CultureInfo.InvariantCulture, $"P{i:D8}"),
                random.Next(2) == 0 ? "Frau" : "Herr",
                first,
                last,
                Jobs[random.Next(Jobs.Length)],
                string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{i}@kunde.example").ToLowerInvariant(),
                string.Create(CultureInfo.InvariantCulture, $"+49 30 {1_000_000 + random.Next(8_000_000)}"),
                AccountNumber(random.Next(accounts))));
        }
    }

    private static StreamWriter Open(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16) { NewLine = "\r\n" };

    private static string Quote(string value) => value.Contains(';', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
