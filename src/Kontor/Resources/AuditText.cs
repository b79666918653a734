namespace Kontor.Resources;

/// <summary>Texts of the audit log page.</summary>
public sealed class AuditText;
