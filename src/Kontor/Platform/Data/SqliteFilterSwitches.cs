using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Sqlite.Query.Internal;

#pragma warning disable EF1001 // The SQLite provider's parameter-based processor is extended, not changed; see the summary.

namespace Kontor.Platform.Data;

/// <summary>
/// SQLite: writes the yes/no switches of the query filters (<see cref="KontorDb.Filters"/>: "in a system scope",
/// "reads all records of this object") into the SQL as constants before it is sent, so that
/// <c>(@system OR "TenantId" = @tenant)</c> becomes <c>"TenantId" = @tenant</c>. PostgreSQL folds bound parameters
/// while planning; SQLite plans the statement before it sees them and cannot use an index for a condition ORed with
/// a parameter, so every list of a million contacts would read the whole table (a first page 0.35 s instead of
/// 2 ms). The SQL of such a query is no longer cached by EF (it is generated for each execution, microseconds), as
/// EF's own rules for parameter values require (<see cref="ParametersCacheDecorator"/>).
/// </summary>
internal sealed class SqliteFilterSwitchesFactory(RelationalParameterBasedSqlProcessorDependencies dependencies)
    : IRelationalParameterBasedSqlProcessorFactory
{
    public RelationalParameterBasedSqlProcessor Create(RelationalParameterBasedSqlProcessorParameters parameters) =>
        new Processor(dependencies, parameters);

    private sealed class Processor(RelationalParameterBasedSqlProcessorDependencies dependencies, RelationalParameterBasedSqlProcessorParameters parameters)
        : SqliteParameterBasedSqlProcessor(dependencies, parameters)
    {
        private readonly ISqlExpressionFactory sql = dependencies.SqlExpressionFactory;

        public override Expression Process(Expression queryExpression, ParametersCacheDecorator parametersDecorator)
        {
            var switches = new Switches(parametersDecorator, sql);
            return base.Process(switches.Visit(queryExpression), parametersDecorator);
        }
    }

    /// <summary>Replaces the query filters' boolean parameters with constants of their values.</summary>
    private sealed class Switches(ParametersCacheDecorator parameters, ISqlExpressionFactory sql) : ExpressionVisitor
    {
        private const string FilterPrefix = "ef_filter__";

        protected override Expression VisitExtension(Expression node) =>
            node is SqlParameterExpression { Type: var type } parameter
                && (type == typeof(bool) || type == typeof(bool?))
                && parameter.Name.StartsWith(FilterPrefix, StringComparison.Ordinal)
                && parameters.GetAndDisableCaching().TryGetValue(parameter.Name, out var value)
                && value is bool flag
                ? sql.Constant(flag, parameter.TypeMapping)
                : base.VisitExtension(node);
    }
}
