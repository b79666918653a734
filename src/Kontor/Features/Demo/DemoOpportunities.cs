using Bogus;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Data;

namespace Kontor.Features.Demo;

/// <summary>
/// The demo tenant's default pipeline and 150 opportunities over the demo accounts, spread across the stages with a
/// plausible stage history and contacts in roles. From a seed of their own, so the accounts and contacts stay as they were.
/// </summary>
internal static class DemoOpportunities
{
    public const int Count = 150;

    private static readonly string[] Deals =
    [
        "Hydraulikpresse", "Wartungsvertrag", "Ersatzteilpaket", "Schweißroboter", "Fördertechnik", "Retrofit Steuerung",
        "Lagerautomatisierung", "Rahmenvertrag", "Schulungspaket", "Prüfstand", "Verpackungslinie", "Druckluftanlage",
    ];

    private static readonly string[] Competitors = ["Schuler", "Trumpf", "Bosch Rexroth", "Festo", "Kuka", "Siemens", "Lokaler Händler"];

    private static readonly string[] NextSteps =
    [
        "Angebot mit Finanzierung nachreichen", "Termin mit Einkauf vereinbaren", "Referenzbesuch organisieren", "Technische Klärung mit Werkleitung",
    ];

    private static readonly string[] LossReasons = ["Preis", "Lieferzeit", "Wettbewerber bevorzugt", "Projekt verschoben", "Kein Budget"];

    public static async Task AddAsync(KontorDb db, IReadOnlyList<Account> accounts, IReadOnlyList<Contact> contacts, DateTimeOffset now, CancellationToken ct)
    {
        var faker = new Faker("de") { Random = new Randomizer(4711) };
        var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
        var stages = pipeline.Stages.OrderBy(s => s.Order).ToList();
        var open = stages.Where(s => s.Outcome == StageOutcome.Open).ToList();
        var byAccount = contacts.GroupBy(c => c.AccountId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < Count; i++)
        {
            var account = accounts[faker.Random.Int(0, accounts.Count - 1)];

            // Most deals are open, earlier stages fuller than later ones; about a quarter are closed.
            var target = faker.Random.WeightedRandom([.. stages], [.. stages.Select(s => s.Outcome switch
            {
                StageOutcome.Won => 0.14f,
                StageOutcome.Lost => 0.11f,
                StageOutcome.Open => 0.75f * (open.Count - open.IndexOf(s)) / open.Sum(o => open.Count - open.IndexOf(o)),
                _ => 0f,
            })]);
            var closed = target.Outcome != StageOutcome.Open;
            var close = closed ? today.AddDays(-faker.Random.Int(1, 120)) : today.AddDays(faker.Random.Int(5, 200));
            var fields = new OpportunityFields(
                $"{faker.PickRandom(Deals)} {account.Name.Split(' ')[0]}",
                account.Id,
                account.OwnerId,
                account.InsideSalesTeamId,
                faker.Random.Int(50, 5_000) * 10_000L,
                "EUR",
                close,
                target.Outcome == StageOutcome.Open ? faker.PickRandom(NextSteps) : null,
                faker.PickRandom("Messe", "Website", "Empfehlung", "Bestandskunde", "Innendienst"),
                faker.Random.Bool(0.5f) ? string.Join(", ", faker.PickRandom(Competitors, faker.Random.Int(1, 2))) : null,
                target.Outcome == StageOutcome.Lost ? faker.PickRandom(LossReasons) : null,
                null);

            // The deal walked through the open stages up to its target, a few days to weeks in each.
            var at = now.AddDays(-faker.Random.Int(20, 180));
            var opportunity = new Opportunity(fields, pipeline, stages[0], account.OwnerId, at);
            var path = closed ? open.Take(faker.Random.Int(1, open.Count)).Append(target) : open.TakeWhile(s => s.Order <= target.Order);
            foreach (var stage in path.Skip(1))
            {
                at = at.AddDays(faker.Random.Int(2, 21));
                opportunity.MoveTo(stage, account.OwnerId, at < now ? at : now);
            }

            if (byAccount.TryGetValue(account.Id, out var people))
            {
                foreach (var person in faker.PickRandom(people, Math.Min(people.Count, faker.Random.Int(0, 2))))
                {
                    opportunity.Contacts.Add(new OpportunityContact(opportunity.Id, person.Id, faker.PickRandom<ContactRole>()));
                }
            }

            db.Opportunities.Add(opportunity);
        }

        await db.SaveChangesAsync(ct);
    }
}
