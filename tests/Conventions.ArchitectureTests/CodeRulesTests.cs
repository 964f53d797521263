using System.Text.RegularExpressions;
using Conventions.Testing;

namespace Conventions.ArchitectureTests;

/// <summary>Rules read from the source text.</summary>
public sealed partial class CodeRulesTests
{
    private static string SourceRoot() => Path.Combine(Repository.Root, "src");

    private static readonly char Slash = Path.DirectorySeparatorChar;

    /// <summary>Hand-written C# files under a folder: no build output, no generated migrations or compiled models.</summary>
    private static IEnumerable<string> HandWritten(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Slash}obj{Slash}", StringComparison.Ordinal) && !f.Contains($"{Slash}bin{Slash}", StringComparison.Ordinal)
                && !f.Contains($"{Slash}Migrations{Slash}", StringComparison.Ordinal) && !f.Contains($"{Slash}CompiledModels{Slash}", StringComparison.Ordinal));

    [Fact]
    public void No_hand_written_source_file_is_over_300_lines_and_none_is_a_shared_grab_bag()
    {
        var offenders = HandWritten(SourceRoot())
            .Where(f => File.ReadLines(f).Count() > 300 || Path.GetFileName(f).EndsWith("Shared.cs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceRoot(), f))
            .ToList();

        Assert.True(offenders.Count == 0, "Split by use case (docs/architecture.md): " + string.Join(", ", offenders));
    }

    [Fact]
    public void Features_never_write_SQL_themselves_a_modules_persistence_folder_does()
    {
        var offenders = HandWritten(Path.Combine(SourceRoot(), "Modules"))
            .Where(f => !f.Contains($"{Slash}Persistence{Slash}", StringComparison.Ordinal))
            .Where(f => RawSql().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(SourceRoot(), f))
            .ToList();

        Assert.True(offenders.Count == 0, "Raw SQL belongs in the module's Persistence folder (ADR 0013): " + string.Join(", ", offenders));
    }

    [Fact]
    public void Tests_through_HTTP_do_not_name_module_internals_and_benchmarks_see_one_modules_at_most()
    {
        // Rule and persistence tests use a module's internals through using directives; nothing spells them out in full.
        var fullNames = HandWritten(Path.Combine(Repository.Root, "tests"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("using ", StringComparison.Ordinal) && ModuleInternal().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}")
            .ToList();
        Assert.True(fullNames.Count == 0, "Module internals named in full in tests: " + string.Join(", ", fullNames));

        var openToBenchmarks = Directory.EnumerateFiles(Path.Combine(SourceRoot(), "Modules"), "*.csproj", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("<InternalsVisibleTo Include=\"Conventions.Benchmarks\"", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        Assert.True(openToBenchmarks.Count <= 1, "Benchmarks go through the HTTP API; at most one module opens its internals to them: " + string.Join(", ", openToBenchmarks));
    }

    [GeneratedRegex(@"CommandText\s*=|ExecuteSql(Raw|Interpolated)?(Async)?\(|FromSql(Raw|Interpolated)?\(|SqlQuery(Raw)?<")]
    private static partial Regex RawSql();

    /// <summary>A module's internal namespace spelled out in code (a string literal in quotes, like a type name for reflection, is allowed).</summary>
    [GeneratedRegex(@"(?<!"")\bConventions\.Modules\.\w+\.(Domain|Features|Persistence)\.\w")]
    private static partial Regex ModuleInternal();

    [Fact]
    public void Time_comes_from_TimeProvider_never_from_the_system_clock_directly()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Slash}obj{Slash}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(SourceRoot(), l.File)}:{l.Line}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use TimeProvider: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();
}
