using System.Reflection;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Shared;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Requests;
using Kontor.Features.Sales.Leads;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Tests.Features.Privacy;

/// <summary>
/// Every text field of the types that hold data about people is either marked <c>[PersonalData]</c> (so export and
/// erasure know it) or listed here as not personal, with the reason. A new field fails this test until someone decides.
/// </summary>
public sealed class PersonalDataClassificationTests
{
    /// <summary>Text fields that describe no person, each with why.</summary>
    private static readonly Dictionary<string, string> NotPersonal = new(StringComparer.Ordinal)
    {
        ["Lead.Source"] = "a channel of the organisation's marketing (trade fair, website)",
        ["Lead.Campaign"] = "the organisation's campaign name",
        ["Lead.Segment"] = "a market segment the organisation defines",
        ["Lead.FullName"] = "computed from FirstName and LastName, not stored",
        ["Activity.TargetType"] = "the kind of record (account, contact)",
        ["FieldChange.RecordType"] = "the kind of record",
        ["FieldChange.Field"] = "the name of a field",
        ["KontorUser.DisplayName"] = "computed from the classified names, not stored",
        ["KontorUser.PasswordHash"] = "a credential, never exported",
        ["KontorUser.SecurityStamp"] = "a credential, never exported",
        ["KontorUser.ConcurrencyStamp"] = "a concurrency token",
        ["Consent.Purpose"] = "a key of the configured purposes",
        ["Consent.TokenHash"] = "a hash of a random token",
        ["DataSubjectRequest.SubjectType"] = "the kind of record",
        ["DataSubjectRequest.ExtensionReason"] = "the organisation's reason (workload, complexity)",
        ["DataSubjectRequest.RefusalReason"] = "the organisation's legal reason",
        ["AuditEntry.RecordType"] = "the kind of record",
        ["AuditEntry.Detail"] = "ids, field names and counts by design (docs/audit.md)",
        ["AuditEntry.PreviousHash"] = "a hash",
        ["AuditEntry.Hash"] = "a hash",
        ["AuditEntry.PersonalSalt"] = "random bytes, removed by redaction (ADR 0028)",
        ["AuditEntry.PersonalDigest"] = "a salted digest of ids, unlinkable once redaction removes the salt (ADR 0028)",
    };

    /// <summary>Personal fields of Identity's user class, where Kontor cannot add the attribute.</summary>
    private static readonly HashSet<string> PersonalInBaseClass = new(StringComparer.Ordinal)
    {
        "KontorUser.NormalizedEmail",
        "KontorUser.NormalizedUserName",
    };

    public static TheoryData<Type> PersonTypes =>
    [
        typeof(Contact),
        typeof(Lead),
        typeof(KontorUser),
        typeof(Activity),
        .. typeof(Activity).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Activity)) && !t.IsAbstract),
        typeof(MeetingAttendee),
        typeof(FieldChange),
        typeof(AuditEntry),
        typeof(Consent),
        typeof(DataSubjectRequest),
    ];

    [Theory]
    [MemberData(nameof(PersonTypes))]
    public void EveryTextField_IsClassifiedOrListedAsNotPersonal(Type type)
    {
        var unclassified = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string))
            .Where(p => !p.IsDefined(typeof(PersonalDataAttribute), inherit: true))
            .Select(p => $"{NameOf(p)}.{p.Name}")
            .Where(name => !NotPersonal.ContainsKey(name) && !PersonalInBaseClass.Contains(name))
            .ToList();

        Assert.True(unclassified.Count == 0,
            $"Mark these fields [PersonalData] (Microsoft.AspNetCore.Identity) or list them as not personal in {nameof(PersonalDataClassificationTests)}: {string.Join(", ", unclassified)}");
    }

    [Fact]
    public void NotPersonalList_NamesOnlyExistingUnclassifiedFields()
    {
        var types = PersonTypes.Select(t => (Type)t.Data).ToList();
        foreach (var name in NotPersonal.Keys)
        {
            var (typeName, propertyName) = (name[..name.IndexOf('.', StringComparison.Ordinal)], name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            var property = types.Where(t => t.Name == typeName).Select(t => t.GetProperty(propertyName)).FirstOrDefault(p => p is not null);
            Assert.True(property is not null, $"{name} does not exist any more; remove it from the list.");
            Assert.False(property!.IsDefined(typeof(PersonalDataAttribute), inherit: true), $"{name} is marked personal and listed as not personal.");
        }
    }

    [Fact]
    public void Contact_ClassifiesNamesAndAddresses()
    {
        Assert.All(
            new[] { nameof(Contact.FirstName), nameof(Contact.LastName), nameof(Contact.Email), nameof(Contact.Phone), nameof(Contact.MobilePhone) },
            name => Assert.True(typeof(Contact).GetProperty(name)!.IsDefined(typeof(PersonalDataAttribute), inherit: true), name));
    }

    private static string NameOf(PropertyInfo property) =>
        property.DeclaringType is { } declaring && (declaring == typeof(Activity) || declaring.Name.StartsWith("IdentityUser", StringComparison.Ordinal))
            ? (declaring == typeof(Activity) ? nameof(Activity) : nameof(KontorUser))
            : property.ReflectedType!.Name;
}
