namespace Kontor.Platform.Records;

/// <summary>
/// Points at one business record of any kind: the kind is the record's <see cref="Access.SecuredObject.Key"/>
/// (<c>account</c>, <c>contact</c>, later <c>opportunity</c>, <c>case</c> …), the id its primary key. Activities,
/// field history and the audit log attach to records through it instead of a column per record type.
/// </summary>
public readonly record struct RecordRef(string Type, Guid Id)
{
    public override string ToString() => $"{Type}/{Id}";
}
