using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>What an import creates or updates.</summary>
public enum ImportTarget
{
    Accounts,
    Contacts,

    /// <summary>Each row holds an account and a contact working there.</summary>
    AccountsAndContacts,

    /// <summary>Leads, e.g. from an old CRM or a trade-fair list; new leads without owner go through the assignment rules.</summary>
    Leads,
}

/// <summary>How a contacts-only import finds each contact's account.</summary>
public enum AccountLink
{
    None,
    ExternalId,
    Name,
}

/// <summary>Where an import stands. Queued and Running jobs are picked up (again) when the app starts.</summary>
public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>The file format of an import, found from the file's first bytes.</summary>
public enum ImportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// One run of a file import: its options, its progress and where it stopped. Counters and
/// <see cref="ProcessedRows"/> change in the same transaction as each batch's records, so a restarted app
/// continues after the last committed batch.
/// </summary>
public sealed class ImportJob : TenantEntity
{
    private ImportJob() { } // For EF Core.

    public ImportJob(string fileName, string filePath, ImportFormat format, string encoding, string delimiter, ImportTarget target, string options, bool dryRun, Guid requestedBy, DateTimeOffset now)
    {
        FileName = fileName;
        FilePath = filePath;
        Format = format;
        Encoding = encoding;
        Delimiter = delimiter;
        Target = target;
        Options = options;
        DryRun = dryRun;
        RequestedBy = requestedBy;
        CreatedAt = now;
    }

    /// <summary>The name of the uploaded file as the user knows it.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Where the uploaded file is kept until the import ends, relative to the imports folder.</summary>
    public string FilePath { get; private set; } = "";

    public ImportFormat Format { get; private set; }

    /// <summary><c>utf-8</c> or <c>windows-1252</c> (CSV only).</summary>
    public string Encoding { get; private set; } = "";

    /// <summary>The CSV delimiter: <c>;</c>, <c>,</c> or a tab.</summary>
    public string Delimiter { get; private set; } = "";

    public ImportTarget Target { get; private set; }

    /// <summary>The <see cref="ImportOptions"/> as JSON: mapping and switches.</summary>
    public string Options { get; private set; } = "";

    /// <summary>Validates every row and commits nothing.</summary>
    public bool DryRun { get; private set; }

    public ImportStatus Status { get; private set; }

    public Guid RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Data rows in the file (after the header), known once the file has been counted.</summary>
    public long? TotalRows { get; private set; }

    /// <summary>Rows handled so far: the last committed batch ends here. Always <see cref="CommittedRows"/> + <see cref="RejectedRows"/>.</summary>
    public long ProcessedRows { get; private set; }

    public long CommittedRows { get; private set; }
    public long RejectedRows { get; private set; }
    public long CreatedRecords { get; private set; }
    public long UpdatedRecords { get; private set; }

    public bool CancelRequested { get; private set; }

    /// <summary>Why the import failed as a whole (an unreadable file, a deactivated user).</summary>
    public string? Failure { get; private set; }

    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled;

    internal void Start(DateTimeOffset now)
    {
        Status = ImportStatus.Running;
        StartedAt ??= now;
    }

    internal void Counted(long rows) => TotalRows = rows;

    internal void BatchDone(long rows, long committed, long rejected, long created, long updated)
    {
        ProcessedRows += rows;
        CommittedRows += committed;
        RejectedRows += rejected;
        CreatedRecords += created;
        UpdatedRecords += updated;
    }

    internal void Finish(ImportStatus status, DateTimeOffset now, string? failure = null)
    {
        Status = status;
        FinishedAt = now;
        Failure = failure;
    }
}

/// <summary>One problem with one row of an import file: the row's number, the column and what is wrong.</summary>
public sealed class ImportRowError : TenantEntity
{
    public ImportRowError(Guid importJobId, long rowNumber, string column, string message)
    {
        ImportJobId = importJobId;
        RowNumber = rowNumber;
        Column = column;
        Message = message;
    }

    public Guid ImportJobId { get; private set; }

    /// <summary>The row as a spreadsheet shows it: the header is row 1.</summary>
    public long RowNumber { get; private set; }

    /// <summary>The column's header in the file, empty when the problem is the row as a whole.</summary>
    public string Column { get; private set; }

    public string Message { get; private set; }
}

/// <summary>A saved column mapping for files from one source (e.g. "Old CRM export"), reused by later imports.</summary>
public sealed class ImportMapping : TenantEntity
{
    public ImportMapping(string name, ImportTarget target, string mapping)
    {
        Name = name;
        Target = target;
        Mapping = mapping;
    }

    public string Name { get; private set; }
    public ImportTarget Target { get; private set; }

    /// <summary>Field key → column header, as JSON.</summary>
    public string Mapping { get; private set; }

    internal void Change(ImportTarget target, string mapping)
    {
        Target = target;
        Mapping = mapping;
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>, IEntityTypeConfiguration<ImportRowError>, IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("ImportJobs");
        job.Property(j => j.FileName).HasMaxLength(260);
        job.Property(j => j.FilePath).HasMaxLength(500);
        job.Property(j => j.Encoding).HasMaxLength(20);
        job.Property(j => j.Delimiter).HasMaxLength(1);
        job.Property(j => j.Options).HasMaxLength(20_000);
        job.Property(j => j.Failure).HasMaxLength(1000);
        job.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(j => j.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        job.HasIndex(j => new { j.TenantId, j.CreatedAt });
        job.HasIndex(j => new { j.TenantId, j.Status });
    }

    public void Configure(EntityTypeBuilder<ImportRowError> error)
    {
        error.ToTable("ImportRowErrors");
        error.Property(e => e.Column).HasMaxLength(200);
        error.Property(e => e.Message).HasMaxLength(1000);
        error.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportJobId).OnDelete(DeleteBehavior.Cascade);
        error.HasIndex(e => new { e.TenantId, e.ImportJobId, e.RowNumber });
    }

    public void Configure(EntityTypeBuilder<ImportMapping> mapping)
    {
        mapping.ToTable("ImportMappings");
        mapping.Property(m => m.Name).HasMaxLength(100);
        mapping.Property(m => m.Mapping).HasMaxLength(20_000);
        mapping.HasIndex(m => new { m.TenantId, m.Name }).IsUnique();
    }
}
