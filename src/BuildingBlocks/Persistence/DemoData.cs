namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// Loads a module's demo data in Development (idempotent: a second start adds nothing).
/// Returns lines the host prints at start (for example the demo API keys).
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Seeders run in ascending order (Partners first: the others refer to its organizations).</summary>
    int Order { get; }

    Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken);
}
