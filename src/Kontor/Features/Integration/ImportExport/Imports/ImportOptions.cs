using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>The switches of an import job, kept with it as JSON.</summary>
public sealed class ImportOptions
{
    /// <summary>Field key (e.g. <c>account.name</c>) → column header.</summary>
    public Dictionary<string, string> Mapping { get; set; } = [];

    /// <summary>How a contacts-only import finds each contact's account.</summary>
    public AccountLink AccountLink { get; set; }

    /// <summary>Create a record even when one with the same e-mail (contacts) or VAT id (accounts) exists.</summary>
    public bool CreateDuplicates { get; set; }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    internal static ImportOptions FromJson(string json) => JsonSerializer.Deserialize<ImportOptions>(json, Json) ?? new ImportOptions();
}

/// <summary>Settings of file imports; section <c>Kontor:Imports</c>.</summary>
public sealed class ImportSettings
{
    public const string Section = "Kontor:Imports";

    /// <summary>Where uploaded files wait until their import ends, relative to the content root.</summary>
    public string Folder { get; set; } = "data/imports";

    /// <summary>Rows per batch: each batch is one transaction and the point an interrupted import resumes from.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// An import that created or changed at least this many records has the database refresh the
    /// statistics of the tables it wrote as it ends, so the lists' queries are planned for the data just loaded
    /// rather than for the table as it was (PostgreSQL's autovacuum would do it only later, SQLite never).
    /// </summary>
    public int AnalyzeAfterRecords { get; set; } = 1000;

    /// <summary>The largest file that can be uploaded.</summary>
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>Uploaded files no import job uses any more are deleted after this many hours.</summary>
    public int KeepUnusedFilesHours { get; set; } = 24;
}
