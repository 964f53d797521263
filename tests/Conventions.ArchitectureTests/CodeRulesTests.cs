using System.Text.RegularExpressions;

namespace Conventions.ArchitectureTests;

/// <summary>Rules read from the source text.</summary>
public sealed partial class CodeRulesTests
{
    private static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conventions.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory!.FullName, "src");
    }

    [Fact]
    public void Time_comes_from_TimeProvider_never_from_the_system_clock_directly()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(SourceRoot(), l.File)}:{l.Line}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use TimeProvider: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();
}
