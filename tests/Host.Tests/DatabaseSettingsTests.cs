using Conventions.Testing;

namespace Host.Tests;

public sealed class MultiplexingFactory : ConventionsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Conventions", "Host=127.0.0.1;Port=1;Username=conventions;Database=postgres;Multiplexing=true"),
    ];
}

/// <summary>The database settings the host refuses at start, with a message naming what to change.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public async Task A_postgresql_connection_string_with_multiplexing_is_refused_at_start()
    {
        // The booking group commit runs a transaction block of its own (ADR 0028), which Npgsql does not carry on a
        // multiplexed connection: the host says so at start rather than failing the first booking.
        await using var factory = new MultiplexingFactory();
        var refused = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("Multiplexing=true", refused.Message, StringComparison.Ordinal);
    }
}
