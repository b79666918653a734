namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>The folder uploaded import files wait in: <c>{folder}/{tenant}/{file id}</c>, relative paths stored with the job.</summary>
internal sealed class ImportStorage(ImportSettings settings, IHostEnvironment environment)
{
    public string Root => Path.GetFullPath(settings.Folder, environment.ContentRootPath);

    public long MaxFileBytes => settings.MaxFileBytes;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Streams an upload to a new file; null when it is larger than <see cref="ImportSettings.MaxFileBytes"/> (the partial file is removed).</summary>
    public async Task<string?> SaveAsync(Guid tenantId, Stream content, CancellationToken ct)
    {
        var relative = Path.Combine(tenantId.ToString("N"), Guid.CreateVersion7().ToString("N"));
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var buffer = new byte[81920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > settings.MaxFileBytes)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (total > settings.MaxFileBytes)
        {
            File.Delete(path);
            return null;
        }

        return relative;
    }

    /// <summary>True when the relative path names a file of this tenant (wizard requests name files by path).</summary>
    public bool BelongsTo(string relative, Guid tenantId) =>
        relative.StartsWith(tenantId.ToString("N") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        && !relative.Contains("..", StringComparison.Ordinal)
        && File.Exists(PathOf(relative));

    public void Delete(string relative)
    {
        var path = PathOf(relative);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public void DeleteUnused(IReadOnlyCollection<string> inUse, DateTimeOffset olderThan)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var keep = inUse.Select(PathOf).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (!keep.Contains(file) && File.GetLastWriteTimeUtc(file) < olderThan.UtcDateTime)
            {
                File.Delete(file);
            }
        }
    }
}
