using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Conventions.Testing;

/// <summary>
/// Which database the HTTP suites run on. By default a SQLite file per test host; with
/// <c>CONVENTIONS_TEST_POSTGRES</c> set to a PostgreSQL server's connection string (tests/postgres.sh starts a throwaway
/// server and sets it), a database of its own per test host on that server, created empty and migrated by the host at
/// start as in production, and dropped when the host is disposed.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "CONVENTIONS_TEST_POSTGRES";

    /// <summary>The server's connection string (to its maintenance database), or null on the SQLite lane.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgreSql => PostgresServer is not null;

    /// <summary>
    /// The database of a test host's data folder (the same folder gives the same database, so a restart finds its
    /// data), created when missing. Its connection string keeps few connections per test host: many hosts share a server.
    /// </summary>
    public static string PostgresDatabaseFor(string dataDirectory)
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = NameFor(dataDirectory);
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    /// <summary>Drops a test host's database, closing what still uses it.</summary>
    public static void DropPostgres(string dataDirectory)
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{NameFor(dataDirectory)}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string NameFor(string dataDirectory) =>
        "test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
