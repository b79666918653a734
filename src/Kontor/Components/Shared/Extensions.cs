namespace Kontor.Components.Shared;

/// <summary>
/// A component a module adds to the detail page of every record (below the record's own sections), so a lower module's
/// page shows a higher module's panel without knowing it. The component receives a <c>Record</c> parameter (a RecordRef).
/// </summary>
public sealed record RecordSection(Type Component, int Order);

/// <summary>A component a module adds to the app bar of every signed-in page, e.g. a reminder indicator.</summary>
public sealed record AppBarItem(Type Component, int Order);
