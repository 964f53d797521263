using System.Net;
using Conventions.Testing;

namespace Host.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Data_written_before_a_restart_is_there_after_it_and_migrations_run_again_safely()
    {
        var directory = Path.Combine(Path.GetTempPath(), "conventions-tests", Guid.NewGuid().ToString("N"));
        var clock = TestClock.AtParisNoon(2026, 11, 23);
        string organization;
        await using (var first = ConventionsFactory.OnDataDirectory(directory, clock))
        {
            organization = await first.Admin().CreateOrganizationAsync("Structure persistante");
        }

        await using var second = ConventionsFactory.OnDataDirectory(directory, clock);
        var body = await second.Admin().GetAsync($"/api/v1/organizations/{organization}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Structure persistante", body.Str("name"));
        await second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
