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
    private readonly MappedSelect? _select;
    private readonly Dictionary<string, RelationalTypeMapping> _parameters = [];
    private bool _ran;

    private MappedQuery(MappedTable table, string text, MappedSelect? select)
    {
        _table = table;
        _select = select;
        _command = table.NewCommand();
        _command.CommandText = text;
    }

    /// <summary><c>SELECT columns FROM table WHERE condition</c>, at most one row read.</summary>
    public static MappedQuery Select<TEntity>(DbContext db, string[] properties, string condition) where TEntity : class =>
        Of(new MappedSelect(MappedTable.Of<TEntity>(db), properties, condition));

    /// <summary>The select, prepared as a query of its own.</summary>
    public static MappedQuery Of(MappedSelect select) => new(select.Table, select.Text, select);

    /// <summary><c>SELECT COUNT(*) FROM table WHERE condition</c>.</summary>
    public static MappedQuery Count<TEntity>(DbContext db, string condition) where TEntity : class
    {
        var table = MappedTable.Of<TEntity>(db);
        return new MappedQuery(table, $"SELECT COUNT(*) FROM {table.Name} WHERE {MappedSelect.Columns(table, condition)}", null);
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

    /// <summary>What the query selects, to read its columns (<see cref="MappedSelect.Get"/>).</summary>
    public MappedSelect Selected => _select ?? throw new InvalidOperationException("A count selects no column.");

    /// <summary>The selected column at <paramref name="ordinal"/>, as the entity's property holds it (through its converter).</summary>
    public T Get<T>(DbDataReader reader, int ordinal) => Selected.Get<T>(reader, ordinal);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

/// <summary>
/// <c>SELECT columns FROM table WHERE condition</c> on a mapped table: <c>{Property}</c> in the condition stands for the
/// property's column, and the selected columns are read back through their properties' converters, as EF does. The
/// text of a <see cref="MappedQuery"/>, or of one statement of a batch.
/// </summary>
internal sealed class MappedSelect
{
    private readonly RelationalTypeMapping[] _selected;

    public MappedSelect(MappedTable table, string[] properties, string condition)
    {
        Table = table;
        _selected = [.. properties.Select(table.Mapping)];
        Text = $"SELECT {string.Join(", ", properties.Select(table.Column))} FROM {table.Name} WHERE {Columns(table, condition)}";
    }

    public MappedTable Table { get; }

    public string Text { get; }

    /// <summary>The selected column at <paramref name="ordinal"/>, as the entity's property holds it (through its converter).</summary>
    public T Get<T>(DbDataReader reader, int ordinal) => Read<T>(_selected[ordinal], reader, ordinal);

    /// <summary>A column read as the property of <paramref name="mapping"/> holds it (through its converter); default when null.</summary>
    public static T Read<T>(RelationalTypeMapping mapping, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return default!;
        }
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        object value = stored == typeof(Guid) ? reader.GetGuid(ordinal)
            : stored == typeof(string) ? reader.GetString(ordinal)
            : stored == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal)
            : stored == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(ordinal)
            : Convert.ChangeType(reader.GetValue(ordinal), stored, CultureInfo.InvariantCulture);
        return (T)(mapping.Converter?.ConvertFromProvider(value) ?? value);
    }

    /// <summary>The condition with each <c>{Property}</c> replaced by its delimited column.</summary>
    public static string Columns(MappedTable table, string condition)
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
}
