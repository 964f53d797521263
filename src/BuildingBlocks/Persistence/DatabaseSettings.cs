namespace Conventions.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Resolved once by the host from <c>Database:Provider</c> and the connection string.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = string.Empty;
}

/// <summary>One module's database, registered so the host can migrate it, check it and sweep its outbox.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);
