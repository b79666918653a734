using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports.Pages;

/// <summary>Names of targets and fields as the import pages show them.</summary>
internal static class ImportTargetText
{
    public static string Of(ImportTarget target, IStringLocalizer<ImportExportText> l) => target switch
    {
        ImportTarget.Accounts => l["Accounts"],
        ImportTarget.Contacts => l["Contacts"],
        ImportTarget.AccountsAndContacts => l["Accounts with contacts"],
        ImportTarget.Leads => l["Leads"],
        _ => target.ToString(),
    };

    public static string Field(ImportField field, IStringLocalizer<ImportExportText> l) =>
        $"{(field.IsAccount ? l["Account"] : field.IsLead ? l["Lead"] : l["Contact"])}: {FieldLabel(field.Label, l)}";

    private static string FieldLabel(string label, IStringLocalizer<ImportExportText> l) => label switch
    {
        "External id" => l["External id"],
        "Company name" => l["Company name"],
        "Industry" => l["Industry"],
        "Segment" => l["Segment"],
        "VAT ID" => l["VAT ID"],
        "Website" => l["Website"],
        "Phone" => l["Phone"],
        "E-mail" => l["E-mail"],
        "Street" => l["Street"],
        "Postal code" => l["Postal code"],
        "City" => l["City"],
        "Region" => l["Region"],
        "Country (ISO code)" => l["Country (ISO code)"],
        "Description" => l["Description"],
        "Owner (e-mail)" => l["Owner (e-mail)"],
        "Salutation" => l["Salutation"],
        "Title" => l["Title"],
        "First name" => l["First name"],
        "Last name" => l["Last name"],
        "Job title" => l["Job title"],
        "Mobile phone" => l["Mobile phone"],
        "Language" => l["Language"],
        "Account external id" => l["Account external id"],
        "Account name" => l["Account name"],
        "Company" => l["Company"],
        "Source" => l["Source"],
        "Campaign" => l["Campaign"],
        "Status" => l["Status"],
        "Disqualification reason" => l["Disqualification reason"],
        "Rating" => l["Rating"],
        "Consent text" => l["Consent text"],
        "Consent date" => l["Consent date"],
        _ => label,
    };
}
