namespace Kontor.Resources;

/// <summary>Texts of the timeline, the activity forms, "My tasks" and task reminders.</summary>
public sealed class ActivitiesText;
