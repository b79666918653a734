using Bogus;
using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Notes;
using Kontor.Features.Activities.Shared;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Segments;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Logging;
using Kontor.Platform.Records;
using Kontor.Platform.Tenancy;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Demo;

/// <summary>
/// The demo tenant "Demo GmbH" loaded by <c>--demo</c>: one user per role (documented passwords), teams, sites,
/// 200 German accounts, 600 contacts and 400 activities. Generated from a fixed seed, so every demo looks the same; loaded once.
/// </summary>
internal static class DemoTenant
{
    public const string Name = "Demo GmbH";

    /// <summary>The password of every demo user; printed in the README.</summary>
    public const string Password = "Kontor-Demo-2026";

    public const int AccountCount = 200;
    public const int ContactCount = 600;

    /// <summary>The demo users: e-mail, first and last name, roles.</summary>
    public static IReadOnlyList<(string Email, string First, string Last, string[] Roles)> Users { get; } =
    [
        ("admin@demo.kontor", "Andrea", "Adler", [Roles.Admin]),
        ("lead@demo.kontor", "Thomas", "Lehmann", [Roles.TeamLead]),
        ("sales@demo.kontor", "Sabine", "Sommer", [Roles.SalesRep]),
        ("inside@demo.kontor", "Ines", "Imhoff", [Roles.InsideSales]),
        ("service@demo.kontor", "Serkan", "Sahin", [Roles.ServiceAgent]),
        ("council@demo.kontor", "Bettina", "Rath", [Roles.WorksCouncil]),
        ("sales2@demo.kontor", "Markus", "Berger", [Roles.SalesRep]),
        ("sales3@demo.kontor", "Julia", "Nowak", [Roles.SalesRep]),
        ("inside2@demo.kontor", "Karim", "Haddad", [Roles.InsideSales]),
    ];

    private static readonly string[] Industries =
        ["Maschinenbau", "Automobilzulieferer", "Elektrotechnik", "Chemie", "Lebensmittel", "Logistik", "Großhandel", "Medizintechnik", "Bauwesen", "IT-Dienstleistungen", "Energie", "Kunststofftechnik"];

    private static readonly string[] JobTitles =
        ["Geschäftsführer", "Einkaufsleiter", "Technischer Leiter", "Leiterin Instandhaltung", "Produktionsleiter", "Assistenz der Geschäftsführung", "Key Account Manager", "Leiterin Finanzen", "Projektingenieur", "Werksleiter", "Sachbearbeiterin Einkauf", "IT-Leiter"];

    private static readonly (string AreaCode, string City, string PostalPrefix)[] Places =
    [
        ("711", "Stuttgart", "70"), ("89", "München", "80"), ("40", "Hamburg", "20"), ("30", "Berlin", "10"), ("221", "Köln", "50"),
        ("69", "Frankfurt am Main", "60"), ("211", "Düsseldorf", "40"), ("911", "Nürnberg", "90"), ("341", "Leipzig", "04"), ("351", "Dresden", "01"),
        ("7131", "Heilbronn", "74"), ("621", "Mannheim", "68"), ("511", "Hannover", "30"), ("421", "Bremen", "28"), ("731", "Ulm", "89"),
    ];

    public static Task LoadDemoTenantAsync(this WebApplication app, CancellationToken ct = default) => LoadAsync(app.Services, ct);

    /// <summary>Loads the demo tenant unless it exists; the screenshots in the docs are taken of it too.</summary>
    public static async Task LoadAsync(IServiceProvider root, CancellationToken ct)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KontorDb>();
        var log = services.GetRequiredService<ILogger<DemoTenantMarker>>();
        using (services.GetRequiredService<SystemScope>().Enter("demo tenant"))
        {
            if (await db.Tenants.AnyAsync(t => t.Name == Name, ct))
            {
                return;
            }
        }

        var directory = services.GetRequiredService<UserDirectory>();
        await directory.EnsureRolesAsync(ct);
        var tenant = await directory.CreateTenantAsync(Name, "DE", ct);

        services.GetRequiredService<TenantContext>().Use(tenant.Id);
        services.GetRequiredService<AccessScope>().Unrestrict();

        var faker = new Faker("de") { Random = new Randomizer(2026) };
        var sites = new[]
        {
            new Site("Zentrale Stuttgart", "Stuttgart", "DE", "Europe/Berlin"),
            new Site("Niederlassung Hamburg", "Hamburg", "DE", "Europe/Berlin"),
            new Site("Homeoffice Süd", null, "DE", "Europe/Berlin"),
        };
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync(ct);

