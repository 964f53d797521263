using System.Text.Json;
using System.Text.RegularExpressions;
using Conventions.Testing;

namespace Conventions.ArchitectureTests;

/// <summary>
/// The codes problems carry are an enumeration of the contract (<c>ErrorCode</c> in docs/openapi.json): every code the
/// sources throw is listed there, and nothing listed is thrown nowhere.
/// </summary>
public sealed partial class ErrorCodeCatalogTests
{
    private static SortedSet<string> Thrown()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal)
                && !f.Contains("/CompiledModels/", StringComparison.Ordinal) && !f.EndsWith("ErrorCodes.cs", StringComparison.Ordinal));
        foreach (var text in sources.Select(File.ReadAllText))
        {
            foreach (var pattern in new[] { Raised(), Mapped(), TargetTyped(), Assigned() })
            {
                codes.UnionWith(pattern.Matches(text).Select(m => m.Groups["code"].Value));
            }
            codes.UnionWith(NotFound().Matches(text).Select(m => m.Groups["resource"].Value + ".not_found"));
        }
        codes.Remove("auth.failure_code");
        return codes;
    }

    [Fact]
    public void Every_code_thrown_is_in_the_contracts_enumeration_and_every_listed_code_is_thrown()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.json")));
        var listed = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ErrorCode").GetProperty("enum")
            .EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal);
        var thrown = Thrown();

        Assert.True(thrown.Count > 100, $"The scan found only {thrown.Count} codes.");
        Assert.True(thrown.SetEquals(listed),
            $"Add to src/Host/Infrastructure/ErrorCodes.cs (then UPDATE_OPENAPI=1): {string.Join(", ", thrown.Except(listed))}; "
            + $"thrown nowhere: {string.Join(", ", listed.Except(thrown))}");
    }

    private const string Code = "\"(?<code>[a-z]+(?:_[a-z]+)*\\.[a-z]+(?:_[a-z]+)*)\"";

    [GeneratedRegex(@"(?:Exception|Problems?\.Create|ProblemResult|Fail)\w*\(\s*(?:\d+\s*,\s*)?" + Code)]
    private static partial Regex Raised();

    [GeneratedRegex(@"=>\s*" + Code)]
    private static partial Regex Mapped();

    [GeneratedRegex(@"\bnew\(\s*" + Code)]
    private static partial Regex TargetTyped();

    [GeneratedRegex(@"(?:\] =|\?\?)\s*" + Code)]
    private static partial Regex Assigned();

    [GeneratedRegex("NotFoundException\\.For\\(\\s*\"(?<resource>[a-z_]+)\"")]
    private static partial Regex NotFound();
}
