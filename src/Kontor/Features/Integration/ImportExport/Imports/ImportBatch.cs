using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales;
using Kontor.Features.Sales.Leads;
using Kontor.Features.Sales.Leads.Assignment;
using Kontor.Features.Sales.Leads.Scoring;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>What an import does with a file: the target, the columns of the mapped fields and the switches.</summary>
internal sealed class ImportPlan
{
    public ImportPlan(ImportTarget target, IReadOnlyList<string> headers, ImportOptions options)
    {
        Target = target;
        Headers = headers;
        Options = options;
        foreach (var (field, header) in options.Mapping)
        {
            var index = headers.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                Columns[field] = index;
            }
        }
    }

    public ImportTarget Target { get; }
    public IReadOnlyList<string> Headers { get; }
    public ImportOptions Options { get; }

    /// <summary>Field key → index of its column.</summary>
    public Dictionary<string, int> Columns { get; } = new(StringComparer.Ordinal);

    public bool HasAccounts => Target is ImportTarget.Accounts or ImportTarget.AccountsAndContacts;
    public bool HasContacts => Target is ImportTarget.Contacts or ImportTarget.AccountsAndContacts;
    public bool HasLeads => Target is ImportTarget.Leads;

    /// <summary>The cell of a field in a row: null when the field is not mapped, else the text (maybe empty).</summary>
    public string? Cell(FileRow row, string key) => Columns.TryGetValue(key, out var index) ? row.Cells[index] : null;

    /// <summary>The column header a field's problems are reported under; the field key when it is not mapped.</summary>
    public string ColumnOf(string key) => Columns.TryGetValue(key, out var index) ? Headers[index] : key;
}

/// <summary>A problem of one row, as the error report lists it.</summary>
internal readonly record struct RowProblem(long Row, string Column, string Message);

/// <summary>What a batch did: problems per rejected row, rows committed, records created and updated.</summary>
internal sealed record BatchResult(List<RowProblem> Problems, int Committed, int Rejected, int Created, int Updated, HashSet<long> LateRejected);

/// <summary>
/// Validates and writes one batch of rows inside the caller's transaction. Every row goes through the same request
/// types and <c>ResolveAsync</c> as the API (validation, owner, references), is upserted by external id among the
/// records the importing user may change, and ends either written or rejected with its problems.
/// </summary>
internal sealed class ImportBatch(KontorDb db, CurrentUser user, AccessScope access, IStringLocalizer<ImportExportText> text, ImportPlan plan, Dictionary<string, Guid?> owners)
{
    /// <summary>
    /// Processes the rows; rows in <paramref name="excluded"/> are rejected with the problems found earlier. In a
    /// combined import a row whose account was written but whose contact failed comes back in
    /// <see cref="BatchResult.LateRejected"/>: the caller rolls the batch back and runs it again without that row.
    /// </summary>
    public async Task<BatchResult> RunAsync(IReadOnlyList<FileRow> rows, Dictionary<long, List<RowProblem>> excluded, CancellationToken ct)
    {
        var states = rows.Select(r => new RowState(r)).ToList();
        foreach (var state in states)
        {
            if (excluded.TryGetValue(state.Row.Number, out var earlier))
            {
                state.Problems.AddRange(earlier);
            }
            else if (state.Row.Problem is { } problem)
            {
                state.Problems.Add(new RowProblem(state.Row.Number, "", text[problem]));
            }
        }

        var created = 0;
        var updated = 0;
        if (plan.HasAccounts)
        {
            await AccountsAsync(states, ct);
            var (c, u) = await BulkRecordWriter.WriteAsync<Account>(db, ct);
            created += c;
            updated += u;
        }

        if (plan.HasContacts)
        {
            await ContactsAsync(states, ct);
            var (c, u) = await BulkRecordWriter.WriteAsync<Contact>(db, ct);
            created += c;
            updated += u;
        }

        if (plan.HasLeads)
        {
            await LeadsAsync(states, ct);
            var (c, u) = await BulkRecordWriter.WriteAsync<Lead>(db, ct);
            created += c;
            updated += u;
        }

        var late = states.Where(s => s.Account is not null && s.Problems.Count > 0).Select(s => s.Row.Number).ToHashSet();
        var rejected = states.Count(s => s.Problems.Count > 0);
        return new BatchResult([.. states.SelectMany(s => s.Problems)], states.Count - rejected, rejected, created, updated, late);
    }

