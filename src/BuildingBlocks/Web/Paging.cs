using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Conventions.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;

namespace Conventions.BuildingBlocks.Web;

/// <summary>
/// The page a list request asks for (scoped; the host reads <c>limit</c> and <c>cursor</c> from the query string):
/// <see cref="Limit"/> items (50 by default, 200 at most) after the item the opaque <see cref="Cursor"/> names.
/// </summary>
public sealed class PageRequest
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public int Limit { get; private set; } = DefaultLimit;

    /// <summary>The decoded cursor: the sort key and id of the last item of the previous page, as JSON texts.</summary>
    public (string Key, Guid Id)? Cursor { get; private set; }

    /// <summary>
    /// The list's total as counted for its first page, carried by the cursor of every following page (null on a first
    /// page, and in cursors written before it was carried): a listing is counted once, not once per page.
    /// </summary>
    public int? Total { get; private set; }

    /// <summary>Reads the query's values; a malformed one is 400 <c>validation.failed</c> naming it.</summary>
    public void Read(string? limit, string? cursor)
    {
        if (limit is not null)
        {
            if (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value is < 1 or > MaxLimit)
            {
                throw InvalidInputException.Field("limit", $"A whole number from 1 to {MaxLimit}.");
            }
            Limit = value;
        }
        if (cursor is not null)
        {
            var (key, id, total) = Decode(cursor) ?? throw InvalidInputException.Field("cursor", "Not a cursor of this API: pass back the 'next' of the previous page as it is.");
            (Cursor, Total) = ((key, id), total);
        }
    }

    internal static string Encode(string key, Guid id, int? total = null) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(total is { } n
            ? new[] { key, id.ToString("N"), n.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new[] { key, id.ToString("N") })))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string, Guid, int?)? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            return parts switch
            {
                [var key, var id] when Guid.TryParseExact(id, "N", out var guid) => (key, guid, null),
                [var key, var id, var total] when Guid.TryParseExact(id, "N", out var guid)
                    && int.TryParse(total, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => (key, guid, n),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }
}

/// <summary>
/// Keyset pagination: a list ordered by a sort key and the id (to break ties) is read from just after the last item of the
/// previous page, so items added or removed meanwhile neither repeat nor go missing (an offset would shift).
/// </summary>
public static class Paging
{
    /// <summary>A page of <paramref name="query"/> in the order of <paramref name="key"/> then <paramref name="id"/>.</summary>
    public static async Task<ListResponse<TDto>> PageAsync<T, TKey, TDto>(
        this IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id, PageRequest page, Func<T, TDto> map,
        CancellationToken cancellationToken, bool descending = false)
    {
        var total = await ListTotals.CountAsync(query, page, cancellationToken);
        var rows = await ReadAfterCursorAsync(query, key, id, page, descending, cancellationToken);
        return Answer(rows, key, id, page, map, total);
    }

    /// <summary>
    /// A page of the items of <paramref name="query"/> on <paramref name="oneSide"/> or <paramref name="otherSide"/> (a
    /// party's lists: the conventions or disputes where it is the operator or the partner), in the order of
    /// <paramref name="key"/> then <paramref name="id"/> ascending. Each side is read as its own keyset page, along its own
    /// index, and the two are merged: the <c>OR</c> of both made SQLite either sort every item of a party that has a
    /// network's worth, or walk the whole list for a party that has few (issue 17, docs/performance.md). For keys that
    /// order alike in the database and in .NET (instants, numbers; ids are compared as the database does).
    /// </summary>
    public static async Task<ListResponse<TDto>> PageEitherAsync<T, TKey, TDto>(
        this IQueryable<T> query, Expression<Func<T, bool>> oneSide, Expression<Func<T, bool>> otherSide,
        Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id, PageRequest page, Func<T, TDto> map, CancellationToken cancellationToken)
    {
        var total = await ListTotals.CountAsync(query.Where(Either(oneSide, otherSide)), page, cancellationToken);
        var one = await ReadAfterCursorAsync(query.Where(oneSide), key, id, page, descending: false, cancellationToken);
        var other = await ReadAfterCursorAsync(query.Where(otherSide), key, id, page, descending: false, cancellationToken);
        var (keyOf, idOf) = (key.Compile(), id.Compile());
        var rows = one.Concat(other).DistinctBy(idOf)
            .OrderBy(keyOf, Comparer<TKey>.Default).ThenBy(idOf)
            .Take(page.Limit + 1).ToList();
        return Answer(rows, key, id, page, map, total);
    }

