using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Activities.Timeline;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Activities.Shared;

/// <summary>The words the pages use for activity enums, in the user's language.</summary>
internal static class ActivityTexts
{
    public static string Outcome(CallOutcome outcome, IStringLocalizer<ActivitiesText> l) => outcome switch
    {
        CallOutcome.Reached => l["Reached"],
        CallOutcome.NoAnswer => l["No answer"],
        CallOutcome.Voicemail => l["Voicemail"],
        CallOutcome.Busy => l["Busy"],
        CallOutcome.WrongNumber => l["Wrong number"],
        _ => outcome.ToString(),
    };

    public static string Priority(TaskPriority priority, IStringLocalizer<ActivitiesText> l) => priority switch
    {
        TaskPriority.Low => l["Low"],
        TaskPriority.Normal => l["Normal"],
        TaskPriority.High => l["High"],
        _ => priority.ToString(),
    };

    public static string Status(TaskItemStatus status, IStringLocalizer<ActivitiesText> l) => status switch
    {
        TaskItemStatus.Open => l["Open"],
        TaskItemStatus.InProgress => l["In progress"],
        TaskItemStatus.Done => l["Done"],
        TaskItemStatus.Cancelled => l["Cancelled"],
        _ => status.ToString(),
    };

    public static string Kind(TimelineKind kind, IStringLocalizer<ActivitiesText> l) => kind switch
    {
        TimelineKind.Task => l["Tasks"],
        TimelineKind.Note => l["Notes"],
        TimelineKind.Call => l["Calls"],
        TimelineKind.Meeting => l["Meetings"],
        TimelineKind.Change => l["Changes"],
        _ => kind.ToString(),
    };

    public static string Channel(Channel channel, IStringLocalizer<ActivitiesText> l) => channel switch
    {
        Platform.Identity.Channel.Ui => l["in the app"],
        Platform.Identity.Channel.Api => l["through the API"],
        Platform.Identity.Channel.Import => l["by an import"],
        Platform.Identity.Channel.System => l["by the system"],
        _ => channel.ToString(),
    };

    /// <summary>"Outbound call", "Inbound call".</summary>
    public static string Call(CallDirection direction, IStringLocalizer<ActivitiesText> l) =>
        direction == CallDirection.Inbound ? l["Inbound call"] : l["Outbound call"];

    /// <summary>The detail page of a record, by its type's plural (accounts, contacts, later opportunities).</summary>
    public static string RecordUrl(string type, Guid id) => $"/{type}s/{id}";
}
