using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Activities.Timeline;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Activities.Shared;

/// <summary>The words the pages use for activity enums, in the user's language.</summary>
internal sealed class ActivityTexts(IStringLocalizer<ActivitiesText> l)
{
    public string Outcome(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Reached => l["Reached"],
        CallOutcome.NoAnswer => l["No answer"],
        CallOutcome.Voicemail => l["Voicemail"],
        CallOutcome.Busy => l["Busy"],
        CallOutcome.WrongNumber => l["Wrong number"],
        _ => outcome.ToString(),
    };

    public string Priority(TaskPriority priority) => priority switch
    {
        TaskPriority.Low => l["Low"],
        TaskPriority.Normal => l["Normal"],
        TaskPriority.High => l["High"],
        _ => priority.ToString(),
    };

    public string Status(TaskItemStatus status) => status switch
    {
        TaskItemStatus.Open => l["Open"],
        TaskItemStatus.InProgress => l["In progress"],
        TaskItemStatus.Done => l["Done"],
        TaskItemStatus.Cancelled => l["Cancelled"],
        _ => status.ToString(),
    };

    public string Kind(TimelineKind kind) => kind switch
    {
        TimelineKind.Task => l["Tasks"],
        TimelineKind.Note => l["Notes"],
        TimelineKind.Call => l["Calls"],
        TimelineKind.Meeting => l["Meetings"],
        TimelineKind.Visit => l["Visits"],
        TimelineKind.Change => l["Changes"],
        _ => kind.ToString(),
    };

    public string Channel(Channel channel) => channel switch
    {
        Platform.Identity.Channel.Ui => l["in the app"],
        Platform.Identity.Channel.Api => l["through the API"],
        Platform.Identity.Channel.Import => l["by an import"],
        Platform.Identity.Channel.System => l["by the system"],
        _ => channel.ToString(),
    };

    /// <summary>"Outbound call", "Inbound call".</summary>
    public string Call(CallDirection direction) =>
        direction == CallDirection.Inbound ? l["Inbound call"] : l["Outbound call"];

    /// <summary>The detail page of a record, by its type's plural (accounts, contacts, later opportunities).</summary>
    public static string RecordUrl(string type, Guid id) => $"/{type}s/{id}";
}
