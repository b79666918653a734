using Kontor.Features.Activities.Shared;
using Kontor.Platform.Validation;

namespace Kontor.Features.Activities.Notes;

/// <summary>A note as clients send it: the body of <c>POST /api/activities/notes</c>, a patched note and the note form.</summary>
public sealed class NoteRequest : ActivityRequest
{
    /// <summary>Markdown; raw HTML is shown as text, unsafe links are removed when it is shown.</summary>
    [Mandatory, MaxChars(ActivityLimits.BodyLength)]
    public string Body { get; set; } = "";

    public static NoteRequest From(Note note) => new() { TargetType = note.TargetType, TargetId = note.TargetId, Body = note.Body ?? "" };

    internal string Resolve(Note? stored)
    {
        ThrowIfAny(Validate(stored));
        return Body.Trim();
    }
}
