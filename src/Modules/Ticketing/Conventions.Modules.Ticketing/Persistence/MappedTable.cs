using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// The table an entity type maps to, as the EF model says (delimited table and column names, type mappings and their
/// converters), for the few statements a hot path prepares once per transaction and runs many times itself
/// (<see cref="EntityInsert"/>, the ticketing seat and waiting-list updates): they follow the mapping and the provider.
/// </summary>
internal sealed class MappedTable
{
    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;

    private MappedTable(DbContext db, IEntityType entity)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        Entity = entity;
        Table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
    }

    public static MappedTable Of<TEntity>(DbContext db) where TEntity : class => Of(db, typeof(TEntity));

    public static MappedTable Of(DbContext db, Type entityType) =>
        new(db, db.Model.FindEntityType(entityType)
            ?? throw new InvalidOperationException($"{entityType.Name} is not mapped by {db.GetType().Name}."));

    public IEntityType Entity { get; }

    public StoreObjectIdentifier Table { get; }

    /// <summary>The table's delimited name, with its schema where the provider has one.</summary>
    public string Name => _sql.DelimitIdentifier(Table.Name, Table.Schema);

    /// <summary>True on SQL Server, whose syntax differs for what SQLite and PostgreSQL write <c>RETURNING</c>.</summary>
    public bool IsSqlServer => _db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>
    /// A batch on the context's connection, inside its current transaction, or on its open connection for a caller that
    /// runs the transaction block itself (the PostgreSQL group commit, ADR 0028); one of the two is required.
    /// </summary>
    public DbBatch NewBatch()
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var batch = Connection(transaction).CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }

    public string Delimit(string column) => _sql.DelimitIdentifier(column);

    /// <summary>The delimited column of a property of the entity type.</summary>
    public string Column(string property) => Delimit(Property(property).GetColumnName(Table)!);

    /// <summary>The property's type mapping: it converts a value as EF stores it and types the parameter.</summary>
    public RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)Property(property).GetTypeMapping();

    /// <summary>A command on the context's connection, as <see cref="NewBatch"/>.</summary>
    public DbCommand NewCommand()
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var command = Connection(transaction).CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private DbConnection Connection(DbTransaction? transaction) =>
        transaction?.Connection
        ?? (_db.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } open
            ? open
            : throw new InvalidOperationException($"Statements on {Table.Name} prepared here run inside a transaction."));

    private IProperty Property(string name) =>
        Entity.FindProperty(name) ?? throw new InvalidOperationException($"{Entity.DisplayName()} has no property {name}.");
}