    /// <summary>The items on either side, as one predicate.</summary>
    public static Expression<Func<T, bool>> Either<T>(Expression<Func<T, bool>> oneSide, Expression<Func<T, bool>> otherSide) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(oneSide.Body, new Rebind(otherSide.Parameters[0], oneSide.Parameters[0]).Visit(otherSide.Body)), oneSide.Parameters[0]);

    /// <summary>Up to a page and one more item of <paramref name="query"/>, after the cursor's item, in the list's order.</summary>
    private static async Task<List<T>> ReadAfterCursorAsync<T, TKey>(
        IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id, PageRequest page, bool descending, CancellationToken cancellationToken)
    {
        if (page.Cursor is var (lastKey, lastId))
        {
            if (!TryReadKey<TKey>(lastKey, out var after))
            {
                throw InvalidInputException.Field("cursor", "Not a cursor of this list.");
            }
            query = query.Where(After(key, id, after, lastId, descending));
        }
        var ordered = descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);
        return await ordered.Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    /// <summary>The page's items and, when one more was read, the cursor of the next page (carrying the total).</summary>
    private static ListResponse<TDto> Answer<T, TKey, TDto>(
        List<T> rows, Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id, PageRequest page, Func<T, TDto> map, int total)
    {
        string? next = null;
        if (rows.Count > page.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = PageRequest.Encode(JsonSerializer.Serialize(key.Compile()(last), JsonDefaults.Options), id.Compile()(last), total);
        }
        return new ListResponse<TDto>(rows.Select(map).ToList(), total) { Next = next };
    }

    /// <summary>
    /// A page of a list computed in memory (short by nature: templates, programs, a report's rows), in its order; the
    /// cursor names the last item's position and identity, and is refused if the list has changed under it.
    /// </summary>
    public static ListResponse<T> Page<T>(IReadOnlyList<T> ordered, Func<T, string> identity, PageRequest page)
    {
        var start = 0;
        if (page.Cursor is var (position, _))
        {
            var separator = position.IndexOf(':', StringComparison.Ordinal);
            start = separator > 0 && int.TryParse(position[..separator], System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index >= 0 && index < ordered.Count && identity(ordered[index]) == position[(separator + 1)..]
                ? index + 1
                : throw InvalidInputException.Field("cursor", "This cursor's list has changed since: start again from the first page.");
        }
        var items = ordered.Skip(start).Take(page.Limit).ToList();
        var end = start + items.Count;
        var next = items.Count > 0 && end < ordered.Count
            ? PageRequest.Encode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{end - 1}:{identity(ordered[end - 1])}"), Guid.Empty)
            : null;
        return new ListResponse<T>(items, ordered.Count) { Next = next };
    }

    /// <summary>A cursor's sort key; false when it is not one of this list's (another list's cursor, say).</summary>
    private static bool TryReadKey<TKey>(string json, out TKey key)
    {
        try
        {
            var read = JsonSerializer.Deserialize<TKey>(json, JsonDefaults.Options);
            key = read!;
            return read is not null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or InvalidOperationException)
        {
            key = default!;
            return false;
        }
    }

    /// <summary><c>key &gt; k OR (key = k AND id &gt; i)</c> (or &lt; when descending), with k and i as query parameters.</summary>
    private static Expression<Func<T, bool>> After<T, TKey>(Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id, TKey lastKey, Guid lastId, bool descending)
    {
        var item = key.Parameters[0];
        var keyOf = key.Body;
        var idOf = new Rebind(id.Parameters[0], item).Visit(id.Body);
        var k = Expression.Property(Expression.Constant(new Box<TKey>(lastKey)), nameof(Box<TKey>.Value));
        var i = Expression.Property(Expression.Constant(new Box<Guid>(lastId)), nameof(Box<Guid>.Value));
        var zero = Expression.Constant(0);
        Expression Beyond(Expression comparison) => descending ? Expression.LessThan(comparison, zero) : Expression.GreaterThan(comparison, zero);
        var keyBeyond = typeof(TKey) == typeof(string)
            ? Beyond(Expression.Call(StringCompare, keyOf, k))
            : descending ? Expression.LessThan(keyOf, k) : Expression.GreaterThan(keyOf, k);
        var idBeyond = Beyond(Expression.Call(idOf, GuidCompareTo, i));
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(keyBeyond, Expression.AndAlso(Expression.Equal(keyOf, k), idBeyond)), item);
    }

    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo GuidCompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    /// <summary>Holds a cursor value so that EF sends it as a parameter, not as a constant in the SQL.</summary>
    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// The order of a list that has two: its own (<c>default</c>, which each list documents) and <c>updated</c>, oldest
/// change first by <c>updatedAt</c> then id, the order to sync in with <c>updatedSince</c> (a resource changed while a
/// portal pages moves to the end, where the portal reads it again rather than missing it).
/// </summary>
public enum ListOrder
{
    Default,
    Updated,
}
