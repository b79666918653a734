namespace Kontor.Resources;

/// <summary>Texts of duplicate warnings and of merging accounts and contacts.</summary>
public sealed class DuplicatesText;
