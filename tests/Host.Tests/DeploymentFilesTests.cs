using System.Text.RegularExpressions;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>
/// The Dockerfile's and docker-compose.yml's rules (issue 20), checked on the files since no linter for them comes from
/// the registries here and no Docker engine runs (CI also runs <c>docker-compose config</c> on the compose file).
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile"));

    private static readonly string Compose = File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml"));

    [Fact]
    public void Base_images_are_pinned_to_exact_versions()
    {
        var images = Dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(PinnedImage(), image));
        Assert.All(ComposeImage().Matches(Compose).Select(m => m.Groups[1].Value), image => Assert.DoesNotContain("latest", image, StringComparison.Ordinal));
    }

    [Fact]
    public void Packages_are_restored_in_their_own_layer_before_the_sources_are_copied()
    {
        var restore = Array.FindIndex(Dockerfile, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var sources = Array.FindIndex(Dockerfile, l => l.StartsWith("COPY src/ ", StringComparison.Ordinal));

        Assert.True(restore > 0 && sources > restore, "dotnet restore must run on the project files alone, before COPY src/.");
        Assert.DoesNotContain(Dockerfile, l => l.Trim() == "COPY . .");
    }

    [Fact]
    public void The_host_runs_as_a_non_root_user_with_a_health_check_and_its_data_in_a_volume()
    {
        var final = Dockerfile.Skip(Array.FindLastIndex(Dockerfile, l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();

        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch("^USER (root|0)$", user);
        Assert.Contains(final, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains("healthcheck", StringComparison.Ordinal));
        Assert.Contains(final, l => l.StartsWith("VOLUME /data", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_keeps_secrets_in_env_publishes_no_database_port_and_restarts_and_checks_its_services()
    {
        // Every password or key comes from .env; none is written in the file.
        foreach (Match secret in SecretValue().Matches(Compose))
        {
            Assert.StartsWith("${", secret.Groups["value"].Value, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("User Id=sa", Compose, StringComparison.Ordinal);
        var database = Service("sqlserver");
        Assert.DoesNotContain("ports:", database, StringComparison.Ordinal);
        Assert.Contains("restart: unless-stopped", database, StringComparison.Ordinal);
        Assert.Contains("healthcheck:", database, StringComparison.Ordinal);
        var host = Service("host");
        Assert.Contains("restart: unless-stopped", host, StringComparison.Ordinal);
        Assert.Contains("healthcheck:", host, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", host, StringComparison.Ordinal);
        Assert.Contains("User Id=conventions", host, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, ".env.example")));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore")));
    }

    /// <summary>A service's block of the compose file (from its name to the next service or section).</summary>
    private static string Service(string name)
    {
        var start = Compose.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no service {name}");
        var next = NextBlock().Match(Compose, start + name.Length + 4);
        return Compose[start..(next.Success ? next.Index : Compose.Length)];
    }

    [GeneratedRegex(@"^[a-z0-9./-]+(:\d+(\.\d+)+|:\d{4}-CU\d+-[a-z0-9.-]+|@sha256:[0-9a-f]{64})")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"image: (\S+)")]
    private static partial Regex ComposeImage();

    [GeneratedRegex(@"(?im)^\s+[A-Z_]*(PASSWORD|KEY)[A-Z_]*:\s*(?<value>\S+)")]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"\n(  [a-z][a-z-]*:\n|[a-z]+:\n)")]
    private static partial Regex NextBlock();
}
