using Kontor.Features.Activities.Shared;
using Kontor.Platform.Records;

namespace Kontor.Features.Activities.Notes;

/// <summary>A Markdown note about a record; shown rendered, with raw HTML and unsafe links removed.</summary>
public sealed class Note : Activity
{
    private Note() => Kind = ActivityKind.Note; // For EF Core.

    public Note(RecordRef target, string markdown, DateTimeOffset now)
        : this()
    {
        AttachTo(target);
        OccurredAt = now;
        Body = markdown;
    }

    public void Apply(string markdown) => Body = markdown;
}
