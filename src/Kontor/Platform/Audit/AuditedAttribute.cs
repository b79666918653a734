namespace Kontor.Platform.Audit;

/// <summary>
/// Marks a business field of a <see cref="Data.RecordEntity"/> whose changes are kept as <see cref="FieldChange"/> rows.
/// On a complex property (an address) every part is audited, named <c>BillingAddress.City</c> and so on.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditedAttribute : Attribute;
