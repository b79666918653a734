using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>A quote line as the API returns it; amounts in minor units.</summary>
public sealed record QuoteLineResponse(
    Guid Id, int Position, Guid ProductId, string ProductCode, string Description, string Unit, TaxClass TaxClass,
    decimal Quantity, long UnitPrice, decimal? DiscountPercent, long? DiscountAmount, long GrossAmount, long LineDiscount,
    long NetAmount, long QuoteDiscountShare, long TaxableAmount, decimal TaxRatePercent, long TaxAmount, long TotalAmount)
{
    public static QuoteLineResponse Of(PricedLine l) => new(
        l.Id, l.Position, l.ProductId, l.ProductCode, l.Description, l.Unit, l.TaxClass, l.Quantity, l.UnitPrice, l.DiscountPercent,
        l.DiscountAmount, l.GrossAmount, l.LineDiscount, l.NetAmount, l.QuoteDiscountShare, l.TaxableAmount, l.TaxRatePercent, l.TaxAmount, l.TotalAmount);
}

/// <summary>A quote as the API returns it and the editor shows it; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record QuoteResponse(
    Guid Id,
    string Number,
    long Sequence,
    int Revision,
    bool IsCurrent,
    QuoteStatus Status,
    Guid OpportunityId,
    string? OpportunityName,
    Guid AccountId,
    string? AccountName,
    Guid OwnerId,
    string Currency,
    string TaxCountry,
    DateOnly QuoteDate,
    DateOnly ValidUntil,
    decimal? DiscountPercent,
    long? DiscountAmount,
    string? Notes,
    long Subtotal,
    long QuoteDiscount,
    long NetTotal,
    long TaxTotal,
    long GrossTotal,
    IReadOnlyList<TaxBreakdown> Taxes,
    decimal MaxDiscountPercent,
    bool ApprovalRequired,
    Guid? ApproverId,
    string? ApproverName,
    DateTimeOffset? ApprovalRequestedAt,
    DateTimeOffset? ApprovalDecidedAt,
    Guid? ApprovalDecidedBy,
    string? ApprovalComment,
    DateTimeOffset? SentAt,
    DateTimeOffset? AnsweredAt,
    string? RejectionReason,
    Guid? OrderId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<QuoteLineResponse> Lines)
{
    /// <summary>Reads the quote with its lines and the names it refers to; null when it does not exist or its opportunity is not visible.</summary>
    public static async Task<QuoteResponse?> LoadAsync(Guid id, KontorDb db, CancellationToken ct)
    {
        var row = await QuoteAccess.Visible(db).AsNoTracking().Where(q => q.Id == id)
            .Select(q => new
            {
                Quote = q,
                Lines = q.Lines.OrderBy(l => l.Position).ToList(),
                Opportunity = db.Opportunities.Where(o => o.Id == q.OpportunityId).Select(o => new { o.Name, o.OwnerId }).First(),
                AccountName = db.Accounts.Where(a => a.Id == q.AccountId).Select(a => a.Name).FirstOrDefault(),
                ApproverName = db.Users.Where(u => u.Id == q.ApproverId).Select(UserNames.DisplayName).FirstOrDefault(),
                OrderId = db.Orders.Where(o => o.QuoteId == q.Id).Select(o => (Guid?)o.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var q = row.Quote;
        var lines = row.Lines;
        var taxes = lines.GroupBy(l => l.TaxRatePercent).OrderByDescending(g => g.Key)
            .Select(g => new TaxBreakdown(g.Key, g.Sum(l => l.TaxableAmount), g.Sum(l => l.TaxAmount))).ToList();
        return new QuoteResponse(
            q.Id, q.Number, q.Sequence, q.Revision, q.IsCurrent, q.Status, q.OpportunityId, row.Opportunity.Name, q.AccountId, row.AccountName,
            row.Opportunity.OwnerId, q.Currency, q.TaxCountry, q.QuoteDate, q.ValidUntil, q.DiscountPercent, q.DiscountAmount, q.Notes,
            q.Subtotal, q.QuoteDiscount, q.NetTotal, q.TaxTotal, q.GrossTotal, taxes, q.MaxDiscountPercent, q.ApprovalRequired,
            q.ApproverId, row.ApproverName, q.ApprovalRequestedAt, q.ApprovalDecidedAt, q.ApprovalDecidedBy, q.ApprovalComment,
            q.SentAt, q.AnsweredAt, q.RejectionReason, row.OrderId, q.CreatedAt, q.UpdatedAt, [.. lines.Select(QuoteLineResponse.Of)]);
    }
}

/// <summary>A quote in a list.</summary>
public sealed record QuoteSummary(
    Guid Id, string Number, int Revision, bool IsCurrent, QuoteStatus Status, Guid OpportunityId, string? OpportunityName, string? AccountName,
    string Currency, long GrossTotal, DateOnly QuoteDate, DateOnly ValidUntil, bool ApprovalRequired, Guid? ApproverId, DateTimeOffset CreatedAt);
