using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// The INSERT of one entity type, prepared once per transaction from the EF mapping (table, columns, type mappings and
/// their converters, so values are stored exactly as EF stores them) and run for many entities without the change
/// tracker. For a hot write path where EF's per-save work (building each command, ordering them) costs more than the
/// database: the booking writer. Only for entity types mapped to one table with every property on the CLR type; the
/// entities are not tracked afterwards.
/// </summary>
internal sealed class EntityInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;

    /// <summary>
    /// On PostgreSQL, a command per row: Npgsql 10 reused the first row's values for the second when one command was run
    /// again with new parameter objects once auto-prepared, a value being null (ADR 0020). SQLite keeps one command,
    /// whose prepared statement it keeps.
    /// </summary>
    private bool _freshCommands;

    private EntityInsert(DbCommand command, Column[] columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>Prepares the insert on the context's connection, inside its current transaction (required).</summary>
    public static EntityInsert Prepare<TEntity>(DbContext db) where TEntity : class => Prepare(db, typeof(TEntity));

    /// <summary>Prepares the insert of the entity type mapped to <paramref name="entityType"/>.</summary>
    public static EntityInsert Prepare(DbContext db, Type entityType)
    {
        var table = MappedTable.Of(db, entityType);
        var entity = table.Entity;

        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty() || property.PropertyInfo is null && property.FieldInfo is null)
            {
                throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is not on the CLR type; insert it through EF.");
            }
            var column = property.GetColumnName(table.Table)
                ?? throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is not mapped to {table.Table.Name}.");
            columns.Add(new Column(table.Delimit(column), "@p" + columns.Count, table.Mapping(property.Name), property.GetGetter(), property.IsNullable));
        }
        if (entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entity.GetComplexProperties().Any())
        {
            throw new InvalidOperationException($"{entity.DisplayName()} has owned or complex parts; insert it through EF.");
        }

        var command = table.NewCommand();
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})";
        return new EntityInsert(command, [.. columns]) { _freshCommands = db is global::Conventions.BuildingBlocks.Persistence.ModuleDbContext { IsPostgreSql: true } };
    }

    /// <summary>Inserts one entity's row.</summary>
    public async Task ExecuteAsync(object entity, CancellationToken cancellationToken)
    {
        var command = _command;
        if (_freshCommands)
        {
            command = _command.Connection!.CreateCommand();
            command.Transaction = _command.Transaction;
            command.CommandText = _command.CommandText;
        }
        try
        {
            command.Parameters.Clear();
            foreach (var column in _columns)
            {
                // The type mapping converts (enum to text, instants to ticks on SQLite…) and sets the parameter's type.
                command.Parameters.Add(column.Mapping.CreateParameter(
                    command, column.Parameter, column.Getter.GetClrValueUsingContainingEntity(entity), column.Nullable));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (_freshCommands)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>Adds one entity's insert to a batch (sent with the others in one round trip), typed as EF stores it.</summary>
    public void AddTo(DbBatch batch, object entity)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = _command.CommandText;
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.Mapping.CreateParameter(
                _command, column.Parameter, column.Getter.GetClrValueUsingContainingEntity(entity), column.Nullable));
        }
        batch.BatchCommands.Add(command);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed record Column(string Name, string Parameter, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);
}
