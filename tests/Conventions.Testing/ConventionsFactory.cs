using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Testing;

/// <summary>
/// The real host over the real HTTP pipeline, on its own SQLite file (created by the migrations, as in production), or
/// on its own PostgreSQL database in the PostgreSQL lane (<see cref="TestDatabase"/>), with a manual clock and no
/// Hangfire server: jobs run when a test asks, through the same runner the scheduler calls.
/// </summary>
public class ConventionsFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-platform-admin-key";

    public ConventionsFactory()
        : this(Path.Combine(Path.GetTempPath(), "conventions-tests", Guid.NewGuid().ToString("N")))
    {
        _ownsDirectory = true;
    }

    private readonly bool _ownsDirectory;

    /// <summary>A host on an existing data folder: a restart on the same database, with the clock the test gives.</summary>
    public static ConventionsFactory OnDataDirectory(string dataDirectory, TestClock clock) => new(dataDirectory, clock);

    protected ConventionsFactory(string dataDirectory, TestClock? clock = null)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(dataDirectory);
        Clock = clock ?? TestClock.AtParisNoon(2026, 11, 23);
    }

    public string DataDirectory { get; }

    public TestClock Clock { get; }

    public string PickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    /// <summary>Extra settings for a test class (applied before the host reads its configuration).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Extra service replacements for a test class.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        if (TestDatabase.IsPostgreSql)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Conventions", TestDatabase.PostgresDatabaseFor(DataDirectory));
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
        }
        builder.UseSetting("Conventions:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Conventions:SeedDemoData", "false");
        builder.UseSetting("Hangfire:ServerEnabled", "false");
        builder.UseSetting("Notices:PickupDirectory", PickupDirectory);
        builder.UseSetting("Smtp:Host", "");
        // Tests call far faster than a portal; the rate limits have their own test class.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The test server has no socket: every call comes from a documentation address (RFC 5737), as evidence records it.
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            ConfigureTestServices(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory)
        {
            if (TestDatabase.IsPostgreSql)
            {
                TestDatabase.DropPostgres(DataDirectory);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a file still held open is left in the temp folder.
            }
        }
    }

    /// <summary>A client sending the given API key (none when null).</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(TestClientAddress.UserAgent);
        return client;
    }

    public HttpClient Admin() => Client(AdminKey);

    /// <summary>Runs a job now through the operations API, as an admin would, and returns how many items it processed.</summary>
    public async Task<int> RunJobAsync(string name)
    {
        var response = await Admin().PostAsync($"/api/v1/admin/jobs/{name}/run", null);
        var body = await response.ReadJsonAsync();
        return body.TryGetProperty("processed", out var processed)
            ? processed.GetInt32()
            : throw new Xunit.Sdk.XunitException($"Job {name} answered {(int)response.StatusCode}: {body}");
    }
}
