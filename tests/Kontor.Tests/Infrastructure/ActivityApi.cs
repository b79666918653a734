using System.Net;
using System.Text.Json;

namespace Kontor.Tests.Infrastructure;

/// <summary>Creates activities through the API.</summary>
public static class ActivityApi
{
    public static Task<JsonElement> LogCallAsync(this HttpClient client, string targetType, Guid targetId, DateTimeOffset? occurredAt = null, string? subject = null) =>
        client.PostJsonAsync("/api/activities/calls", new { targetType, targetId, direction = "Outbound", outcome = "Reached", durationSeconds = 300, occurredAt, subject })
            .ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> AddNoteAsync(this HttpClient client, string targetType, Guid targetId, string body) =>
        client.PostJsonAsync("/api/activities/notes", new { targetType, targetId, body }).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> AddTaskAsync(this HttpClient client, string targetType, Guid targetId, string subject, DateOnly? dueOn = null, Guid? assigneeId = null) =>
        client.PostJsonAsync("/api/activities/tasks", new { targetType, targetId, subject, dueOn, assigneeId }).ExpectAsync(HttpStatusCode.Created);
}