        var users = new Dictionary<string, KontorUser>();
        foreach (var (email, first, last, roles) in Users)
        {
            users[email] = await directory.CreateUserAsync(
                tenant.Id,
                new NewUser(email, first, last, roles, Culture: "de-DE", SiteId: sites[email.StartsWith("inside", StringComparison.Ordinal) ? 1 : 0].Id),
                Password,
                ct);
        }

        // The team lead manages the field reps; inside sales report to the lead as well.
        var lead = users["lead@demo.kontor"];
        foreach (var email in new[] { "sales@demo.kontor", "sales2@demo.kontor", "sales3@demo.kontor", "inside@demo.kontor", "inside2@demo.kontor" })
        {
            var user = await db.Users.SingleAsync(u => u.Id == users[email].Id, ct);
            user.ManagerId = lead.Id;
        }

        var fieldSouth = new Team("Außendienst Süd", TeamKind.FieldSales, sites[0].Id, "Bayern und Baden-Württemberg");
        var fieldNorth = new Team("Außendienst Nord", TeamKind.FieldSales, sites[1].Id, "Norddeutschland und Berlin");
        var insideIndustry = new Team("Innendienst Industrie", TeamKind.InsideSales, sites[1].Id, "Segment Industrie");
        var insideTrade = new Team("Innendienst Handel", TeamKind.InsideSales, sites[1].Id, "Segment Handel");
        var service = new Team("Kundenservice", TeamKind.Service, sites[2].Id, "Servicehotline und Reklamationen");
        db.Teams.AddRange(fieldSouth, fieldNorth, insideIndustry, insideTrade, service);
        db.TeamMembers.AddRange(
            new TeamMember(fieldSouth.Id, lead.Id),
            new TeamMember(fieldSouth.Id, users["sales@demo.kontor"].Id),
            new TeamMember(fieldSouth.Id, users["sales2@demo.kontor"].Id),
            new TeamMember(fieldNorth.Id, users["sales3@demo.kontor"].Id),
            new TeamMember(insideIndustry.Id, users["inside@demo.kontor"].Id),
            new TeamMember(insideTrade.Id, users["inside2@demo.kontor"].Id),
            new TeamMember(service.Id, users["service@demo.kontor"].Id));
        db.Segments.AddRange(
            new Segment("Industrie", insideIndustry.Id, "Maschinen- und Anlagenbau, Metall, Elektro"),
            new Segment("Handel", insideTrade.Id, "Groß- und Einzelhandel"),
            new Segment("Handwerk", insideIndustry.Id, null));
        await db.SaveChangesAsync(ct);

