using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// A SELECT on one mapped table, prepared once in the current transaction and run many times: <c>{Property}</c> in its
/// condition stands for the property's column; parameters are typed and converted by the properties' type mappings, and
/// values read back through their converters, as EF does.
/// </summary>
internal sealed class MappedQuery : IAsyncDisposable
{
    private readonly MappedTable _table;
    private readonly DbCommand _command;
    private readonly RelationalTypeMapping[] _selected;
    private readonly Dictionary<string, RelationalTypeMapping> _parameters = [];
    private bool _ran;

    private MappedQuery(MappedTable table, string text, string[] selected)
    {
        _table = table;
        _selected = [.. selected.Select(table.Mapping)];
        _command = table.NewCommand();
        _command.CommandText = text;
    }

    /// <summary><c>SELECT columns FROM table WHERE condition</c>, at most one row read.</summary>
    public static MappedQuery Select<TEntity>(DbContext db, string[] properties, string condition) where TEntity : class
    {
        var table = MappedTable.Of<TEntity>(db);
        return new MappedQuery(table, $"SELECT {string.Join(", ", properties.Select(table.Column))} FROM {table.Name} WHERE {Columns(table, condition)}", properties);
    }

    /// <summary><c>SELECT COUNT(*) FROM table WHERE condition</c>.</summary>
    public static MappedQuery Count<TEntity>(DbContext db, string condition) where TEntity : class
    {
        var table = MappedTable.Of<TEntity>(db);
        return new MappedQuery(table, $"SELECT COUNT(*) FROM {table.Name} WHERE {Columns(table, condition)}", []);
    }

    /// <summary>Sets a parameter, typed and converted as <paramref name="property"/> (the first after a run clears the run's).</summary>
    public MappedQuery With(string name, string property, object value)
    {
        if (_ran)
        {
            _command.Parameters.Clear();
            _ran = false;
        }
        if (!_parameters.TryGetValue(property, out var mapping))
        {
            _parameters[property] = mapping = _table.Mapping(property);
        }
        _command.Parameters.Add(mapping.CreateParameter(_command, name, value, nullable: false));
        return this;
    }

    public Task<DbDataReader> ExecuteReaderAsync(CancellationToken cancellationToken)
    {
        _ran = true;
        return _command.ExecuteReaderAsync(cancellationToken);
    }

    public Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        _ran = true;
        return _command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The selected column at <paramref name="ordinal"/>, as the entity's property holds it (through its converter).</summary>
    public T Get<T>(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return default!;
        }
        var mapping = _selected[ordinal];
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        object value = stored == typeof(Guid) ? reader.GetGuid(ordinal)
            : stored == typeof(string) ? reader.GetString(ordinal)
            : stored == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal)
            : Convert.ChangeType(reader.GetValue(ordinal), stored, CultureInfo.InvariantCulture);
        return (T)(mapping.Converter?.ConvertFromProvider(value) ?? value);
    }

    /// <summary>The condition with each <c>{Property}</c> replaced by its delimited column.</summary>
    private static string Columns(MappedTable table, string condition)
    {
        var text = condition;
        foreach (var property in table.Entity.GetProperties())
        {
            text = text.Replace("{" + property.Name + "}", table.Column(property.Name), StringComparison.Ordinal);
        }
        return text.Contains('{', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"Unknown property in the condition on {table.Name}: {text}")
            : text;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
