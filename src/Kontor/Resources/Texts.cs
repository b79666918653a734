namespace Kontor.Resources;

// Marker types for IStringLocalizer<T>: each names a resource file in this folder (Name.resx is empty,
// Name.de.resx holds the German texts). Keys are the English texts themselves, so a missing German
// entry shows English rather than a key; a test checks every key used in the code has a German entry.

/// <summary>Texts of the app shell and of shared components.</summary>
public sealed class SharedText;

/// <summary>Texts of the accounts and contacts pages.</summary>
public sealed class CustomersText;

/// <summary>Texts of sign-in, profile, MFA and API tokens.</summary>
public sealed class IdentityText;

/// <summary>Texts of the administration pages (users, teams, sites, roles, tokens).</summary>
public sealed class AdminText;

/// <summary>Texts of the global search box and the search results page.</summary>
public sealed class GlobalSearchText;
/// <summary>Texts of file imports and exports: the wizard, the import pages and the row error messages.</summary>
public sealed class ImportExportText;

/// <summary>Texts of forecasts, targets, sales reports and upsell signals.</summary>
public sealed class ForecastsText;

/// <summary>Texts of the works agreement: its pages, versions, approvals and the messages of its document.</summary>
public sealed class AgreementText;
