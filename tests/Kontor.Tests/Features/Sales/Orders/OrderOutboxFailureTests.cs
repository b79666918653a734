using System.Data.Common;
using System.Net;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Features.Sales.Orders;

/// <summary>The app with a database that fails the statement writing an order's lines, after the order and its event were sent.</summary>
public sealed class FailingOrderLinesAppFactory : KontorAppFactory
{
    public static bool Fail { get; set; }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IInterceptor, FailOrderLines>();

    private sealed class FailOrderLines : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Fail && command.CommandText.Contains("\"OrderLines\"", StringComparison.Ordinal) && command.CommandText.Contains("INSERT", StringComparison.Ordinal)
                ? throw new DbUpdateException("Simulated database failure while writing order lines.")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Fail && command.CommandText.Contains("\"OrderLines\"", StringComparison.Ordinal) && command.CommandText.Contains("INSERT", StringComparison.Ordinal)
                ? throw new DbUpdateException("Simulated database failure while writing order lines.")
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class OrderOutboxFailureTests(FailingOrderLinesAppFactory app) : IClassFixture<FailingOrderLinesAppFactory>
{
    [Fact]
    public async Task Accept_WhenTheTransactionFails_WritesNeitherOrderNorEvent()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));
        await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);

        FailingOrderLinesAppFactory.Fail = true;
        try
        {
            await world.Rep.ActAsync(quote.Id(), "accept").ProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            FailingOrderLinesAppFactory.Fail = false;
        }

        Assert.Equal(0, await app.InTenantAsync(world.Rep.TenantId, db => db.OutboxEvents.CountAsync(Api.Ct)));
        Assert.Equal(0, await app.InTenantAsync(world.Rep.TenantId, db => db.Orders.CountAsync(Api.Ct)));
        Assert.Equal("Sent", (await world.Rep.Client.GetJsonAsync($"/api/quotes/{quote.Id()}")).Str("status"));

        // The same accept succeeds once the database works again, and writes the event once.
        await world.Rep.ActAsync(quote.Id(), "accept").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, await app.InTenantAsync(world.Rep.TenantId, db => db.OutboxEvents.CountAsync(Api.Ct)));
    }
}
