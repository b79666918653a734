using Kontor.Features.Customers.Contacts;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Leads.Pages;

/// <summary>Names of lead statuses, ratings and salutations in the user's language.</summary>
internal static class LeadLabels
{
    public static string Status(LeadStatus status, IStringLocalizer<LeadsText> l) => status switch
    {
        LeadStatus.New => l["New"],
        LeadStatus.Working => l["Working"],
        LeadStatus.Qualified => l["Qualified"],
        LeadStatus.Disqualified => l["Disqualified"],
        LeadStatus.Converted => l["Converted"],
        _ => status.ToString(),
    };

    public static string Rating(LeadRating? rating, IStringLocalizer<LeadsText> l) => rating switch
    {
        LeadRating.Hot => l["Hot"],
        LeadRating.Warm => l["Warm"],
        LeadRating.Cold => l["Cold"],
        null => "",
        _ => rating.Value.ToString(),
    };

    public static string Salutation(Salutation salutation, IStringLocalizer<LeadsText> l) => salutation switch
    {
        Customers.Contacts.Salutation.Mr => l["Mr"],
        Customers.Contacts.Salutation.Ms => l["Ms"],
        Customers.Contacts.Salutation.Mx => l["Mx"],
        Customers.Contacts.Salutation.None => l["(none)"],
        _ => salutation.ToString(),
    };
}