        var owners = new[] { users["sales@demo.kontor"], users["sales2@demo.kontor"], users["sales3@demo.kontor"], lead };
        var accounts = new List<Account>();
        for (var i = 0; i < AccountCount; i++)
        {
            var place = faker.PickRandom(Places);
            var name = CompanyName(faker);
            var slug = Slug(LegalForms.Distinct().OrderByDescending(f => f.Length).Aggregate(name, (n, form) => n.Replace(" " + form, "", StringComparison.Ordinal)));
            var segment = faker.Random.WeightedRandom(["Industrie", "Handel", "Handwerk"], [0.55f, 0.3f, 0.15f]);
            var parent = i > 20 && faker.Random.Bool(0.1f) ? accounts[faker.Random.Int(0, 19)].Id : (Guid?)null;
            var address = new PostalAddress
            {
                Street = faker.Address.StreetAddress(),
                PostalCode = place.PostalPrefix + faker.Random.Number(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                City = place.City,
                Country = "DE",
            };
            accounts.Add(new Account(new AccountFields(
                name,
                faker.PickRandom(Industries),
                segment,
                "DE" + faker.Random.ReplaceNumbers("#########"),
                $"https://www.{slug}.de/",
                Phone(faker, place.AreaCode),
                $"info@{slug}.de",
                address,
                PostalAddress.Empty,
                parent,
                faker.PickRandom(owners).Id,
                segment == "Handel" ? insideTrade.Id : insideIndustry.Id,
                faker.Random.Bool(0.3f) ? faker.PickRandom(Notes) : null)));
        }

        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync(ct);

        var contacts = new List<Contact>();
        for (var i = 0; i < ContactCount; i++)
        {
            var account = accounts[i % AccountCount];
            var female = faker.Random.Bool();
            var gender = female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
            var first = faker.Name.FirstName(gender);
            var last = faker.Name.LastName(gender);
            var domain = account.Website!["https://www.".Length..].TrimEnd('/');
            contacts.Add(new Contact(new ContactFields(
                female ? Salutation.Ms : Salutation.Mr,
                faker.Random.Bool(0.12f) ? "Dr." : null,
                first,
                last,
                faker.PickRandom(JobTitles),
                $"{Slug(first)}.{Slug(last)}@{domain}",
                Normalize.PhoneE164(account.Phone![..^2] + faker.Random.Number(10, 99), "DE"),
                faker.Random.Bool(0.6f) ? Normalize.PhoneE164("+4917" + faker.Random.ReplaceNumbers("#########"), "DE") : null,
                faker.Random.Bool(0.9f) ? "de" : "en",
                account.Id,
                account.OwnerId,
                null)));
        }

        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync(ct);
        db.Activities.AddRange(DemoActivities(accounts, contacts, [.. owners, users["inside@demo.kontor"], users["inside2@demo.kontor"]], services.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await DemoOpportunities.AddAsync(db, accounts, contacts, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        await DemoLeads.AddAsync(db, tenant.Id, users, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        await DemoSales.AddAsync(services, tenant.Id, users, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        await DemoAgreement.AddAsync(services, tenant.Id, users, ct);
        await DemoPrivacy.AddAsync(db, contacts, users["admin@demo.kontor"], services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        PlatformLog.DemoLoaded(log, Name, accounts.Count, contacts.Count);
    }

    /// <summary>
    /// Calls, notes, tasks and meetings on accounts and contacts, from their own seed so the accounts and contacts stay as
    /// they were. Times are relative to the load, so "Sabine Sommer" always has tasks overdue, due today and this week.
    /// </summary>
    private static List<Activity> DemoActivities(List<Account> accounts, List<Contact> contacts, KontorUser[] people, DateTimeOffset now)
    {
        var faker = new Faker("de") { Random = new Randomizer(2027) };
        var activities = new List<Activity>();
        var sabine = people[0];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        for (var i = 0; i < ActivityCount; i++)
        {
            var onContact = faker.Random.Bool(0.45f);
            var target = onContact
                ? new RecordRef(CustomerObjects.Contacts.Key, faker.PickRandom(contacts).Id)
                : new RecordRef(CustomerObjects.Accounts.Key, faker.PickRandom(accounts).Id);
            var when = now.AddMinutes(-faker.Random.Int(30, 60 * 24 * 120));
            var kind = faker.Random.WeightedRandom([ActivityKind.Call, ActivityKind.Note, ActivityKind.Task, ActivityKind.Meeting], [0.5f, 0.2f, 0.2f, 0.1f]);
            activities.Add(kind switch
            {
                ActivityKind.Call => new Call(target, new CallFields(
                    faker.Random.Bool(0.7f) ? CallDirection.Outbound : CallDirection.Inbound,
                    faker.Random.WeightedRandom([CallOutcome.Reached, CallOutcome.NoAnswer, CallOutcome.Voicemail, CallOutcome.Busy, CallOutcome.WrongNumber], [0.6f, 0.15f, 0.15f, 0.07f, 0.03f]),
                    faker.Random.Int(20, 1800),
                    when,
                    faker.PickRandom(CallSubjects),
                    faker.Random.Bool(0.5f) ? faker.PickRandom(Notes) : null)),
                ActivityKind.Note => new Note(target, faker.PickRandom(NoteTexts), when),
                ActivityKind.Task => new TaskItem(
                    target,
                    new TaskFields(
                        faker.PickRandom(TaskSubjects),
                        null,
                        i < 12 ? today.AddDays(i - 4) : today.AddDays(faker.Random.Int(-20, 40)),
                        i < 12 ? sabine.Id : faker.PickRandom(people).Id,
                        faker.Random.WeightedRandom([TaskPriority.Low, TaskPriority.Normal, TaskPriority.High], [0.2f, 0.6f, 0.2f]),
                        i >= 12 && faker.Random.Bool(0.4f) ? TaskItemStatus.Done : TaskItemStatus.Open),
                    when),
                ActivityKind.Meeting => Meeting(faker, target, now.AddDays(faker.Random.Int(-60, 30)).Date, people, onContact),
                ActivityKind.Visit => throw new InvalidOperationException("Visits are not among the random demo activities."),
                _ => throw new InvalidOperationException($"No demo data for {kind}."),
            });
        }

        return activities;
    }

    private static Meeting Meeting(Faker faker, RecordRef target, DateTime day, KontorUser[] people, bool onContact)
    {
        var starts = new DateTimeOffset(day.AddHours(faker.Random.Int(8, 16)), TimeSpan.Zero);
        return new Meeting(target, new MeetingFields(
            faker.PickRandom(MeetingSubjects),
            starts,
            starts.AddMinutes(faker.PickRandom(30, 60, 90)),
            faker.Random.Bool(0.6f) ? "Beim Kunden vor Ort" : "Videokonferenz",
            null,
            [faker.PickRandom(people).Id],
            onContact ? [target.Id] : []));
    }

    public const int ActivityCount = 400;

    private static readonly string[] CallSubjects =
        ["Angebot nachgefasst", "Liefertermin abgestimmt", "Reklamation besprochen", "Rückruf wegen Preisanfrage", "Jahresgespräch vereinbart", "Neuer Ansprechpartner vorgestellt"];

    private static readonly string[] NoteTexts =
    [
        "**Wichtig:** Entscheidung fällt erst nach der Budgetrunde im Januar.",
        "Besuch vor Ort:\n\n- Halle 3 wird erweitert\n- Bedarf an *zwei* zusätzlichen Anlagen",
        "Wettbewerber ist mit Rabatt von 8 % im Gespräch. Preisstaffel prüfen.",
        "Ansprechpartner wechselt zum Quartalsende, Nachfolge ist noch offen.",
        "Zufrieden mit dem Service, Referenzbesuch möglich.",
    ];

    private static readonly string[] TaskSubjects =
        ["Angebot schicken", "Rückruf Einkauf", "Muster versenden", "Vertragsentwurf prüfen", "Termin für Jahresgespräch finden", "Preisliste aktualisieren"];

    private static readonly string[] MeetingSubjects =
        ["Jahresgespräch", "Projektbesprechung", "Produktvorführung", "Werksbesichtigung", "Vertragsverhandlung"];

    private static readonly string[] Notes =
    [
        "Rahmenvertrag bis Ende nächsten Jahres, jährliche Preisgespräche im Oktober.",
        "Einkauf entscheidet zentral; Technik hat Vetorecht bei neuen Lieferanten.",
        "Interesse an Wartungsvertrag für die Bestandsanlagen angekündigt.",
        "Bestellt überwiegend per E-Mail, Lieferung immer an das Zentrallager.",
        "Neuer Standort in Planung, Ansprechpartner für Ausschreibung: Geschäftsführung.",
        "Zahlt zuverlässig, wünscht Sammelrechnung zum Monatsende.",
    ];

    private static readonly string[] LegalForms = ["GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "GmbH & Co. KG", "OHG", "SE", "e.K."];

    private static readonly string[] Trades =
        ["Maschinenbau", "Antriebstechnik", "Metallbau", "Elektro", "Kunststofftechnik", "Logistik", "Werkzeugbau", "Handelshaus", "Systemtechnik", "Präzisionsteile"];

    /// <summary>German company names: "Becker Antriebstechnik GmbH", "Schulz &amp; Wagner KG", "Hoffmann AG".</summary>
    private static string CompanyName(Faker faker) => faker.Random.Int(0, 2) switch
    {
        0 => $"{faker.Name.LastName()} {faker.PickRandom(Trades)} {faker.PickRandom(LegalForms)}",
        1 => $"{faker.Name.LastName()} & {faker.Name.LastName()} {faker.PickRandom(LegalForms)}",
        _ => $"{faker.Name.LastName()} {faker.PickRandom(LegalForms)}",
    };

    private static string? Phone(Faker faker, string areaCode)
    {
        // A subscriber number long enough for the area code keeps the number valid for libphonenumber.
        var digits = 11 - areaCode.Length;
        return Normalize.PhoneE164($"+49{areaCode}{faker.Random.ReplaceNumbers(new string('#', digits - 1))}0", "DE");
    }

    private static string Slug(string text) =>
        new(Platform.Search.SearchText.Fold(text).Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());

    /// <summary>Log category of the demo loader.</summary>
    private sealed class DemoTenantMarker;
}
