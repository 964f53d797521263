using System.Runtime.CompilerServices;
using Xunit;

namespace Conventions.Testing;

/// <summary>
/// Snapshot tests with approved files committed next to the test (<c>Approved/NAME.approved.html</c>).
/// A difference writes <c>NAME.received.html</c> beside it and fails; review it, then rename it, or run with
/// <c>UPDATE_SNAPSHOTS=1</c> to approve every received output.
/// </summary>
public static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        Directory.CreateDirectory(directory);
        var approvedPath = Path.Combine(directory, $"{name}.approved.html");
        var receivedPath = Path.Combine(directory, $"{name}.received.html");
        var normalized = ScrubIds(actual.Replace("\r\n", "\n", StringComparison.Ordinal));

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approvedPath, normalized);
            File.Delete(receivedPath);
            return;
        }
        if (!File.Exists(approvedPath))
        {
            File.WriteAllText(receivedPath, normalized);
            Assert.Fail($"No approved snapshot for '{name}'. Review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}.");
        }
        var approved = File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, normalized);
        var approvedLines = approved.Split('\n');
        var actualLines = normalized.Split('\n');
        var line = Enumerable.Range(0, Math.Max(approvedLines.Length, actualLines.Length))
            .First(i => i >= approvedLines.Length || i >= actualLines.Length || approvedLines[i] != actualLines[i]);
        Assert.Fail($"Snapshot '{name}' differs at line {line + 1}:\n approved: {approvedLines.ElementAtOrDefault(line)}\n received: {actualLines.ElementAtOrDefault(line)}\nSee {receivedPath}.");
    }

    /// <summary>Ids (contacts, keys) differ on each run: each distinct one becomes <c>{id-1}</c>, <c>{id-2}</c>… in order of appearance.</summary>
    public static string ScrubIds(string text)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return System.Text.RegularExpressions.Regex.Replace(text, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            m => $"{{id-{(seen.TryGetValue(m.Value, out var n) ? n : seen[m.Value] = seen.Count + 1)}}}");
    }
}
