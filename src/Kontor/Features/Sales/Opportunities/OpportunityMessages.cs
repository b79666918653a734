using Kontor.Resources;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>
/// Messages of the pipeline and opportunity slices in the caller's language, for the API and the pages alike. The
/// key is the English text, as for <c>IStringLocalizer&lt;OpportunitiesText&gt;</c>; German texts live in
/// <c>Resources/OpportunitiesText.de.resx</c>.
/// </summary>
internal static class OpportunityMessages
{
    public static string Get(string english) => ResourceTexts<OpportunitiesText>.Get(english);

    public static string Format(string english, params object[] arguments) => ResourceTexts<OpportunitiesText>.Format(english, arguments);

    /// <summary>The label of a field a stage can require (<see cref="OpportunityRequiredFields.All"/>), as forms show it.</summary>
    public static string FieldLabel(string field) => field switch
    {
        OpportunityRequiredFields.Amount => Get("Amount"),
        OpportunityRequiredFields.CloseDate => Get("Close date"),
        OpportunityRequiredFields.NextStep => Get("Next step"),
        OpportunityRequiredFields.Competitors => Get("Competitors"),
        OpportunityRequiredFields.LossReason => Get("Loss reason"),
        OpportunityRequiredFields.Description => Get("Description"),
        _ => field,
    };
}
