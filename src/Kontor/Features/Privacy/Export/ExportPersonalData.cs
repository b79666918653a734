using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Requests;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Export;

/// <summary>
/// <c>GET /api/privacy/subjects/{type}/{id}/export</c>: everything stored about a contact, lead or employee (Art. 15
/// and 20) as JSON, or as one CSV of section/record/field/value rows. Each section holds at most
/// <see cref="RowLimit"/> rows, newest first; the export itself is audited.
/// </summary>
internal static class ExportPersonalData
{
    /// <summary>Bounds the export in memory; a section with more rows is marked truncated.</summary>
    public const int RowLimit = 10_000;

    public static void Map(RouteGroupBuilder group, IEndpointRouteBuilder app)
    {
        group.MapGet("/subjects/{type}/{id:guid}/export", HandleAsync)
            .WithName(nameof(ExportPersonalData))
            .WithSummary("Export everything stored about a person (GDPR Art. 15 and 20)")
            .WithDescription("Administrators only. type: contact, lead or employee; format: json (default) or csv (one file of section, recordType, recordId, field, value rows). Each section holds at most 10,000 rows, newest first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The same download with the web UI's cookie, for the buttons of the request page.
        app.MapGet("/privacy/subjects/{type}/{id:guid}/export", HandleAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> HandleAsync(
        string type, Guid id, string? format, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var file = await ExecuteAsync(new RecordRef(type, id), format, db, user, audit, clock, ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Shared by the endpoint and the request page's download buttons; null when the person does not exist.</summary>
    public static async Task<PersonalDataFile?> ExecuteAsync(RecordRef subject, string? format, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.Require(user);
        var csv = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => throw RequestValidationException.For("format", PrivacyText.Message("Choose json or csv.")),
        };

        if (!DataSubjects.IsKnown(subject.Type) || !await DataSubjects.ExistsAsync(db, subject, ct))
        {
            return null;
        }

        var export = await CollectAsync(db, subject, clock.GetUtcNow(), ct);
        audit.Record(db, AuditAction.Export, subject, new
        {
            format = csv ? "csv" : "json",
            sections = export.Sections.Count,
            rows = export.Sections.Sum(s => s.Records.Count),
        });
        await db.SaveChangesAsync(ct);

        var name = $"personal-data-{subject.Type}-{subject.Id}";
        return csv
            ? new PersonalDataFile(await ToCsvAsync(export, ct), "text/csv; charset=utf-8", name + ".csv")
            : new PersonalDataFile(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", name + ".json");
    }

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Collects the sections; also used by tests to compare with what is stored.</summary>
    public static async Task<PersonalDataExport> CollectAsync(KontorDb db, RecordRef subject, DateTimeOffset now, CancellationToken ct)
    {
        var sections = new List<ExportSection>();
        if (subject.Type == DataSubjects.Employee)
        {
            await CollectEmployeeAsync(db, subject.Id, sections, ct);
        }
        else
        {
            await CollectCustomerPersonAsync(db, subject, sections, ct);
        }

        var requests = await db.Set<DataSubjectRequest>().AsNoTracking()
            .Where(r => r.SubjectType == subject.Type && r.SubjectId == subject.Id)
            .OrderByDescending(r => r.ReceivedAt).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("dataSubjectRequests", requests, r => ExportFields.Of(PrivacyAudit.RequestType, r.Id, r)));
        return new PersonalDataExport(subject.Type, subject.Id, now, RowLimit, sections);
    }

    private static async Task CollectCustomerPersonAsync(KontorDb db, RecordRef subject, List<ExportSection> sections, CancellationToken ct)
    {
        var footprint = await PersonalDataFootprint.FindAsync(db, subject, ct);
        if (subject.Type == DataSubjects.Contact)
        {
            var contact = await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AsNoTracking().SingleAsync(c => c.Id == subject.Id, ct);
            sections.Add(Section("contact", [contact], c => ExportFields.Of(subject.Type, c.Id, c)));
            var accounts = await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AsNoTracking()
                .Where(a => a.Id == contact.AccountId).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            sections.Add(Section("account", accounts, a => ExportFields.Of("account", a.Id, a)));
            var roles = await db.OpportunityContacts.AsNoTracking().Where(r => r.ContactId == subject.Id).Take(RowLimit + 1).ToListAsync(ct);
            sections.Add(Section("opportunityRoles", roles, r => ExportFields.Of("opportunityContact", r.Id, r)));
            var consents = await db.Set<Consent>().AsNoTracking().Where(c => c.ContactId == subject.Id)
                .OrderByDescending(c => c.RecordedAt).Take(RowLimit + 1).ToListAsync(ct);
            sections.Add(Section("consents", consents, c => ExportFields.Of(PrivacyAudit.ConsentType, c.Id, c)));
        }

        var leadIds = subject.Type == DataSubjects.Lead ? [subject.Id] : footprint.LeadIds;
        var leads = await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AsNoTracking().Where(l => leadIds.Contains(l.Id)).ToListAsync(ct);
        sections.Add(Section(subject.Type == DataSubjects.Lead ? "lead" : "convertedLeads", leads, l => ExportFields.Of(DataSubjects.Lead, l.Id, l)));

        var activityIds = footprint.ActivityIds.Concat(footprint.MeetingIds).Concat(footprint.VisitIds).Distinct().ToList();
        var activities = await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AsNoTracking()
            .Where(a => activityIds.Contains(a.Id)).OrderByDescending(a => a.OccurredAt).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("activities", activities, a => ExportFields.Of(a.Kind.ToString().ToLowerInvariant(), a.Id, a)));

        var recordIds = footprint.RecordIds;
        var history = await db.FieldChanges.AsNoTracking().Where(c => recordIds.Contains(c.RecordId))
            .OrderByDescending(c => c.ChangedAt).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("fieldHistory", history, c => ExportFields.Of("fieldChange", c.Id, c)));

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.RecordId != null && recordIds.Contains(e.RecordId.Value))
            .OrderByDescending(e => e.Sequence).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("auditLog", entries, e => ExportFields.Of("auditEntry", e.Id, e)));
    }

