using System.Globalization;
using System.Linq.Expressions;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Http;

/// <summary>
/// A sort order a list offers: its name in the <c>sort</c> parameter (<c>name</c>, <c>-createdAt</c>), the key
/// it orders by and how that key travels in a cursor. Rows are ordered by (key, id) so paging is stable.
/// </summary>
public abstract class KeysetSort<T>
    where T : IHasId
{
    public required string Name { get; init; }

    public bool Descending => Name.StartsWith('-');

    /// <summary>Orders the query and, after a cursor, keeps only rows behind it; takes one row more than the page to tell if another page follows.</summary>
    public abstract IQueryable<T> Apply(IQueryable<T> query, Paging.Cursor? after, int limit);

    /// <summary>The cursor that continues after <paramref name="last"/>.</summary>
    public abstract Paging.Cursor CursorAfter(T last);

    /// <summary>Orders the whole query by (key, id) without paging, for reads that stream every row (exports).</summary>
    public abstract IOrderedQueryable<T> Order(IQueryable<T> query);
}

/// <inheritdoc />
public sealed class KeysetSort<T, TKey> : KeysetSort<T>
    where T : IHasId
{
    public required Expression<Func<T, TKey>> Key { get; init; }
    public required Func<TKey, string> Format { get; init; }
    public required Func<string, TKey> Parse { get; init; }

    // row => row.Id on the entity's own property rather than through IHasId, which EF Core cannot always translate.
    private static readonly Expression<Func<T, Guid>> RowId = IdOf(Expression.Parameter(typeof(T), "row"));

    private Func<T, TKey>? compiled;

    public override IQueryable<T> Apply(IQueryable<T> query, Paging.Cursor? after, int limit)
    {
        if (after is not null)
        {
            TKey value;
            try
            {
                value = Parse(after.Value);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
            {
                throw RequestValidationException.For("cursor", "The cursor is invalid. Start again without a cursor.");
            }

            query = query.Where(Behind(value, after.Id));
        }

        return Order(query).Take(limit + 1);
    }

    public override IOrderedQueryable<T> Order(IQueryable<T> query) =>
        Descending
            ? query.OrderByDescending(Key).ThenByDescending(RowId)
            : query.OrderBy(Key).ThenBy(RowId);

    public override Paging.Cursor CursorAfter(T last) =>
        new(Name, Format((compiled ??= Key.Compile())(last)), last.Id);

    /// <summary>
    /// key &gt;= value AND (key &gt; value OR (key = value AND id &gt; lastId)), mirrored for descending order; values
    /// become SQL parameters. The first condition is implied by the second but gives the database a range to start
    /// the index scan at: without it PostgreSQL reads the index from its start and filters, which on a deep page of
    /// a million rows costs most of a second.
    /// </summary>
    private Expression<Func<T, bool>> Behind(TKey value, Guid lastId)
    {
        var row = Key.Parameters[0];
        var key = Key.Body;
        var boxedValue = Expression.Property(Expression.Constant(new Box<TKey>(value)), nameof(Box<TKey>.Value));
        var boxedId = Expression.Property(Expression.Constant(new Box<Guid>(lastId)), nameof(Box<Guid>.Value));
        var id = IdOf(row).Body;

        var fromKey = Compare(key, boxedValue, orEqual: true);
        var beyondKey = Compare(key, boxedValue, orEqual: false);
        var sameKey = Expression.Equal(key, boxedValue);
        var beyondId = Descending ? Expression.LessThan(id, boxedId) : Expression.GreaterThan(id, boxedId);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(fromKey, Expression.OrElse(beyondKey, Expression.AndAlso(sameKey, beyondId))), row);
    }

    private static Expression<Func<T, Guid>> IdOf(ParameterExpression row) =>
        Expression.Lambda<Func<T, Guid>>(Expression.Property(row, nameof(IHasId.Id)), row);

    private BinaryExpression Compare(Expression key, Expression value, bool orEqual)
    {
        if (typeof(TKey) == typeof(string))
        {
            key = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, value);
            value = Expression.Constant(0);
        }

        return (Descending, orEqual) switch
        {
            (true, true) => Expression.LessThanOrEqual(key, value),
            (true, false) => Expression.LessThan(key, value),
            (false, true) => Expression.GreaterThanOrEqual(key, value),
            (false, false) => Expression.GreaterThan(key, value),
        };
    }

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

/// <summary>Builds the sort orders shared by record lists.</summary>
public static class KeysetSorts
{
    public static KeysetSort<T> Text<T>(string name, Expression<Func<T, string>> key)
        where T : IHasId =>
        new KeysetSort<T, string> { Name = name, Key = key, Format = v => v, Parse = v => v };

    public static KeysetSort<T> Time<T>(string name, Expression<Func<T, DateTimeOffset>> key)
        where T : IHasId =>
        new KeysetSort<T, DateTimeOffset>
        {
            Name = name,
            Key = key,
            Format = v => v.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Parse = v => new DateTimeOffset(long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero),
        };

    /// <summary>Ascending and descending variants: <c>name</c> and <c>-name</c>.</summary>
    public static IEnumerable<KeysetSort<T>> BothWays<T>(Func<string, KeysetSort<T>> make, string name)
        where T : IHasId => [make(name), make("-" + name)];

    /// <summary>Finds the requested sort or throws a 400 naming the offered ones.</summary>
    public static KeysetSort<T> Pick<T>(IReadOnlyList<KeysetSort<T>> offered, string? requested)
        where T : IHasId
    {
        if (string.IsNullOrEmpty(requested))
        {
            return offered[0];
        }

        return offered.FirstOrDefault(s => s.Name == requested)
            ?? throw RequestValidationException.For("sort", $"Sort by one of: {string.Join(", ", offered.Select(s => s.Name))}.");
    }

    /// <summary>
    /// Runs a keyset page: the count (capped), the rows of the page in sort order, and the cursor to the next page.
    /// <paramref name="load"/> turns the ids of the page's rows into responses in the same order.
    /// </summary>
    public static async Task<Page<TResponse>> PageAsync<T, TResponse>(
        IQueryable<T> filtered,
        KeysetSort<T> sort,
        string? cursor,
        int? limit,
        Func<IReadOnlyList<Guid>, Task<IReadOnlyList<TResponse>>> load,
        CancellationToken ct)
        where T : IHasId
    {
        var size = Paging.Limit(limit);
        var after = Paging.Cursor.Decode(cursor, sort.Name);
        var total = await filtered.Take(Paging.CountCap + 1).CountAsync(ct);
        var rows = await sort.Apply(filtered, after, size).ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = sort.CursorAfter(rows[^1]).Encode();
        }

        var items = await load([.. rows.Select(r => r.Id)]);
        return new Page<TResponse>(items, next, Math.Min(total, Paging.CountCap), total > Paging.CountCap);
    }

    /// <summary>Runs the query for the given ids and returns its results in the order of the ids.</summary>
    public static async Task<IReadOnlyList<TResponse>> InOrderOfAsync<TResponse>(
        this IQueryable<TResponse> query, IReadOnlyList<Guid> ids, Func<TResponse, Guid> idOf, CancellationToken ct)
    {
        var found = await query.ToDictionaryAsync(idOf, ct);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }
}
