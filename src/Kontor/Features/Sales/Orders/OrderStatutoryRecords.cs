using Kontor.Platform.Data;
using Kontor.Platform.Retention.Rules;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Orders;

/// <summary>Orders inside their statutory period (<see cref="StatutoryPeriods.Order"/>), counted from the order date.</summary>
internal sealed class OrderStatutoryRecords : IStatutoryRecords
{
    public string RecordType => "order";

    public IQueryable<Guid> KeptIds(KontorDb db, StatutoryPeriods periods, DateTimeOffset now)
    {
        var from = periods.CutoffDateOf(StatutoryPeriods.Order, now);
        return db.Orders.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(o => o.OrderDate >= from).Select(o => o.Id);
    }
}
