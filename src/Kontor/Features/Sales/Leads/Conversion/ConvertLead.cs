using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Duplicates;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.Conversion;

/// <summary>Body of <c>POST /api/leads/{id}/convert</c>; also the model of the conversion dialog.</summary>
public sealed class ConvertLeadRequest
{
    /// <summary>An existing account the contact joins; when left out a new account is created.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The new account's name; the lead's company (else the person's name) when left out.</summary>
    [MaxChars(200)]
    public string? AccountName { get; set; }

    /// <summary>Create the new account and contact although likely duplicates exist (else 409 listing them).</summary>
    public bool AllowDuplicates { get; set; }

    /// <summary>Also create an opportunity on the account, in the first stage of the default pipeline.</summary>
    public bool CreateOpportunity { get; set; }

    /// <summary>The opportunity's name; "company – lead source" style default when left out.</summary>
    [MaxChars(200)]
    public string? OpportunityName { get; set; }

    /// <summary>Expected amount in minor units of the tenant's default currency.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, long.MaxValue)]
    public long? Amount { get; set; }

    public DateOnly? CloseDate { get; set; }

    /// <summary>Owner of what is created; the lead's owner (else the caller) when left out. An existing account keeps its owner.</summary>
    public Guid? OwnerId { get; set; }
}

/// <summary>What a lead became.</summary>
public sealed record ConvertLeadResponse(Guid LeadId, Guid AccountId, bool AccountCreated, Guid ContactId, Guid? OpportunityId, int MovedActivities);

internal static class ConvertLead
{
    /// <summary>The member of a duplicate refusal that says whether the candidates are accounts or contacts.</summary>
    public const string DuplicatesOf = "duplicatesOf";

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/convert", async Task<Results<Ok<ConvertLeadResponse>, NotFound>> (
                Guid id, ConvertLeadRequest request, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, access, clock, ct) is { } converted ? TypedResults.Ok(converted) : TypedResults.NotFound())
            .WithName(nameof(ConvertLead))
            .WithSummary("Convert a lead into an account, a contact and optionally an opportunity")
            .WithDescription("In one transaction: picks the given account or creates one (duplicate check: 409 listing the candidates unless allowDuplicates), creates the contact, optionally an opportunity in the first stage of the default pipeline (tenant currency), moves the lead's activities to the contact and marks the lead Converted with links to what it became. Nothing is stored when any step fails. A converted lead cannot be converted again (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the conversion dialog; null when the lead is not visible.</summary>
    public static async Task<ConvertLeadResponse?> ExecuteAsync(
        Guid id, ConvertLeadRequest request, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return null;
        }

        LeadAccess.RequireChange(access, lead, ObjectPermissions.Edit);
        if (lead.Status == LeadStatus.Converted)
        {
            throw new BusinessRuleException(LeadsText.Message("This lead was converted already."));
        }

        if (lead.Status == LeadStatus.Disqualified)
        {
            throw new BusinessRuleException(LeadsText.Message("A disqualified lead cannot be converted; qualify it first."));
        }

        access.Require(CustomerObjects.Contacts, ObjectPermissions.Create);
        if (request.CreateOpportunity)
        {
            access.Require(SalesObjects.Opportunities, ObjectPermissions.Create);
        }

        var errors = new FieldErrors(RequestValidator.Validate(request));
        await References.AccountAsync(db, request.AccountId, stored: null, errors, "accountId", ct);
        await LeadReferences.OwnerAsync(db, request.OwnerId, stored: null, errors, "ownerId", ct);
        errors.ThrowIfAny();

        var owner = request.OwnerId ?? lead.OwnerId ?? user.Id;
        var now = clock.GetUtcNow();

        // Every step saves into this one transaction; an exception anywhere (a duplicate found for the contact after
        // the account was written, a refused permission) rolls all of it back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accountCreated = request.AccountId is null;
        var accountId = request.AccountId ?? (await Marked("account", () => CreateAccount.ExecuteAsync(
            new AccountRequest
            {
                Name = Normalize.Text(request.AccountName) ?? lead.Company ?? lead.FullName,
                Segment = lead.Segment,
                Phone = lead.Phone,
                BillingAddress = AddressRequest.From(lead.Address),
                OwnerId = owner,
            },
            request.AllowDuplicates, db, user, access, ct))).Id;

        var contact = await Marked("contact", () => CreateContact.ExecuteAsync(
            new ContactRequest
            {
                Salutation = lead.Salutation,
                FirstName = lead.FirstName,
                LastName = lead.LastName,
                JobTitle = lead.Title,
                Email = lead.Email,
                Phone = lead.Phone,
                AccountId = accountId,
                OwnerId = owner,
                Description = lead.Description,
            },
            request.AllowDuplicates, db, user, access, ct));

        Guid? opportunityId = null;
        if (request.CreateOpportunity)
        {
            opportunityId = await CreateOpportunityAsync(db, lead, request, accountId, owner, user, now, ct);
        }

        var contactRef = new RecordRef(CustomerObjects.Contacts.Key, contact.Id);
        var leadType = SalesObjects.Leads.Key;
        var activities = await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(a => a.TargetType == leadType && a.TargetId == id)
            .ToListAsync(ct);
        foreach (var activity in activities)
        {
            activity.MoveTo(contactRef);
        }

        lead.MarkConverted(accountId, contact.Id, opportunityId, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ConvertLeadResponse(id, accountId, accountCreated, contact.Id, opportunityId, activities.Count);
    }

    /// <summary>Marks a duplicate refusal of a step with the kind of records it lists.</summary>
    private static async Task<T> Marked<T>(string kind, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (BusinessRuleException rule) when (DuplicateCheck.CandidatesOf(rule) is not null)
        {
            throw new BusinessRuleException(rule.Message) { Extensions = new Dictionary<string, object?>(rule.Extensions) { [DuplicatesOf] = kind } };
        }
    }

    private static async Task<Guid> CreateOpportunityAsync(
        KontorDb db, Lead lead, ConvertLeadRequest request, Guid accountId, Guid owner, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Name, a.InsideSalesTeamId }).SingleAsync(ct);
        var currency = await db.Tenants.Select(t => t.DefaultCurrency).SingleAsync(ct);
        var name = Normalize.Text(request.OpportunityName) ?? account.Name;
        var opportunity = new Opportunity(
            new OpportunityFields(name, accountId, owner, account.InsideSalesTeamId, request.Amount, currency, request.CloseDate, null, lead.Source, null, null, null),
            pipeline,
            pipeline.FirstOpenStage(),
            user.ActorId,
            now);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(ct);
        return opportunity.Id;
    }
}