    private static async Task CollectEmployeeAsync(KontorDb db, Guid userId, List<ExportSection> sections, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        sections.Add(Section("profile", [user], u => ExportFields.Of(DataSubjects.Employee, u.Id, u)));

        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { role.Id, role.Name }).ToListAsync(ct);
        sections.Add(Section("roles", roles, r => ExportFields.Of("role", r.Id, r)));

        var teams = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => new { t.Id, t.Name, t.Kind }).ToListAsync(ct);
        sections.Add(Section("teams", teams, t => ExportFields.Of("team", t.Id, t)));

        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("accessTokens", tokens, t => ExportFields.Of("personalAccessToken", t.Id, t)));

        // Sign-ins, sign-outs and everything else the person did, as the audit log names them by actor.
        var acted = await db.AuditEntries.AsNoTracking().Where(e => e.ActorId == userId)
            .OrderByDescending(e => e.Sequence).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("activityLog", acted, e => ExportFields.Of("auditEntry", e.Id, e)));

        var employee = DataSubjects.Employee;
        var accessed = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.Access && e.RecordType == employee && e.RecordId == userId)
            .OrderByDescending(e => e.Sequence).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("accessLog", accessed, e => ExportFields.Of("auditEntry", e.Id, e)));

        var about = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == "user" && e.RecordId == userId && e.ActorId != userId)
            .OrderByDescending(e => e.Sequence).Take(RowLimit + 1).ToListAsync(ct);
        sections.Add(Section("changesByOthers", about, e => ExportFields.Of("auditEntry", e.Id, e)));
    }

    private static ExportSection Section<T>(string name, IReadOnlyList<T> rows, Func<T, ExportRecord> describe) =>
        new(name, rows.Count > RowLimit, [.. rows.Take(RowLimit).Select(describe)]);

    private static async Task<byte[]> ToCsvAsync(PersonalDataExport export, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var header in new[] { "section", "recordType", "recordId", "field", "value" })
            {
                csv.WriteField(header);
            }

            await csv.EndRecordAsync(ct);
            foreach (var section in export.Sections)
            {
                foreach (var record in section.Records)
                {
                    foreach (var (field, value) in record.Fields)
                    {
                        csv.WriteField(section.Name);
                        csv.WriteField(record.Type);
                        csv.WriteField(record.Id.ToString());
                        csv.WriteField(field);
                        csv.WriteField(value);
                        await csv.EndRecordAsync(ct);
                    }
                }

                if (section.Truncated)
                {
                    csv.WriteField(section.Name);
                    csv.WriteField("");
                    csv.WriteField("");
                    csv.WriteField("truncated");
                    csv.WriteField(export.RowLimit.ToString(CultureInfo.InvariantCulture));
                    await csv.EndRecordAsync(ct);
                }
            }
        }

        return stream.ToArray();
    }
}

/// <summary>A personal-data export ready to download.</summary>
public sealed record PersonalDataFile(byte[] Content, string ContentType, string FileName);
