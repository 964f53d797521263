using Conventions.Testing;

namespace Disputes.Tests.Driver;

/// <summary>Each test class gets its own host and database; each test signs the convention its dispute is about.</summary>
public abstract class DisputeTest : IAsyncLifetime
{
    protected ConventionsFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