    private async Task AccountsAsync(List<RowState> states, CancellationToken ct)
    {
        var open = states.Where(s => s.Problems.Count == 0).ToList();
        var ids = ExternalIds(open, "account.externalId");
        var known = ids.Count == 0 ? [] : await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]).AsNoTracking()
            .Where(a => a.ExternalId != null && ids.Contains(a.ExternalId))
            .Select(a => new Known(a.ExternalId!, a.DeletedAt != null))
            .ToDictionaryAsync(a => a.ExternalId, ct);
        var visible = ids.Count == 0 ? [] : await db.Accounts.Where(a => a.ExternalId != null && ids.Contains(a.ExternalId)).ToDictionaryAsync(a => a.ExternalId!, ct);
        var references = new KnownReferences();
        references.FreeExternalIds.UnionWith(ids.Where(id => !known.ContainsKey(id)));
        var pending = new Dictionary<string, Account>(StringComparer.Ordinal);
        var vatIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in open)
        {
            var externalId = Normalize.Text(plan.Cell(state.Row, "account.externalId"));
            Account? stored = null;
            if (externalId is not null)
            {
                stored = pending.GetValueOrDefault(externalId) ?? visible.GetValueOrDefault(externalId);
                if (stored is null && known.TryGetValue(externalId, out var hidden))
                {
                    Reject(state, "account.externalId", hidden.Deleted
                        ? text["An account with this external id is in the recycle bin; restore it first."]
                        : text["An account with this external id exists, but you cannot see it."]);
                    continue;
                }

                if (stored is not null && !access.CanChange(stored, ObjectPermissions.Edit))
                {
                    Reject(state, "account.externalId", text["You may not change the account with this external id."]);
                    continue;
                }
            }

            if (stored is null && !access.Has(CustomerObjects.Accounts, ObjectPermissions.Create))
            {
                Reject(state, "", text["Your role does not allow creating accounts."]);
                continue;
            }

            var request = ImportFields.AccountRequest(stored, key => plan.Cell(state.Row, key));
            await OwnerAsync(state, ImportFields.AccountOwnerEmail, id => request.OwnerId = id, ct);
            var fields = await ResolveAsync(state, ImportFields.AccountPrefix, ImportFields.AccountOwnerEmail, "account.externalId", () => request.ResolveAsync(stored, db, user, ct, references));
            if (fields is null)
            {
                continue;
            }

            if (stored is null && externalId is null && !plan.Options.CreateDuplicates
                && await ImportDuplicates.AccountAsync(db, text, fields, vatIds, ct) is { } duplicate)
            {
                Reject(state, duplicate.Field, duplicate.Message);
                continue;
            }

            var account = stored ?? new Account(fields);
            if (stored is null)
            {
                db.Accounts.Add(account);
            }
            else
            {
                stored.Apply(fields);
            }

            if (externalId is not null)
            {
                pending[externalId] = account;
            }

            if (fields.VatId is not null)
            {
                vatIds.Add(fields.VatId);
            }

            state.Account = account;
        }
    }

    private async Task ContactsAsync(List<RowState> states, CancellationToken ct)
    {
        var combined = plan.Target == ImportTarget.AccountsAndContacts;
        var open = states.Where(s => s.Problems.Count == 0 && (!combined || HasContactCells(s.Row))).ToList();
        var ids = ExternalIds(open, "contact.externalId");
        var known = ids.Count == 0 ? [] : await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]).AsNoTracking()
            .Where(c => c.ExternalId != null && ids.Contains(c.ExternalId))
            .Select(c => new Known(c.ExternalId!, c.DeletedAt != null))
            .ToDictionaryAsync(c => c.ExternalId, ct);
        var visible = ids.Count == 0 ? [] : await db.Contacts.Where(c => c.ExternalId != null && ids.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId!, ct);
        var references = new KnownReferences();
        references.FreeExternalIds.UnionWith(ids.Where(id => !known.ContainsKey(id)));
        var accounts = combined ? null : await LinkedAccountsAsync(open, references, ct);
        var pending = new Dictionary<string, Contact>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in open)
        {
            var externalId = Normalize.Text(plan.Cell(state.Row, "contact.externalId"));
            Contact? stored = null;
            if (externalId is not null)
            {
                stored = pending.GetValueOrDefault(externalId) ?? visible.GetValueOrDefault(externalId);
                if (stored is null && known.TryGetValue(externalId, out var hidden))
                {
                    Reject(state, "contact.externalId", hidden.Deleted
                        ? text["A contact with this external id is in the recycle bin; restore it first."]
                        : text["A contact with this external id exists, but you cannot see it."]);
                    continue;
                }

                if (stored is not null && !access.CanChange(stored, ObjectPermissions.Edit))
                {
                    Reject(state, "contact.externalId", text["You may not change the contact with this external id."]);
                    continue;
                }
            }

            if (stored is null && !access.Has(CustomerObjects.Contacts, ObjectPermissions.Create))
            {
                Reject(state, "", text["Your role does not allow creating contacts."]);
                continue;
            }

            var request = ImportFields.ContactRequest(stored, key => plan.Cell(state.Row, key), (key, message) => Reject(state, key, text[message]));
            if (combined)
            {
                request.AccountId = state.Account?.Id;
            }
            else if (accounts is not null && LinkOf(state) is { } link)
            {
                if (link.Value is null)
                {
                    request.AccountId = null;
                }
                else if (accounts.TryGetValue(link.Value, out var found) && found.Count == 1)
                {
                    request.AccountId = found[0];
                }
                else
                {
                    Reject(state, link.Key, found is { Count: > 1 }
                        ? text["Several accounts have this name; link the contact by the account's external id."]
                        : plan.Options.AccountLink == AccountLink.Name ? text["No account has this name."] : text["No account has this external id."]);
                }
            }

            await OwnerAsync(state, ImportFields.ContactOwnerEmail, id => request.OwnerId = id, ct);
            var linkKey = plan.Options.AccountLink == AccountLink.Name ? ImportFields.ContactAccountName : ImportFields.ContactAccountExternalId;
            var fields = await ResolveAsync(state, ImportFields.ContactPrefix, ImportFields.ContactOwnerEmail, linkKey, () => request.ResolveAsync(stored, db, user, ct, references));
            if (fields is null)
            {
                continue;
            }

            if (stored is null && externalId is null && !plan.Options.CreateDuplicates
                && await ImportDuplicates.ContactAsync(db, text, fields, emails, ct) is { } duplicate)
            {
                Reject(state, duplicate.Field, duplicate.Message);
                continue;
            }

            if (stored is null)
            {
                stored = new Contact(fields);
                db.Contacts.Add(stored);
            }
            else
            {
                stored.Apply(fields);
            }

            if (externalId is not null)
            {
                pending[externalId] = stored;
            }

            if (fields.Email is not null)
            {
                emails.Add(fields.Email);
            }
        }
    }

    /// <summary>
    /// Upserts the batch's leads through <see cref="LeadRequest"/> like the API, then hands the leads still without
    /// owner to the assignment rules and scores every lead of the batch, each with a fixed number of queries.
    /// </summary>
    private async Task LeadsAsync(List<RowState> states, CancellationToken ct)
    {
        var open = states.Where(s => s.Problems.Count == 0).ToList();
        var ids = ExternalIds(open, ImportFields.LeadExternalId);
        var known = ids.Count == 0 ? [] : await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]).AsNoTracking()
            .Where(l => l.ExternalId != null && ids.Contains(l.ExternalId))
            .Select(l => new Known(l.ExternalId!, l.DeletedAt != null))
            .ToDictionaryAsync(l => l.ExternalId, ct);
        var visible = ids.Count == 0 ? [] : await db.Leads.Where(l => l.ExternalId != null && ids.Contains(l.ExternalId)).ToDictionaryAsync(l => l.ExternalId!, ct);
        var references = new KnownReferences();
        references.FreeExternalIds.UnionWith(ids.Where(id => !known.ContainsKey(id)));
        var existing = plan.Options.CreateDuplicates ? [] : await LeadsByEmailAsync(open, ct);
        var pending = new Dictionary<string, Lead>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var touched = new List<Lead>();
        var seen = new HashSet<Lead>(ReferenceEqualityComparer.Instance);
        foreach (var state in open)
        {
            var externalId = Normalize.Text(plan.Cell(state.Row, ImportFields.LeadExternalId));
            Lead? stored = null;
            if (externalId is not null)
            {
                stored = pending.GetValueOrDefault(externalId) ?? visible.GetValueOrDefault(externalId);
                if (stored is null && known.TryGetValue(externalId, out var hidden))
                {
                    Reject(state, ImportFields.LeadExternalId, hidden.Deleted
                        ? text["A lead with this external id is in the recycle bin; restore it first."]
                        : text["A lead with this external id exists, but you cannot see it."]);
                    continue;
                }

                if (stored is not null && !LeadAccess.CanChange(access, stored, ObjectPermissions.Edit))
                {
                    Reject(state, ImportFields.LeadExternalId, text["You may not change the lead with this external id."]);
                    continue;
                }

                if (stored?.Status == LeadStatus.Converted)
                {
                    Reject(state, ImportFields.LeadExternalId, text["The lead with this external id was converted and can no longer be changed."]);
                    continue;
                }
            }

            if (stored is null && !access.Has(SalesObjects.Leads, ObjectPermissions.Create))
            {
                Reject(state, "", text["Your role does not allow creating leads."]);
                continue;
            }

            var request = ImportFields.LeadRequest(stored, key => plan.Cell(state.Row, key), (key, message) => Reject(state, key, text[message]));
            var consent = ImportFields.Consent(key => plan.Cell(state.Row, key), user.TimeZone, (key, message) => Reject(state, key, text[message]));
            await OwnerAsync(state, ImportFields.LeadOwnerEmail, id => request.OwnerId = id, ct);
            var fields = await ResolveAsync(state, ImportFields.LeadPrefix, ImportFields.LeadOwnerEmail, "", () => request.ResolveAsync(stored, db, user, ct, known: references));
            if (fields is null)
            {
                continue;
            }

            if (stored is null && externalId is null && fields.Email is { } email)
            {
                if (emails.Contains(email) && !plan.Options.CreateDuplicates)
                {
                    Reject(state, "lead.email", text["An earlier row of the file has this e-mail address; give the rows external ids, or import with \"create duplicates\"."]);
                    continue;
                }

                if (existing.TryGetValue(email, out var name))
                {
                    Reject(state, "lead.email", text["Likely a duplicate of \"{0}\"; give the row an external id to update it, or import with \"create duplicates\".", name]);
                    continue;
                }
            }

            var lead = stored ?? new Lead(fields);
            if (stored is null)
            {
                db.Leads.Add(lead);
            }
            else
            {
                stored.Apply(fields);
            }

            if (consent is { } given)
            {
                lead.RecordConsent(given.Text, given.At);
            }

            if (externalId is not null)
            {
                pending[externalId] = lead;
            }

            if (fields.Email is not null)
            {
                emails.Add(fields.Email);
            }

            if (seen.Add(lead))
            {
                touched.Add(lead);
            }
        }

        // After every row is applied, so a later row naming an owner for the same lead wins over the rules.
        await LeadAssignment.AssignAllAsync(db, [.. touched.Where(l => l.OwnerId is null)], ct);
        await LeadScoring.ApplyAllAsync(db, touched, ct);
    }

    /// <summary>Leads the user can see with the e-mail addresses of the batch's rows: address → the lead's name, for the duplicate check.</summary>
    private async Task<Dictionary<string, string>> LeadsByEmailAsync(List<RowState> open, CancellationToken ct)
    {
        var emails = open.Select(s => Normalize.Email(plan.Cell(s.Row, "lead.email"))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (emails.Count == 0)
        {
            return [];
        }

        var leads = await db.Leads.AsNoTracking().Where(l => l.Email != null && emails.Contains(l.Email))
            .Select(l => new { Email = l.Email!, l.FirstName, l.LastName })
            .ToListAsync(ct);
        return leads.GroupBy(l => l.Email, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(' ', new[] { g.First().FirstName, g.First().LastName }.Where(p => !string.IsNullOrWhiteSpace(p))), StringComparer.Ordinal);
    }

    /// <summary>The account link of a contacts-only row: the link column's key and its folded value (null: empty cell, no account).</summary>
    private (string Key, string? Value)? LinkOf(RowState state)
    {
        var key = plan.Options.AccountLink switch
        {
            AccountLink.ExternalId => ImportFields.ContactAccountExternalId,
            AccountLink.Name => ImportFields.ContactAccountName,
            AccountLink.None => null,
            _ => null,
        };
        if (key is null || plan.Cell(state.Row, key) is not { } value)
        {
            return null;
        }

        var text = Normalize.Text(value);
        return (key, text is null ? null : plan.Options.AccountLink == AccountLink.Name ? SearchText.SortKey(text) : text);
    }

    /// <summary>Accounts the user can see, by the link values of the batch: external id or folded name → ids.</summary>
    /// <summary>The accounts the rows link to, by link value; they are visible to the user, which <paramref name="references"/> learns.</summary>
    private async Task<Dictionary<string, List<Guid>>?> LinkedAccountsAsync(List<RowState> open, KnownReferences references, CancellationToken ct)
    {
        var values = open.Select(LinkOf).Where(l => l?.Value is not null).Select(l => l!.Value.Value!).Distinct().ToList();
        if (plan.Options.AccountLink == AccountLink.None)
        {
            return null;
        }

        if (values.Count == 0)
        {
            return [];
        }

        var rows = plan.Options.AccountLink == AccountLink.Name
            ? await db.Accounts.AsNoTracking().Where(a => values.Contains(a.SortName)).Select(a => new { Key = a.SortName, a.Id, a.BillingAddress.Country }).ToListAsync(ct)
            : await db.Accounts.AsNoTracking().Where(a => a.ExternalId != null && values.Contains(a.ExternalId)).Select(a => new { Key = a.ExternalId!, a.Id, a.BillingAddress.Country }).ToListAsync(ct);
        foreach (var row in rows)
        {
            references.VisibleAccounts[row.Id] = row.Country;
        }

        return rows.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList(), StringComparer.Ordinal);
    }

    private bool HasContactCells(FileRow row) =>
        ImportFields.Contact.Any(f => plan.Cell(row, f.Key) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value));

    private async Task OwnerAsync(RowState state, string key, Action<Guid> set, CancellationToken ct)
    {
        if (Normalize.Email(plan.Cell(state.Row, key)) is not { } email)
        {
            return;
        }

        if (!owners.TryGetValue(email, out var id))
        {
            var normalized = email.ToUpperInvariant();
            id = await db.Users.Where(u => u.NormalizedEmail == normalized && u.IsActive).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            owners[email] = id;
        }

        if (id is { } owner)
        {
            set(owner);
        }
        else
        {
            Reject(state, key, text["No active user has this e-mail address."]);
        }
    }

    /// <summary>Runs the request's own validation and reference checks; its field errors become problems of the mapped columns.</summary>
    private async Task<T?> ResolveAsync<T>(RowState state, string prefix, string ownerKey, string accountKey, Func<Task<T>> resolve)
        where T : class
    {
        try
        {
            var fields = await resolve();
            return state.Problems.Count == 0 ? fields : null;
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                var key = field switch
                {
                    "ownerId" => ownerKey,
                    "accountId" => accountKey,
                    _ => prefix + field,
                };
                foreach (var message in messages)
                {
                    Reject(state, key, message);
                }
            }

            return null;
        }
    }

    private void Reject(RowState state, string key, string message) =>
        state.Problems.Add(new RowProblem(state.Row.Number, key.Length == 0 ? "" : plan.ColumnOf(key), message));

    private List<string> ExternalIds(List<RowState> states, string key) =>
        [.. states.Select(s => Normalize.Text(plan.Cell(s.Row, key))).OfType<string>().Distinct(StringComparer.Ordinal)];

    private sealed record Known(string ExternalId, bool Deleted);

    private sealed class RowState(FileRow row)
    {
        public FileRow Row { get; } = row;
        public List<RowProblem> Problems { get; } = [];

        /// <summary>The account this row created or changed (written before the row's contact).</summary>
        public Account? Account { get; set; }
    }
}
