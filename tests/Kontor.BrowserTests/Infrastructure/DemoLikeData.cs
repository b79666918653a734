using System.Globalization;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Validation;

namespace Kontor.BrowserTests.Infrastructure;

/// <summary>German-looking customers like those of the demo tenant, made from a fixed seed so every run (and screenshot) looks the same.</summary>
internal static class DemoLikeData
{
    private static readonly string[] Families =
        ["Bauer", "Hoffmann", "Schäfer", "Krüger", "Wagner", "Becker", "Richter", "Neumann", "Zimmermann", "Hartmann", "Köhler", "Maier", "Lehmann", "König", "Huber", "Vogel", "Brandt", "Seidel", "Engel", "Ludwig"];

    private static readonly string[] Trades =
        ["Präzisionstechnik", "Metallbau", "Antriebstechnik", "Kunststofftechnik", "Logistik", "Maschinenfabrik", "Feinwerktechnik", "Druckguss", "Verpackungen", "Gebäudetechnik", "Medizintechnik", "Elektroanlagen", "Großhandel", "Werkzeugbau"];

    private static readonly string[] LegalForms = ["GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "SE", "e.K."];

    private static readonly string[] Industries =
        ["Maschinenbau", "Automobilzulieferer", "Elektrotechnik", "Chemie", "Lebensmittel", "Logistik", "Großhandel", "Medizintechnik", "Bauwesen", "IT-Dienstleistungen"];

    private static readonly (string AreaCode, string City, string PostalPrefix)[] Places =
    [
        ("711", "Stuttgart", "70"), ("89", "München", "80"), ("40", "Hamburg", "20"), ("30", "Berlin", "10"), ("221", "Köln", "50"),
        ("69", "Frankfurt am Main", "60"), ("211", "Düsseldorf", "40"), ("911", "Nürnberg", "90"), ("341", "Leipzig", "04"), ("7131", "Heilbronn", "74"),
    ];

    /// <summary>Adds <paramref name="count"/> accounts with distinct names, owned in turn by the given users; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> AddAccountsAsync(KontorBrowserApp app, Guid tenantId, IReadOnlyList<Guid> owners, int count)
    {
        // A fixed seed, not security: the data only has to look the same in every run.
#pragma warning disable CA5394
        var random = new Random(2026);
        var names = new List<string>();
        var accounts = new List<Account>();
        while (accounts.Count < count)
        {
            var name = $"{Pick(random, Families)} {Pick(random, Trades)} {Pick(random, LegalForms)}";
            if (names.Contains(name))
            {
                continue;
            }

            var place = Pick(random, Places);
            // Subscriber numbers never start with 0; the total length keeps the number valid for libphonenumber.
            var subscriber = random.Next(1, 10).ToString(CultureInfo.InvariantCulture)
                + random.NextInt64(1_000_000_000L).ToString("D9", CultureInfo.InvariantCulture)[..(9 - place.AreaCode.Length)] + "0";
            var address = new PostalAddress
            {
                Street = $"{Pick(random, Families)}straße {random.Next(1, 120).ToString(CultureInfo.InvariantCulture)}",
                PostalCode = place.PostalPrefix + random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
                City = place.City,
                Country = "DE",
            };
            names.Add(name);
            accounts.Add(new Account(new AccountFields(
                name,
                Pick(random, Industries),
                Pick(random, ["Industrie", "Industrie", "Handel", "Handwerk"]),
                null,
                null,
                Normalize.PhoneE164($"+49{place.AreaCode}{subscriber}", "DE"),
                null,
                address,
                PostalAddress.Empty,
                null,
                owners[accounts.Count % owners.Count],
                null,
                null)));
        }
#pragma warning restore CA5394

        await app.InTenantAsync(tenantId, async db =>
        {
            db.Accounts.AddRange(accounts);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return names;
    }

#pragma warning disable CA5394
    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
#pragma warning restore CA5394
}
