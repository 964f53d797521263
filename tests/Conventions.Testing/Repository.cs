namespace Conventions.Testing;

/// <summary>The repository the tests run from (the folder holding Conventions.sln), for tests that read its files.</summary>
public static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conventions.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Conventions.sln not found above the test folder.");
    }
}
