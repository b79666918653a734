namespace Kontor.Tests.Infrastructure;

/// <summary>Paths in the source tree, for tests that check the code itself.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "src", "Kontor");

    public static IEnumerable<string> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kontor.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kontor.slnx not found above the test binaries.");
    }
}
