using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Integration.ImportExport.Imports;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Benchmarks;

/// <summary>The people of the sales benchmark: a team lead and the reps of their field-sales team.</summary>
internal sealed record SalesTeam(Guid TeamId, Guid LeadId, IReadOnlyList<Guid> RepIds);

/// <summary>
/// A deterministic sales tenant: one field-sales team (a lead and <see cref="Reps"/> reps), accounts, and
/// opportunities spread over the default pipeline's stages, amounts and close dates from 18 months back to 18
/// months ahead. Written through the entities (so derived columns are Kontor's own) and, on PostgreSQL, the
/// import's binary COPY path.
/// </summary>
internal static class SalesDataset
{
    public const int Reps = 20;
    private const int Batch = 10_000;

    public static async Task<SalesTeam> CreateTeamAsync(IServiceProvider services, Func<Task<AsyncServiceScope>> signedIn, Guid tenantId)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        var lead = await directory.CreateUserAsync(tenantId, new NewUser("lead@kontor.test", "Lena", "Lead", [Roles.TeamLead]), "Bench-Password-2026", CancellationToken.None);
        var reps = new List<Guid>();
        for (var i = 0; i < Reps; i++)
        {
            var rep = await directory.CreateUserAsync(tenantId, new NewUser($"rep{i}@kontor.test", "Rep", $"Nummer {i}", [Roles.SalesRep], ManagerId: lead.Id), "Bench-Password-2026", CancellationToken.None);
            reps.Add(rep.Id);
        }

        await using var tenantScope = await signedIn();
        var db = tenantScope.ServiceProvider.GetRequiredService<KontorDb>();
        var team = new Team("Außendienst Süd", TeamKind.FieldSales, siteId: null, description: null);
        db.Teams.Add(team);
        db.TeamMembers.AddRange([new TeamMember(team.Id, lead.Id), .. reps.Select(r => new TeamMember(team.Id, r))]);
        await db.SaveChangesAsync();
        return new SalesTeam(team.Id, lead.Id, reps);
    }

    /// <summary>The tenant and team of a database an earlier run kept (<c>--keep-database</c>), found by the team lead's e-mail.</summary>
    public static async Task<(Guid TenantId, SalesTeam Team)> FindAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT u."TenantId", u."Id", m."TeamId", array_agg(r."UserId" ORDER BY r."Email")
            FROM "Users" u
            JOIN "TeamMembers" m ON m."UserId" = u."Id"
            JOIN (SELECT t."TeamId", t."UserId", x."Email" FROM "TeamMembers" t JOIN "Users" x ON x."Id" = t."UserId" WHERE x."Email" LIKE 'rep%') r ON r."TeamId" = m."TeamId"
            WHERE u."Email" = 'lead@kontor.test'
            GROUP BY u."TenantId", u."Id", m."TeamId"
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The database holds no sales benchmark data (no lead@kontor.test).");
        }

        return (reader.GetGuid(0), new SalesTeam(reader.GetGuid(2), reader.GetGuid(1), reader.GetFieldValue<Guid[]>(3)));
    }

    /// <summary>Writes <paramref name="accounts"/> accounts and <paramref name="opportunities"/> opportunities as the signed-in lead.</summary>
    public static async Task WriteAsync(Func<Task<AsyncServiceScope>> signedIn, SalesTeam team, int accounts, int opportunities)
    {
        var random = new Random(2026);
        var accountIds = new List<Guid>(accounts);
        Pipeline pipeline;
        await using (var scope = await signedIn())
        {
            var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
            pipeline = await DefaultPipeline.GetOrCreateAsync(db, CancellationToken.None);
        }

        for (var written = 0; written < accounts; written += Batch)
        {
            await using var scope = await signedIn();
            var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
            for (var i = written; i < Math.Min(accounts, written + Batch); i++)
            {
                var owner = team.RepIds[random.Next(team.RepIds.Count)];
                var account = new Account(new AccountFields($"Kunde {i:D6} GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, owner, null, null));
                accountIds.Add(account.Id);
                db.Accounts.Add(account);
            }

            await WriteBatchAsync<Account>(db);
        }

        var stages = pipeline.Stages.OrderBy(s => s.Order).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var written = 0; written < opportunities; written += Batch)
        {
            await using var scope = await signedIn();
            var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
            var now = DateTimeOffset.UtcNow;
            for (var i = written; i < Math.Min(opportunities, written + Batch); i++)
            {
                var owner = team.RepIds[random.Next(team.RepIds.Count)];
                var stage = stages[random.Next(stages.Count)];
                var fields = new OpportunityFields(
                    $"Projekt {i:D7}",
                    accountIds[random.Next(accountIds.Count)],
                    owner,
                    null,
                    random.Next(1_000, 5_000_000) * 100L,
                    random.Next(20) == 0 ? "CHF" : "EUR",
                    today.AddDays(random.Next(-548, 548)),
                    "Angebot nachfassen",
                    null,
                    null,
                    stage.Outcome == StageOutcome.Lost ? "Preis" : null,
                    null);
                db.Opportunities.Add(new Opportunity(fields, pipeline, stage, owner, now));
            }

            await WriteBatchAsync<Opportunity>(db);
        }
    }

    /// <summary>One batch in one transaction, as the import writes it (the COPY path needs the open connection).</summary>
    private static async Task WriteBatchAsync<T>(KontorDb db)
        where T : RecordEntity
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkRecordWriter.WriteAsync<T>(db, CancellationToken.None);
        await transaction.CommitAsync();
        db.ChangeTracker.Clear();
    }
}
